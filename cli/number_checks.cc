#include "cli/number_checks.h"

#include <charconv>
#include <string>

namespace medsearch::cli {

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
    const std::string bounds = std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [min, max, bounds](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            if (!digits_only || error != std::errc() || stop != end || value < min || value > max)
                return "\"" + text + "\" is not a whole number from " + bounds;
            return {};
        },
        "N in " + bounds, "whole number");
}

}  // namespace medsearch::cli
