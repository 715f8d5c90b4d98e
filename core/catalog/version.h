// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace otelconsole {

/// A collector release version, e.g. 0.159.0 (a leading 'v' is accepted).
struct Version {
    int major = 0;
    int minor = 0;
    int patch = 0;

    [[nodiscard]] static std::optional<Version> parse(std::string_view text);
    [[nodiscard]] std::string toString() const;

    auto operator<=>(const Version &) const = default;
};

/// The three collector distributions published as container images.
enum class Distribution { Core, K8s, Contrib };

[[nodiscard]] std::string_view toString(Distribution distribution);
/// "core", "k8s" or "contrib", as the catalog file spells them.
[[nodiscard]] std::optional<Distribution> distributionFromString(std::string_view text);
/// The distribution's image on Docker Hub, e.g. otel/opentelemetry-collector-k8s.
[[nodiscard]] std::string_view dockerHubRepository(Distribution distribution);

/// A collector image reference split into what decides which components it contains.
struct CollectorImage {
    std::string repository; ///< e.g. otel/opentelemetry-collector-contrib, as written
    std::string tag;        ///< e.g. 0.159.0; "latest" when neither tag nor digest is given
    std::string digest;     ///< e.g. sha256:…; empty when the reference has none
    Distribution distribution = Distribution::Contrib;
    std::optional<Version> version; ///< nullopt for tags such as "latest" or digests

    /// Recognises otel/opentelemetry-collector{,-k8s,-contrib} on Docker Hub and under
    /// ghcr.io/open-telemetry/opentelemetry-collector-releases/; other repositories are an error
    /// that names the known ones.
    [[nodiscard]] static Result<CollectorImage> parse(std::string_view reference);
};

} // namespace otelconsole
