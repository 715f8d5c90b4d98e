// SPDX-License-Identifier: Apache-2.0
#include "deploy/resourceusage.h"

#include "model/quantity.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace otelconsole {

namespace {

constexpr double bytesPerMiB = 1024.0 * 1024.0;

const Json &member(const Json &object, const char *key) {
    static const Json empty = Json::object();
    if (!object.is_object())
        return empty;
    const auto found = object.find(key);
    return found == object.end() ? empty : *found;
}

std::optional<Quantity> parseQuantity(const Json &value) {
    std::string text;
    if (value.is_string())
        text = value.get<std::string>();
    else if (value.is_number())
        text = value.dump();
    else
        return std::nullopt;
    Result<Quantity> quantity = Quantity::parse(text);
    return quantity ? std::optional<Quantity>(*quantity) : std::nullopt;
}

struct Request {
    std::int64_t cpuMillicores = 0;
    std::int64_t memoryBytes = 0;
};

Request requestOf(const Json &container) {
    const Json &requests = member(member(container, "resources"), "requests");
    return {static_cast<std::int64_t>(std::llround(ResourceUsage::cpuMillicores(member(requests, "cpu")))),
            static_cast<std::int64_t>(std::llround(ResourceUsage::memoryBytes(member(requests, "memory"))))};
}

Request podRequest(const Json &pod) {
    const Json &spec = member(pod, "spec");
    Request total;
    for (const Json &container : member(spec, "containers")) {
        const Request request = requestOf(container);
        total.cpuMillicores += request.cpuMillicores;
        total.memoryBytes += request.memoryBytes;
    }
    Request largestInit;
    for (const Json &container : member(spec, "initContainers")) {
        const Request request = requestOf(container);
        // A native sidecar keeps running next to the app containers, so it adds to them.
        if (container.value("restartPolicy", "") == "Always") {
            total.cpuMillicores += request.cpuMillicores;
            total.memoryBytes += request.memoryBytes;
            continue;
        }
        largestInit.cpuMillicores = std::max(largestInit.cpuMillicores, request.cpuMillicores);
        largestInit.memoryBytes = std::max(largestInit.memoryBytes, request.memoryBytes);
    }
    return {std::max(total.cpuMillicores, largestInit.cpuMillicores),
            std::max(total.memoryBytes, largestInit.memoryBytes)};
}

bool nodeReady(const Json &node) {
    for (const Json &condition : member(member(node, "status"), "conditions")) {
        if (condition.value("type", "") == "Ready")
            return condition.value("status", "") == "True";
    }
    return false;
}

} // namespace

double ResourceUsage::cpuMillicores(const Json &quantity) {
    const std::optional<Quantity> parsed = parseQuantity(quantity);
    return parsed ? parsed->toDouble() * 1000.0 : 0.0;
}

double ResourceUsage::memoryBytes(const Json &quantity) {
    const std::optional<Quantity> parsed = parseQuantity(quantity);
    return parsed ? parsed->toDouble() : 0.0;
}

std::vector<PodUsage> ResourceUsage::fromPodMetrics(const Json &podMetricsList,
                                                    const std::vector<std::string> &podNames,
                                                    const std::string &containerName) {
    std::vector<PodUsage> usage;
    for (const Json &item : member(podMetricsList, "items")) {
        const std::string pod = member(item, "metadata").value("name", "");
        if (!podNames.empty() && std::ranges::find(podNames, pod) == podNames.end())
            continue;
        PodUsage entry{pod, 0.0, 0.0};
        for (const Json &container : member(item, "containers")) {
            if (!containerName.empty() && container.value("name", "") != containerName)
                continue;
            const Json &containerUsage = member(container, "usage");
            entry.cpuMillicores += cpuMillicores(member(containerUsage, "cpu"));
            entry.memoryMiB += memoryBytes(member(containerUsage, "memory")) / bytesPerMiB;
        }
        usage.push_back(entry);
    }
    std::ranges::sort(usage, {}, &PodUsage::pod);
    return usage;
}

std::vector<NodeResources> ResourceUsage::perNode(const Json &nodeList, const Json &podList) {
    std::map<std::string, NodeResources> nodes;
    for (const Json &node : member(nodeList, "items")) {
        NodeResources entry;
        entry.node = member(node, "metadata").value("name", "");
        const Json &allocatable = member(member(node, "status"), "allocatable");
        entry.allocatableCpuMillicores = std::llround(cpuMillicores(member(allocatable, "cpu")));
        entry.allocatableMemoryBytes = std::llround(memoryBytes(member(allocatable, "memory")));
        entry.allocatablePods = std::llround(memoryBytes(member(allocatable, "pods"))); // a plain count
        entry.ready = nodeReady(node);
        entry.unschedulable = member(node, "spec").value("unschedulable", false);
        nodes[entry.node] = entry;
    }

    for (const Json &pod : member(podList, "items")) {
        const std::string phase = member(pod, "status").value("phase", "");
        const auto node = nodes.find(member(pod, "spec").value("nodeName", ""));
        if (node == nodes.end() || phase == "Succeeded" || phase == "Failed")
            continue;
        const Request request = podRequest(pod);
        node->second.requestedCpuMillicores += request.cpuMillicores;
        node->second.requestedMemoryBytes += request.memoryBytes;
        node->second.pods += 1;
    }

    std::vector<NodeResources> result;
    for (auto &[name, entry] : nodes)
        result.push_back(entry);
    return result;
}

} // namespace otelconsole
