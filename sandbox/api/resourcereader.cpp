// SPDX-License-Identifier: Apache-2.0
#include "api/resourcereader.h"

#include "api/listoptions.h"
#include "api/scalesubresource.h"
#include "api/tableconverter.h"
#include "api/watchstream.h"
#include "store/objectstore.h"

#include <charconv>
#include <random>

namespace otelconsole::sandbox {

namespace {

using nlohmann::json;

std::string storeNamespace(const ResourceType &type, const ApiRequest &request) {
    return type.namespaced ? request.info.ns : std::string();
}

std::pair<std::string, std::string> keyOf(const ObjectPtr &object) {
    const json &metadata = object->object["metadata"];
    return {metadata.value("namespace", std::string()), metadata.value("name", std::string())};
}

std::pair<std::string, std::string> splitKey(const std::string &key) {
    const auto slash = key.find('/');
    return slash == std::string::npos ? std::pair{std::string(), key}
                                      : std::pair{key.substr(0, slash), key.substr(slash + 1)};
}

const char *const kContinueExpired =
    "The provided continue parameter is too old to display a consistent list result. You can start a new "
    "list "
    "without the continue parameter, or use the continue token in this response to retrieve the remainder of "
    "the "
    "results. Continuing with the provided token results in an inconsistent list - objects that were "
    "created, "
    "modified, or deleted between the time the first chunk was returned and now may show up in the list.";

} // namespace

ResourceReader::ResourceReader(ApiContext &context)
    : m_context(context) {}

ApiResponse ResourceReader::objectResponse(const ApiRequest &request, const ResourceType &type,
                                           const ObjectPtr &object, int status) const {
    if (TableConverter::wantsTable(request.accept)) {
        return ApiResponse::json(
            status, m_context.tables.table(type, {object}, {}, request.queryValue("includeObject")));
    }
    return ApiResponse::rawJson(status, object->text);
}

ApiResponse ResourceReader::get(const ApiRequest &request, const ResourceType &type) const {
    const std::string &name = request.info.name;
    const ObjectPtr object = m_context.store.get(type.storageKey(), storeNamespace(type, request), name);
    if (!object) {
        return ApiResponse::error(StatusError::notFound(type.groupResource(), name));
    }
    const std::string &subresource = request.info.subresource;
    if (subresource == "scale") {
        return ApiResponse::json(200, ScaleSubresource::toScale(object->object));
    }
    if (subresource == "log") {
        // TODO: pods have no running containers yet, so every log is empty until simulated
        // containers write one.
        return ApiResponse{200, "text/plain", "", nullptr};
    }
    return objectResponse(request, type, object, 200);
}

ApiResponse ResourceReader::listResponse(const ApiRequest &request, const ResourceType &type,
                                         const std::vector<ObjectPtr> &items, const json &metadata) const {
    if (TableConverter::wantsTable(request.accept)) {
        json table = m_context.tables.table(type, items, metadata.value("resourceVersion", std::string()),
                                            request.queryValue("includeObject"));
        table["metadata"] = metadata;
        return ApiResponse::json(200, table);
    }
    // Items are spliced in from their stored text: a list of thousands of nodes is not re-serialized.
    std::string body = R"({"kind":")" + type.listKind() + R"(","apiVersion":")" + type.apiVersion()
                       + R"(","metadata":)" + metadata.dump() + R"(,"items":[)";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) {
            body += ',';
        }
        body += items[i]->text;
    }
    body += "]}";
    return ApiResponse::rawJson(200, std::move(body));
}

ApiResponse ResourceReader::list(const ApiRequest &request, const ResourceType &type) const {
    auto options = ListOptions::parse(request, type.kind);
    if (!options) {
        return ApiResponse::error(options.error());
    }
    const auto snapshot = m_context.store.list(type.storageKey(), storeNamespace(type, request));
    std::uint64_t listVersion = snapshot.resourceVersion;
    std::pair<std::string, std::string> startAfter;
    if (options->continueFrom) {
        if (options->continueFrom->resourceVersion < m_context.store.compactedRevision()) {
            return ApiResponse::error(StatusError::expired(kContinueExpired));
        }
        listVersion = options->continueFrom->resourceVersion;
        startAfter = splitKey(options->continueFrom->startAfter);
    }

    std::vector<ObjectPtr> page;
    std::size_t remaining = 0;
    bool more = false;
    for (const auto &item : snapshot.items) {
        if (options->continueFrom && keyOf(item) <= startAfter) {
            continue;
        }
        if (!options->matches(item->object)) {
            continue;
        }
        if (options->limit > 0 && page.size() >= options->limit) {
            more = true;
            ++remaining;
            continue;
        }
        page.push_back(item);
    }

    json metadata{{"resourceVersion", std::to_string(listVersion)}};
    if (more) {
        const auto [ns, name] = keyOf(page.back());
        metadata["continue"] = ContinueToken{listVersion, ns + "/" + name}.encode();
        if (options->labels.empty() && options->fields.empty()) {
            metadata["remainingItemCount"] = remaining;
        }
    }
    return listResponse(request, type, page, metadata);
}

ApiResponse ResourceReader::watch(const ApiRequest &request, const ResourceType &type) const {
    auto options = ListOptions::parse(request, type.kind);
    if (!options) {
        return ApiResponse::error(options.error());
    }
    WatchStream::Setup setup;
    setup.store = &m_context.store;
    setup.resource = type.storageKey();
    setup.ns = storeNamespace(type, request);
    setup.kind = type.kind;
    setup.apiVersion = type.apiVersion();
    setup.bookmarkInterval = m_context.watch.bookmarkInterval;

    const std::string &version = options->resourceVersion;
    if (version.empty() || version == "0") {
        auto snapshot = m_context.store.list(setup.resource, setup.ns);
        setup.initialObjects = std::move(snapshot.items);
        setup.startVersion = snapshot.resourceVersion;
    } else {
        std::uint64_t start = 0;
        const auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), start);
        if (error != std::errc() || end != version.data() + version.size()) {
            return ApiResponse::error(StatusError::badRequest("invalid resource version: " + version));
        }
        const std::uint64_t current = m_context.store.resourceVersion();
        if (start > current) {
            StatusError tooNew = StatusError::timeout("Too large resource version: " + version
                                                      + ", current: " + std::to_string(current));
            return ApiResponse::error(tooNew);
        }
        if (auto events = m_context.store.eventsSince(start, setup.resource); !events) {
            return ApiResponse::error(StatusError::expired("too old resource version: " + version + " ("
                                                           + std::to_string(events.error().oldest) + ")"));
        }
        setup.startVersion = start;
    }

    // Without a timeout the server picks one between the maximum and twice that, as a real one does.
    std::chrono::seconds timeout = m_context.watch.maxTimeout;
    if (options->timeoutSeconds && *options->timeoutSeconds > 0) {
        timeout = std::min(std::chrono::seconds(*options->timeoutSeconds), 2 * m_context.watch.maxTimeout);
    } else {
        std::mt19937 random(std::random_device{}());
        timeout += std::chrono::seconds(
            std::uniform_int_distribution<long>(0, m_context.watch.maxTimeout.count())(random));
    }
    setup.deadline = std::chrono::steady_clock::now() + timeout;
    if (TableConverter::wantsTable(request.accept)) {
        const TableConverter &tables = m_context.tables;
        const std::string includeObject = request.queryValue("includeObject");
        setup.formatter = [&tables, &type, includeObject](const ObjectPtr &object) {
            return tables.table(type, {object}, {}, includeObject).dump();
        };
    }
    setup.options = std::move(*options);
    return ApiResponse{
        200, "application/json;stream=watch", {}, std::make_shared<WatchStream>(std::move(setup))};
}

} // namespace otelconsole::sandbox
