// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

namespace otelconsole::sandbox {

class Admission;
class Clock;
class ObjectDeleter;
class ObjectStore;
class RbacAuthorizer;
class ResourceRegistry;
class TableConverter;

/// How long watches may stay open and how often they bookmark.
struct WatchSettings {
    std::chrono::seconds maxTimeout{1800};
    std::chrono::milliseconds bookmarkInterval{60000};
};

/// The shared parts the verb handlers work with; owned by SandboxCluster.
struct ApiContext {
    ObjectStore &store;
    const ResourceRegistry &registry;
    const Clock &clock;
    Admission &admission;
    ObjectDeleter &deleter;
    const RbacAuthorizer &authorizer;
    const TableConverter &tables;
    WatchSettings watch;
};

} // namespace otelconsole::sandbox
