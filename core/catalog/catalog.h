// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog/version.h"
#include "common/error.h"
#include "common/json.h"
#include "model/project.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otelconsole {

enum class ComponentKind { Receiver, Processor, Exporter, Extension, Connector };
enum class Signal { Traces, Metrics, Logs, Profiles };

[[nodiscard]] std::string_view toString(ComponentKind kind);
[[nodiscard]] std::string_view toString(Signal signal);
/// "receiver", "processor", … as the catalog file and the collector config spell them.
[[nodiscard]] std::optional<ComponentKind> componentKindFromString(std::string_view text);
[[nodiscard]] std::optional<Signal> signalFromString(std::string_view text);

/// A port a component listens on, and the config key that sets its endpoint.
struct CatalogPort {
    std::string name; ///< Service/container port name, e.g. otlp-grpc
    int port = 0;
    std::string protocol;    ///< TCP or UDP
    std::string endpointKey; ///< dotted path in the component config, e.g. protocols.grpc.endpoint
    /// true: opens on `port` once the section holding the endpoint key is present (protocols.grpc for
    /// protocols.grpc.endpoint); false: opens only if the endpoint key itself is present
    bool enabledByDefault = true;
};

/// Limits a catalog entry to configurations that use a given setting.
struct CatalogCondition {
    std::string key;                 ///< dotted path in the component config, e.g. extract.metadata
    std::vector<std::string> values; ///< empty: the key only has to be present

    /// Whether `config` has the key and, when values are given, one of them there: equal to a string,
    /// an element of a list, or a key of a map.
    [[nodiscard]] bool holds(const Json &config) const;
};

/// An RBAC rule a component needs, and why, for the RBAC page.
struct CatalogRbacRule {
    PolicyRule rule;
    std::string why;
    std::optional<CatalogCondition> when; ///< catalog entries: needed only when this holds
    std::vector<std::string> requiredBy;  ///< Catalog::rbacFor(): the component ids that need the rule
};

/// A hostPath volume a component needs (DaemonSet log and host metrics collection).
struct CatalogHostMount {
    std::string name;
    std::string hostPath;
    std::string mountPath;
    bool readOnly = true;
    std::string hostPathType;     ///< empty, Directory, DirectoryOrCreate…
    std::string mountPropagation; ///< empty or HostToContainer
    std::string why;
};

/// An environment variable from the downward API (fieldRef).
struct CatalogEnv {
    std::string name;
    std::string fieldPath; ///< e.g. spec.nodeName
    std::string why;
};

/// Which releases of one distribution contain the component: [since, until).
struct CatalogAvailability {
    Distribution distribution = Distribution::Contrib;
    Version since;
    std::optional<Version> until; ///< first version without it
};

/// A name the component is known by from a given version on (renames keep the old name as alias).
struct CatalogName {
    std::string name;
    Version since;
};

/// A common setting shown as a form field on the pipeline page.
struct CatalogField {
    std::string key;  ///< dotted path in the component config
    std::string type; ///< string | int | bool | duration | enum | list
    Json defaultValue;
    std::vector<std::string> choices; ///< for enum
    std::string description;
};

struct ComponentInfo {
    ComponentKind kind = ComponentKind::Receiver;
    std::vector<CatalogName> names; ///< oldest first; names.front().name is the original type
    std::string description;
    std::vector<Signal> signals;
    std::vector<CatalogAvailability> availability;
    std::vector<CatalogPort> ports;
    std::vector<CatalogRbacRule> rbac;
    std::vector<CatalogHostMount> hostMounts;
    std::vector<CatalogEnv> env;
    bool needsRoot = false;     ///< must run as UID 0 (reads root-owned host files)
    std::string needsRootWhy;   ///< set when needsRoot is
    bool clusterScoped = false; ///< reads cluster-wide state: more than one instance duplicates data
    std::string replacement;    ///< for removed components: what to use instead, as advice
    std::string replacedBy;     ///< for removed components: the original type of the replacement
    Json defaultConfig;         ///< settings a new instance starts with
    std::vector<CatalogField> fields;

    [[nodiscard]] const std::string &originalName() const { return names.front().name; }
    /// Every name the component was ever known by.
    [[nodiscard]] bool hasName(std::string_view type) const;
    /// The release that introduced `type` as a name of this component; nullopt for other names.
    [[nodiscard]] std::optional<Version> nameSince(std::string_view type) const;
    /// The newest name valid in `version` (the original name for releases older than every rename).
    [[nodiscard]] const std::string &nameAt(const Version &version) const;
    /// The releases of `distribution` that contain the component; nullptr when none does.
    [[nodiscard]] const CatalogAvailability *availabilityIn(Distribution distribution) const;
};

/// What the catalog says about one component type in one image.
struct ComponentSupport {
    const ComponentInfo *component = nullptr; ///< nullptr: the type is not in the catalog at all
    bool available = false;                   ///< the image contains it under this name
    std::string preferredName;                ///< the name to write for this image's version
    std::string reason;                       ///< when not available: why, and what to do instead
};

/// Collector components by kind, distribution and version, with the ports, RBAC rules, host mounts and
/// environment each one needs. Loaded from resources/catalog/components.yaml.
class Catalog {
public:
    Catalog() = default;

    /// The catalog shipped with the application.
    [[nodiscard]] static const Catalog &builtin();
    [[nodiscard]] static Result<Catalog> parse(std::string_view yamlText, const std::string &file = {});

    [[nodiscard]] const std::vector<ComponentInfo> &components() const { return m_components; }
    /// Finds a component by any of its names (`type`, not `type/name`).
    [[nodiscard]] const ComponentInfo *find(ComponentKind kind, std::string_view type) const;
    /// Whether `type` can be used in `image`; images without a version count as the newest release.
    [[nodiscard]] ComponentSupport support(ComponentKind kind, std::string_view type,
                                           const CollectorImage &image) const;
    /// The components `image` contains, for the palette.
    [[nodiscard]] std::vector<const ComponentInfo *> available(ComponentKind kind,
                                                               const CollectorImage &image) const;
    /// The newest collector release the catalog knows.
    [[nodiscard]] Version newestRelease() const { return m_newestRelease; }

    /// The ClusterRole rules the used components of `config` need (those a pipeline or
    /// service.extensions references), with conditional rules checked against each component's
    /// settings. Rules with the same apiGroups, verbs and resourceNames are merged; each result lists
    /// the component ids that need it and why. Sorted by apiGroups, then resources, then verbs.
    [[nodiscard]] std::vector<CatalogRbacRule> rbacFor(const CollectorConfig &config) const;

private:
    Catalog(std::vector<ComponentInfo> components, Version newestRelease);

    std::vector<ComponentInfo> m_components;
    Version m_newestRelease;
};

} // namespace otelconsole
