// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/resourcetype.h"
#include "api/statuserror.h"
#include "api/userinfo.h"

#include <nlohmann/json.hpp>

#include <string>

namespace otelconsole::sandbox {

class Clock;
class Defaulter;
class EscalationCheck;
class IpAllocator;
class ObjectStore;
class Validator;

/// Who writes and how, for one create/update/patch.
struct WriteContext {
    UserInfo user;
    std::string manager;     ///< the field manager
    std::string subresource; ///< "", "status" or "scale"
    bool dryRun = false;
    bool managedFieldsDone = false; ///< server-side apply already recorded ownership
};

/// Everything between a decoded request body and the store: server-owned metadata, status
/// handling, defaulting, validation, RBAC escalation checks, cluster IPs, generation and managed
/// fields. The same steps for every kind; kind-specific rules live in Defaulter and Validator.
class Admission {
public:
    Admission(const ObjectStore &store, const Clock &clock, const Defaulter &defaulter,
              const Validator &validator, const EscalationCheck &escalation, IpAllocator &ips);

    /// Prepares a new object; on success it is ready for the store.
    ApiResult<nlohmann::json> admitCreate(const ResourceType &type, nlohmann::json object,
                                          const WriteContext &context) const;

    /// Prepares a replacement for `old`.
    ApiResult<nlohmann::json> admitUpdate(const ResourceType &type, const nlohmann::json &old,
                                          nlohmann::json updated, const WriteContext &context) const;

    /// Whether objects may be created in `ns`: 404 when it does not exist, 403 while it terminates.
    [[nodiscard]] ApiResult<void> checkNamespace(const ResourceType &type, const std::string &ns,
                                                 const std::string &name) const;

    /// Gives back a Service's cluster IP after its create failed or did not happen.
    void releaseAllocations(const ResourceType &type, const nlohmann::json &object) const;

private:
    void resetStatus(const ResourceType &type, nlohmann::json &object) const;
    ApiResult<void> allocateServiceAddresses(nlohmann::json &object, bool dryRun) const;
    static void keepServiceAddresses(const nlohmann::json &old, nlohmann::json &updated);
    static void applySubresourceRules(const ResourceType &type, const nlohmann::json &old,
                                      nlohmann::json &updated, const std::string &subresource);
    static void bumpGeneration(const ResourceType &type, const nlohmann::json &old, nlohmann::json &updated);
    ApiResult<void> validate(const ResourceType &type, const nlohmann::json *old,
                             const nlohmann::json &object) const;

    const ObjectStore &m_store;
    const Clock &m_clock;
    const Defaulter &m_defaulter;
    const Validator &m_validator;
    const EscalationCheck &m_escalation;
    IpAllocator &m_ips;
};

} // namespace otelconsole::sandbox
