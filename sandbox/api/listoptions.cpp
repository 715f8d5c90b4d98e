// SPDX-License-Identifier: Apache-2.0
#include "api/listoptions.h"

#include "api/jsonpath.h"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <vector>

namespace otelconsole::sandbox {

namespace {

bool isTrue(const std::string &value) {
    return value == "1" || value == "true" || value == "True";
}

std::optional<long> parseLong(const std::string &text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// Continue tokens travel in query strings, so they use the URL-safe alphabet without padding.
std::string base64Encode(const std::string &data) {
    std::vector<unsigned char> out(4 * ((data.size() + 2) / 3) + 1);
    const int length = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char *>(data.data()),
                                       static_cast<int>(data.size()));
    std::string text(reinterpret_cast<const char *>(out.data()), static_cast<std::size_t>(length));
    while (!text.empty() && text.back() == '=') {
        text.pop_back();
    }
    std::replace(text.begin(), text.end(), '+', '-');
    std::replace(text.begin(), text.end(), '/', '_');
    return text;
}

std::optional<std::string> base64Decode(std::string text) {
    std::replace(text.begin(), text.end(), '-', '+');
    std::replace(text.begin(), text.end(), '_', '/');
    while (text.size() % 4 != 0) {
        text.push_back('=');
    }
    if (text.empty()) {
        return std::nullopt;
    }
    std::vector<unsigned char> out(text.size() / 4 * 3 + 1);
    const int length = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char *>(text.data()),
                                       static_cast<int>(text.size()));
    if (length < 0) {
        return std::nullopt;
    }
    std::size_t size = static_cast<std::size_t>(length);
    // EVP_DecodeBlock counts padding bytes as data; drop them.
    for (auto it = text.rbegin(); it != text.rend() && *it == '=' && size > 0; ++it) {
        --size;
    }
    return std::string(reinterpret_cast<const char *>(out.data()), size);
}

} // namespace

std::string ContinueToken::encode() const {
    const nlohmann::json token{{"v", "meta.k8s.io/v1"}, {"rv", resourceVersion}, {"start", startAfter}};
    return base64Encode(token.dump());
}

std::optional<ContinueToken> ContinueToken::decode(const std::string &token) {
    const auto text = base64Decode(token);
    if (!text) {
        return std::nullopt;
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || !json.contains("rv") || !json["rv"].is_number_unsigned()
        || !json.contains("start") || !json["start"].is_string()) {
        return std::nullopt;
    }
    return ContinueToken{json["rv"].get<std::uint64_t>(), json["start"].get<std::string>()};
}

ApiResult<ListOptions> ListOptions::parse(const ApiRequest &request, const std::string &kind) {
    ListOptions options;
    if (auto labels = LabelSelector::parse(request.queryValue("labelSelector")); labels) {
        options.labels = std::move(*labels);
    } else {
        return std::unexpected(StatusError::badRequest(labels.error()));
    }
    if (auto fields = FieldSelector::parse(request.queryValue("fieldSelector"), kind); fields) {
        options.fields = std::move(*fields);
    } else {
        return std::unexpected(StatusError::badRequest(fields.error()));
    }

    if (request.hasQuery("limit") && !request.queryValue("limit").empty()) {
        const auto limit = parseLong(request.queryValue("limit"));
        if (!limit || *limit < 0) {
            return std::unexpected(StatusError::badRequest("limit must be a non-negative integer"));
        }
        options.limit = static_cast<std::size_t>(*limit);
    }
    if (const std::string token = request.queryValue("continue"); !token.empty()) {
        options.continueFrom = ContinueToken::decode(token);
        if (!options.continueFrom) {
            return std::unexpected(
                StatusError::badRequest("continue key is not valid: incorrect encoded start "
                                        "resourceVersion (version meta.k8s.io/v1)"));
        }
    }

    options.resourceVersion = request.queryValue("resourceVersion");
    options.watch = isTrue(request.queryValue("watch"));
    options.allowBookmarks = isTrue(request.queryValue("allowWatchBookmarks"));
    options.sendInitialEvents = isTrue(request.queryValue("sendInitialEvents"));
    if (const std::string timeout = request.queryValue("timeoutSeconds"); !timeout.empty()) {
        options.timeoutSeconds = parseLong(timeout);
        if (!options.timeoutSeconds || *options.timeoutSeconds < 0) {
            return std::unexpected(StatusError::badRequest("timeoutSeconds must be a non-negative integer"));
        }
    }
    return options;
}

bool ListOptions::matches(const nlohmann::json &object) const {
    if (!labels.empty()) {
        const nlohmann::json *objectLabels = JsonPath::find(object, "metadata.labels");
        if (!labels.matches(objectLabels ? *objectLabels : nlohmann::json())) {
            return false;
        }
    }
    return fields.empty() || fields.matches(object);
}

} // namespace otelconsole::sandbox
