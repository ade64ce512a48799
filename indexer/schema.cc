#include "indexer/schema.h"

#include <algorithm>
#include <cctype>

#include "analysis/word_folding.h"
#include "common/text.h"

namespace medsearch::schema {

std::string passage_id(std::string_view article_id, std::size_t ordinal) {
    return std::string(article_id) + "#" + std::to_string(ordinal);
}

namespace {

// The bytes a key keeps: ASCII letters and digits, and every byte of a non-ASCII character.
bool is_key_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || byte >= 0x80;
}

}  // namespace

std::string section_key(std::string_view section_name) {
    std::string key;
    bool pending_dash = false;
    for (const char c : section_name) {
        if (is_key_byte(c)) {
            if (pending_dash && !key.empty()) key += '-';
            pending_dash = false;
            key += ascii_lower(c);
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

std::string mesh_key(std::string_view written) {
    // A trailing field tag ("[MeSH Terms]", "[mh]") names where PubMed looks, not what for.
    std::string_view text = trim(written);
    if (!text.empty() && text.back() == ']')
        if (const std::size_t open = text.rfind('['); open != std::string_view::npos) text = trim(text.substr(0, open));
    if (std::none_of(text.begin(), text.end(), is_key_byte)) return {};  // nothing but punctuation
    const std::string words = section_key(text);
    // Each word folded as the analyzer folds it (case beyond ASCII, accents), so "Sjögren" is "sjogren" both
    // where the heading is indexed and where it is asked for.
    std::string key;
    std::size_t start = 0;
    while (start <= words.size()) {
        const std::size_t dash = std::min(words.find('-', start), words.size());
        const std::string folded = fold_word(std::string_view(words).substr(start, dash - start));
        if (!folded.empty()) key += (key.empty() ? "" : "-") + folded;
        start = dash + 1;
    }
    if (key.size() > max_section_key_bytes) key = section_key(key);  // folding may lengthen it; cut as section keys are
    return key;
}

}  // namespace medsearch::schema
