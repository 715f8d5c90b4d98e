// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"

#include <charconv>
#include <functional>
#include <map>
#include <sstream>

namespace otelconsole::sandbox {

namespace {

std::expected<long, std::string> parseNumber(const std::string &flag, const std::string &text, long minimum) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < minimum) {
        return std::unexpected(flag + " expects a whole number of at least " + std::to_string(minimum)
                               + ", got \"" + text + "\"");
    }
    return value;
}

std::expected<void, std::string> parseListen(const std::string &text, SandboxOptions &options) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return std::unexpected("--listen expects HOST:PORT, got \"" + text + "\"");
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    const auto port = parseNumber("--listen", text.substr(colon + 1), 0);
    if (!port || *port > 65535) {
        return std::unexpected("--listen expects a port between 0 and 65535 in \"" + text + "\"");
    }
    options.listenHost = host;
    options.listenPort = static_cast<int>(*port);
    return {};
}

std::vector<std::string> splitCommas(const std::string &text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ',')) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

bool isVersion(const std::string &text) {
    int dots = 0;
    for (const char c : text) {
        if (c == '.') {
            ++dots;
        } else if (c < '0' || c > '9') {
            return false;
        }
    }
    return dots == 2 && text.front() != '.' && text.back() != '.' && text.find("..") == std::string::npos;
}

using ValueHandler = std::function<std::expected<void, std::string>(const std::string &, SandboxOptions &)>;

const std::map<std::string, ValueHandler> &valueFlags() {
    static const std::map<std::string, ValueHandler> flags{
        {"--listen", parseListen},
        {"--kubeconfig-out",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             o.kubeconfigOut = v;
             return {};
         }},
        {"--nodes",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             const auto n = parseNumber("--nodes", v, 0);
             if (!n || *n > 5000) {
                 return std::unexpected("--nodes expects a number between 0 and 5000, got \"" + v + "\"");
             }
             o.nodeCount = static_cast<int>(*n);
             return {};
         }},
        {"--log-level",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             if (v != "error" && v != "warn" && v != "info" && v != "debug") {
                 return std::unexpected("--log-level expects error, warn, info or debug, got \"" + v + "\"");
             }
             o.logLevel = v;
             return {};
         }},
        {"--operator-namespaces",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             o.operatorNamespaces = splitCommas(v);
             return {};
         }},
        {"--server-version",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             const std::string version = !v.empty() && v.front() == 'v' ? v.substr(1) : v;
             if (!isVersion(version)) {
                 return std::unexpected("--server-version expects MAJOR.MINOR.PATCH, got \"" + v + "\"");
             }
             o.serverVersion = version;
             return {};
         }},
        {"--watch-history",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             const auto seconds = parseNumber("--watch-history", v, 1);
             if (!seconds) {
                 return std::unexpected(seconds.error());
             }
             o.watchHistory = std::chrono::seconds(*seconds);
             return {};
         }},
        {"--bookmark-interval",
         [](const std::string &v, SandboxOptions &o) -> std::expected<void, std::string> {
             const auto seconds = parseNumber("--bookmark-interval", v, 1);
             if (!seconds) {
                 return std::unexpected(seconds.error());
             }
             o.bookmarkInterval = std::chrono::seconds(*seconds);
             return {};
         }},
    };
    return flags;
}

std::expected<void, std::string> applySwitch(const std::string &flag, SandboxOptions &options) {
    if (flag == "--http") {
        options.plainHttp = true;
    } else if (flag == "--no-service-monitor-crd") {
        options.serviceMonitorCrd = false;
    } else if (flag == "--no-metrics-api") {
        options.metricsApi = false;
    } else if (flag == "--help" || flag == "-h") {
        return std::unexpected(CommandLine::usage());
    } else {
        return std::unexpected("unknown flag \"" + flag + "\"\n" + CommandLine::usage());
    }
    return {};
}

} // namespace

std::expected<SandboxOptions, std::string> CommandLine::parse(const std::vector<std::string> &arguments) {
    SandboxOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string flag = arguments[i];
        std::string value;
        bool hasValue = false;
        if (const auto equals = flag.find('='); flag.starts_with("--") && equals != std::string::npos) {
            value = flag.substr(equals + 1);
            flag = flag.substr(0, equals);
            hasValue = true;
        }

        const auto handler = valueFlags().find(flag);
        if (handler == valueFlags().end()) {
            if (hasValue) {
                return std::unexpected("flag \"" + flag + "\" takes no value");
            }
            if (auto applied = applySwitch(flag, options); !applied) {
                return std::unexpected(applied.error());
            }
            continue;
        }

        if (!hasValue) {
            if (i + 1 >= arguments.size()) {
                return std::unexpected("flag \"" + flag + "\" needs a value");
            }
            value = arguments[++i];
        }
        if (auto applied = handler->second(value, options); !applied) {
            return std::unexpected(applied.error());
        }
    }
    return options;
}

std::string CommandLine::usage() {
    return "usage: otel-console-sandbox [--listen 127.0.0.1:0] [--kubeconfig-out FILE] [--nodes N] [--http]\n"
           "                            [--log-level error|warn|info|debug] [--operator-namespaces a,b]\n"
           "                            [--no-service-monitor-crd] [--no-metrics-api] [--server-version "
           "X.Y.Z]\n"
           "                            [--watch-history SECONDS] [--bookmark-interval SECONDS]\n";
}

} // namespace otelconsole::sandbox
