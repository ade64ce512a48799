// The analysis tests compare lists of terms as one readable string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch::test {

// The parts with the separator between them ("" for none).
inline std::string join(const std::vector<std::string>& parts, std::string_view separator = " ") {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace medsearch::test
