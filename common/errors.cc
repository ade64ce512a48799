#include "common/errors.h"

#include <utility>

namespace medsearch {

namespace {
std::string describe(const std::string& file, std::size_t line, const std::string& reason) {
    if (line == 0) return file + ": " + reason;
    return file + ":" + std::to_string(line) + ": " + reason;
}
}  // namespace

ParseError::ParseError(std::string file, std::size_t line, std::string reason)
    : Error(describe(file, line, reason)), file_(std::move(file)), line_(line), reason_(std::move(reason)) {}

}  // namespace medsearch
