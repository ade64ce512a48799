#include "tools/synonym_file.h"

#include <fstream>

#include "common/errors.h"
#include "readers/text.h"

namespace medsearch {

std::string writable_expression(const std::string& expression) {
    if (expression.find('#') != std::string::npos) return {};
    return collapse_whitespace(expression);  // tabs and newlines become spaces
}

void write_synonym_file(const std::filesystem::path& file, const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& sets) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write " + file.string());
    for (const std::string& line : header) out << (line.empty() ? "#" : "# " + line) << '\n';
    for (const std::vector<std::string>& set : sets) {
        std::string line;
        std::size_t count = 0;
        for (const std::string& expression : set) {
            const std::string writable = writable_expression(expression);
            if (writable.empty()) continue;
            line += (count++ == 0 ? "" : "\t") + writable;
        }
        if (count >= 2) out << line << '\n';
    }
    out.flush();
    if (!out) throw Error("cannot write " + file.string());
}

}  // namespace medsearch
