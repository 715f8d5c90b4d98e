// SPDX-License-Identifier: Apache-2.0
#include "catalog/version.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace otelconsole {

namespace {

constexpr std::string_view dockerHubPrefix = "docker.io/";
constexpr std::string_view ghcrPrefix = "ghcr.io/open-telemetry/opentelemetry-collector-releases/";

constexpr std::array distributions{Distribution::Core, Distribution::K8s, Distribution::Contrib};

std::optional<int> parseNumber(std::string_view text) {
    // from_chars would accept a minus sign; a version part is digits only.
    if (text.empty() || text.front() < '0' || text.front() > '9')
        return std::nullopt;

    int value = 0;
    const char *end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || next != end)
        return std::nullopt;
    return value;
}

/// The part of a GitHub Container Registry or Docker Hub repository after its owner.
std::string_view imageName(Distribution distribution) {
    switch (distribution) {
    case Distribution::Core:
        return "opentelemetry-collector";
    case Distribution::K8s:
        return "opentelemetry-collector-k8s";
    case Distribution::Contrib:
        return "opentelemetry-collector-contrib";
    }
    return {};
}

std::optional<Distribution> distributionOfRepository(std::string_view repository) {
    if (repository.starts_with(dockerHubPrefix))
        repository.remove_prefix(dockerHubPrefix.size());

    for (const Distribution distribution : distributions) {
        if (repository == dockerHubRepository(distribution))
            return distribution;
        if (repository.starts_with(ghcrPrefix)
            && repository.substr(ghcrPrefix.size()) == imageName(distribution))
            return distribution;
    }
    return std::nullopt;
}

/// Docker's tag grammar: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}.
bool isValidTag(std::string_view tag) {
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
               || c == '.' || c == '-';
    };
    return !tag.empty() && tag.size() <= 128 && tag.front() != '.' && tag.front() != '-'
           && std::ranges::all_of(tag, allowed);
}

/// `algorithm:hex`, e.g. sha256 followed by 64 hex digits.
bool isValidDigest(std::string_view digest) {
    const size_t colon = digest.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == digest.size())
        return false;

    const auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    return std::ranges::all_of(digest.substr(colon + 1), isHex);
}

std::string unknownRepositoryMessage(std::string_view repository) {
    return "\"" + std::string(repository)
           + "\" is not a collector image whose components otel-console knows; it knows "
             "otel/opentelemetry-collector, otel/opentelemetry-collector-k8s and "
             "otel/opentelemetry-collector-contrib, on Docker Hub or under "
           + std::string(ghcrPrefix);
}

} // namespace

std::optional<Version> Version::parse(std::string_view text) {
    if (text.starts_with('v'))
        text.remove_prefix(1);

    const size_t firstDot = text.find('.');
    const size_t secondDot = firstDot == std::string_view::npos ? firstDot : text.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos)
        return std::nullopt;

    const auto major = parseNumber(text.substr(0, firstDot));
    const auto minor = parseNumber(text.substr(firstDot + 1, secondDot - firstDot - 1));
    const auto patch = parseNumber(text.substr(secondDot + 1));
    if (!major || !minor || !patch)
        return std::nullopt;
    return Version{*major, *minor, *patch};
}

std::string Version::toString() const {
    return std::to_string(major) + '.' + std::to_string(minor) + '.' + std::to_string(patch);
}

std::string_view toString(Distribution distribution) {
    switch (distribution) {
    case Distribution::Core:
        return "core";
    case Distribution::K8s:
        return "k8s";
    case Distribution::Contrib:
        return "contrib";
    }
    return {};
}

std::optional<Distribution> distributionFromString(std::string_view text) {
    for (const Distribution distribution : distributions) {
        if (text == toString(distribution))
            return distribution;
    }
    return std::nullopt;
}

std::string_view dockerHubRepository(Distribution distribution) {
    switch (distribution) {
    case Distribution::Core:
        return "otel/opentelemetry-collector";
    case Distribution::K8s:
        return "otel/opentelemetry-collector-k8s";
    case Distribution::Contrib:
        return "otel/opentelemetry-collector-contrib";
    }
    return {};
}

Result<CollectorImage> CollectorImage::parse(std::string_view reference) {
    if (reference.empty() || reference.find_first_of(" \t\r\n") != std::string_view::npos)
        return fail(ErrorKind::InvalidInput, "\"" + std::string(reference) + "\" is not an image reference");

    CollectorImage image;
    std::string_view name = reference;
    if (const size_t at = name.find('@'); at != std::string_view::npos) {
        image.digest = name.substr(at + 1);
        name = name.substr(0, at);
        if (!isValidDigest(image.digest))
            return fail(ErrorKind::InvalidInput, "\"" + image.digest + "\" in \"" + std::string(reference)
                                                     + "\" is not a digest such as sha256:<hex>");
    }

    // A colon after the last slash starts the tag; one before it would belong to a registry port.
    const size_t colon = name.rfind(':');
    const size_t slash = name.rfind('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
        image.tag = name.substr(colon + 1);
        name = name.substr(0, colon);
        if (!isValidTag(image.tag))
            return fail(ErrorKind::InvalidInput, "\"" + image.tag + "\" in \"" + std::string(reference)
                                                     + "\" is not a valid image tag");
    }

    const auto distribution = distributionOfRepository(name);
    if (!distribution)
        return fail(ErrorKind::InvalidInput, unknownRepositoryMessage(name));

    image.repository = name;
    image.distribution = *distribution;
    if (image.tag.empty() && image.digest.empty())
        image.tag = "latest";
    if (!image.tag.empty())
        image.version = Version::parse(image.tag);
    return image;
}

} // namespace otelconsole
