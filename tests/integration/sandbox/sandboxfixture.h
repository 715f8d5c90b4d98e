// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandboxclient.h"
#include "sandboxcluster.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace sandboxtest {

/// Starts a fresh sandbox cluster on an ephemeral port for every test and stops it afterwards.
class SandboxFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// Options for the cluster under test; fixtures override to change flags.
    virtual otelconsole::sandbox::SandboxOptions options() const;

    SandboxClient admin() { return SandboxClient(m_cluster, SandboxClient::Identity::Admin); }
    SandboxClient operatorUser() { return SandboxClient(m_cluster, SandboxClient::Identity::Operator); }
    SandboxClient viewer() { return SandboxClient(m_cluster, SandboxClient::Identity::Viewer); }
    SandboxClient anonymous() { return SandboxClient(m_cluster, SandboxClient::Identity::Anonymous); }

    otelconsole::sandbox::SandboxCluster m_cluster;
};

/// Small manifests the tests build on.
nlohmann::json deploymentManifest(const std::string &name, const std::string &ns,
                                  const std::string &app = "web");
nlohmann::json configMapManifest(const std::string &name, const std::string &ns);
nlohmann::json serviceManifest(const std::string &name, const std::string &ns);
nlohmann::json namespaceManifest(const std::string &name);

/// The cause with the given field in a Status, or null when there is none.
nlohmann::json causeFor(const nlohmann::json &status, const std::string &field);

} // namespace sandboxtest
