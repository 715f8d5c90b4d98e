// SPDX-License-Identifier: Apache-2.0
#include "deploy/semanticdiff.h"

#include "model/quantity.h"

#include <array>
#include <optional>

namespace otelconsole {

namespace {

const Json &nullJson() {
    static const Json value;
    return value;
}

const Json *child(const Json *node, const std::string &key) {
    if (!node || !node->is_object())
        return nullptr;
    const auto found = node->find(key);
    return found == node->end() ? nullptr : &*found;
}

bool isQuantityField(std::string_view key, std::string_view parentKey) {
    static constexpr std::array<std::string_view, 6> parents{"limits",   "requests",    "hard",
                                                             "capacity", "allocatable", "usage"};
    static constexpr std::array<std::string_view, 4> names{"cpu", "memory", "ephemeral-storage", "storage"};
    for (std::string_view parent : parents) {
        if (parentKey == parent)
            return true;
    }
    for (std::string_view name : names) {
        if (key == name)
            return true;
    }
    return false;
}

std::optional<std::string> scalarText(const Json &value) {
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return value.dump();
    if (value.is_number_float()) {
        // Quantities written as YAML floats (`0.5`) parse from their shortest spelling.
        std::string text = value.dump();
        return text;
    }
    return std::nullopt;
}

std::optional<Quantity> asQuantity(const Json &value) {
    const std::optional<std::string> text = scalarText(value);
    if (!text)
        return std::nullopt;
    Result<Quantity> quantity = Quantity::parse(*text);
    return quantity ? std::optional<Quantity>(*quantity) : std::nullopt;
}

bool isAbsent(const Json &value) {
    return value.is_null();
}

std::string joinPath(const std::string &path, const std::string &key) {
    const bool plain = key.find_first_of("./[]\"") == std::string::npos && !key.empty();
    if (!plain)
        return path + "[\"" + key + "\"]";
    return path.empty() ? key : path + "." + key;
}

/// `containers[name=otel-collector]` or `ports[containerPort=4317,protocol=TCP]`.
std::string elementPath(const std::string &path, const std::vector<std::string> &keys, const Json &element) {
    std::string selector;
    for (const std::string &key : keys) {
        const Json *value = child(&element, key);
        const std::string text = value ? scalarText(*value).value_or(value->dump()) : std::string();
        selector += (selector.empty() ? "" : ",") + key + "=" + text;
    }
    return path + "[" + selector + "]";
}

bool sameKey(const std::vector<std::string> &keys, const Json &left, const Json &right) {
    for (const std::string &key : keys) {
        const Json *a = child(&left, key);
        const Json *b = child(&right, key);
        // A protocol left out means TCP: the server fills it in, the intent often does not.
        const Json &leftValue = a ? *a : (key == "protocol" ? Json("TCP") : nullJson());
        const Json &rightValue = b ? *b : (key == "protocol" ? Json("TCP") : nullJson());
        if (!SemanticDiff::sameValue(key, {}, leftValue, rightValue))
            return false;
    }
    return true;
}

const Json *findElement(const Json *list, const std::vector<std::string> &keys, const Json &element) {
    if (!list || !list->is_array())
        return nullptr;
    for (const Json &candidate : *list) {
        if (candidate.is_object() && sameKey(keys, element, candidate))
            return &candidate;
    }
    return nullptr;
}

/// Whether `live` holds everything `intent` says, ignoring what the server or other managers added.
bool covers(std::string_view key, std::string_view parentKey, const Json &intent, const Json &live) {
    if (intent.is_object()) {
        if (!live.is_object())
            return intent.empty() && isAbsent(live);
        for (const auto &[childKey, value] : intent.items()) {
            const Json *liveChild = child(&live, childKey);
            if (!covers(childKey, key, value, liveChild ? *liveChild : nullJson()))
                return false;
        }
        return true;
    }
    if (intent.is_array()) {
        if (!live.is_array())
            return intent.empty() && isAbsent(live);
        if (intent.size() != live.size())
            return false;
        for (std::size_t index = 0; index < intent.size(); ++index) {
            if (!covers(key, parentKey, intent[index], live[index]))
                return false;
        }
        return true;
    }
    return SemanticDiff::sameValue(key, parentKey, intent, live);
}

/// Walks the intent, looking up the same place in the live object and in the dry-run result.
class DiffWalker {
public:
    explicit DiffWalker(std::vector<FieldChange> &changes)
        : m_changes(changes) {}

    void walk(const std::string &path, const std::string &key, const std::string &parentKey,
              const Json &intent, const Json *live, const Json *after) {
        if (intent.is_object() && !intent.empty()) {
            for (const auto &[childKey, value] : intent.items())
                walk(joinPath(path, childKey), childKey, key, value, child(live, childKey),
                     child(after, childKey));
            return;
        }
        if (intent.is_array() && !intent.empty() && intent.front().is_object()) {
            const std::vector<std::string> keys = SemanticDiff::mergeKeys(key, intent.front());
            if (!keys.empty()) {
                walkKeyedList(path, key, keys, intent, live, after);
                return;
            }
        }
        compareLeaf(path, key, parentKey, intent, live, after);
    }

    /// Fields of the last applied intent that this intent no longer has: the apply deletes them.
    void removed(const std::string &path, const std::string &key, const Json &previous, const Json *current,
                 const Json *live) {
        if (!live)
            return;
        if (previous.is_object()) {
            for (const auto &[childKey, value] : previous.items()) {
                const Json *currentChild = child(current, childKey);
                const Json *liveChild = child(live, childKey);
                if (!currentChild && liveChild)
                    m_changes.push_back({joinPath(path, childKey), *liveChild, Json()});
                else if (currentChild)
                    removed(joinPath(path, childKey), childKey, value, currentChild, liveChild);
            }
            return;
        }
        if (previous.is_array() && !previous.empty() && previous.front().is_object()) {
            const std::vector<std::string> keys = SemanticDiff::mergeKeys(key, previous.front());
            if (keys.empty())
                return;
            for (const Json &element : previous) {
                const Json *currentElement = findElement(current, keys, element);
                const Json *liveElement = findElement(live, keys, element);
                if (!currentElement && liveElement)
                    m_changes.push_back({elementPath(path, keys, element), *liveElement, Json()});
                else if (currentElement)
                    removed(elementPath(path, keys, element), key, element, currentElement, liveElement);
            }
        }
    }

private:
    void walkKeyedList(const std::string &path, const std::string &key, const std::vector<std::string> &keys,
                       const Json &intent, const Json *live, const Json *after) {
        for (const Json &element : intent) {
            const std::string elementAt = elementPath(path, keys, element);
            const Json *liveElement = findElement(live, keys, element);
            const Json *afterElement = findElement(after, keys, element);
            if (!liveElement) {
                m_changes.push_back({elementAt, Json(), afterElement ? *afterElement : element});
                continue;
            }
            walk(elementAt, key, key, element, liveElement, afterElement);
        }
    }

    void compareLeaf(const std::string &path, const std::string &key, const std::string &parentKey,
                     const Json &intent, const Json *live, const Json *after) {
        const Json &liveValue = live ? *live : nullJson();
        // The dry run shows the value as the server will store it; compare that when it is there.
        const Json &newValue = after ? *after : intent;
        const bool same =
            after ? covers(key, parentKey, *after, liveValue) : covers(key, parentKey, intent, liveValue);
        if (!same)
            m_changes.push_back({path, liveValue, newValue});
    }

    std::vector<FieldChange> &m_changes;
};

bool touchesPodTemplate(const std::vector<FieldChange> &changes) {
    for (const FieldChange &change : changes) {
        if (change.path.starts_with("spec.template"))
            return true;
    }
    return false;
}

} // namespace

std::string_view toString(ObjectChange change) {
    switch (change) {
    case ObjectChange::Create:
        return "create";
    case ObjectChange::Update:
        return "change";
    case ObjectChange::Remove:
        return "remove";
    case ObjectChange::Unchanged:
        break;
    }
    return "unchanged";
}

ObjectDiff SemanticDiff::compare(const ObjectReference &object, const Json &intent, const Json *live,
                                 const Json *afterApply, const Json *previousIntent) {
    ObjectDiff diff;
    diff.object = object;
    if (!live || live->is_null()) {
        diff.change = ObjectChange::Create;
        return diff;
    }

    DiffWalker walker(diff.fields);
    for (const auto &[key, value] : intent.items()) {
        // Identity fields select the object; they cannot differ from the live one.
        if (key == "apiVersion" || key == "kind")
            continue;
        walker.walk(key, key, {}, value, child(live, key), child(afterApply, key));
    }
    if (previousIntent && previousIntent->is_object())
        walker.removed({}, {}, *previousIntent, &intent, live);

    diff.change = diff.fields.empty() ? ObjectChange::Unchanged : ObjectChange::Update;
    diff.restartsPods = object.isWorkload() && touchesPodTemplate(diff.fields);
    return diff;
}

bool SemanticDiff::sameValue(std::string_view key, std::string_view parentKey, const Json &left,
                             const Json &right) {
    if (left == right)
        return true;
    if (left.is_number() && right.is_number())
        return left.get<double>() == right.get<double>();
    if (isQuantityField(key, parentKey)) {
        const std::optional<Quantity> a = asQuantity(left);
        const std::optional<Quantity> b = asQuantity(right);
        if (a && b)
            return *a == *b;
    }
    // Int-or-string fields (ports, maxSurge) and YAML-typed values: `8888` and "8888" are one value.
    const std::optional<std::string> a = scalarText(left);
    const std::optional<std::string> b = scalarText(right);
    return a && b && left.is_string() != right.is_string() && *a == *b;
}

std::vector<std::string> SemanticDiff::mergeKeys(std::string_view field, const Json &element) {
    if (!element.is_object())
        return {};
    if (field == "ports") {
        if (element.contains("containerPort"))
            return {"containerPort", "protocol"};
        if (element.contains("port"))
            return {"port", "protocol"};
        return {};
    }
    if (field == "volumeMounts" || field == "volumeDevices")
        return {element.contains("mountPath") ? "mountPath" : "devicePath"};
    if (field == "conditions")
        return {"type"};
    if (field == "hostAliases")
        return {"ip"};
    static constexpr std::array<std::string_view, 8> byName{
        "containers", "initContainers",   "ephemeralContainers", "env",
        "volumes",    "imagePullSecrets", "resourceClaims",      "schedulingGates"};
    for (std::string_view named : byName) {
        if (field == named && element.contains("name"))
            return {"name"};
    }
    return {};
}

} // namespace otelconsole
