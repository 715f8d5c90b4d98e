// SPDX-License-Identifier: Apache-2.0
#include "document/collectorimport.h"

#include "model/projectfile.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace otelconsole {

namespace {

// A collector config is a few kilobytes; anything this large is the wrong file, and reading it whole
// would stall the interface for nothing.
constexpr std::uintmax_t largestConfigBytes = 16 * 1024 * 1024;

Result<std::string> readSmallFile(const std::string &path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        const ErrorKind kind =
            error == std::errc::no_such_file_or_directory ? ErrorKind::NotFound : ErrorKind::Io;
        return fail(kind, "cannot read " + path + ": " + error.message());
    }
    if (size > largestConfigBytes)
        return fail(ErrorKind::InvalidInput,
                    path + " is " + std::to_string(size / (1024 * 1024))
                        + " MiB; a collector config.yaml is far smaller, so this is not one");

    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return fail(ErrorKind::Io, "cannot open " + path);
    std::ostringstream text;
    text << stream.rdbuf();
    if (stream.bad())
        return fail(ErrorKind::Io, "reading " + path + " failed");
    return text.str();
}

} // namespace

Result<CollectorConfig> loadCollectorConfigFile(const std::string &path) {
    const Result<std::string> text = readSmallFile(path);
    if (!text)
        return std::unexpected(text.error());
    return parseCollectorConfig(*text, path);
}

} // namespace otelconsole
