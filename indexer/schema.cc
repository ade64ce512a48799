#include "indexer/schema.h"

#include <cctype>

namespace medsearch::schema {

std::string passage_id(std::string_view article_id, std::size_t ordinal) {
    return std::string(article_id) + "#" + std::to_string(ordinal);
}

std::string section_key(std::string_view section_name) {
    std::string key;
    bool pending_dash = false;
    for (const char c : section_name) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80) {
            if (pending_dash && !key.empty()) key += '-';
            pending_dash = false;
            key += static_cast<char>(std::tolower(byte));
        } else {
            pending_dash = true;
        }
    }
    // Xapian refuses terms over 245 bytes: a longer key is cut, on a character and word boundary.
    if (key.size() > max_section_key_bytes) {
        std::size_t cut = max_section_key_bytes;
        while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
        key.resize(cut);
        while (!key.empty() && key.back() == '-') key.pop_back();
    }
    return key.empty() ? "none" : key;
}

}  // namespace medsearch::schema
