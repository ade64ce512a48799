#include "readers/text.h"

#include <algorithm>
#include <utility>

namespace medsearch {

namespace {

// Length of the white space starting at text[i]: 1 for ASCII white space, 2 for U+00A0 (C2 A0), else 0.
std::size_t space_length(std::string_view text, std::size_t i) {
    if (is_space(text[i])) return 1;
    if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
    return 0;
}

bool is_closing(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

// The text without trailing closing quotes and brackets (ASCII and the UTF-8 right quotes).
std::string_view strip_closers(std::string_view text) {
    for (;;) {
        if (!text.empty() && is_closing(text.back())) {
            text.remove_suffix(1);
        } else if (text.size() >= 3 && (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99"))) {
            text.remove_suffix(3);  // ” or ’
        } else {
            return text;
        }
    }
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = space_length(text, i);
        if (length > 0) {
            pending_space = !out.empty();
            i += length;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text[i++];
    }
    return out;
}

bool ends_sentence(std::string_view text) {
    text = strip_closers(trim(text));
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

bool ends_with_clause_punctuation(std::string_view text) {
    if (ends_sentence(text)) return true;
    text = trim(text);
    return !text.empty() && (text.back() == ':' || text.back() == ';' || text.back() == ',');
}

std::string digits_of(std::string_view text) {
    std::string digits;
    for (char c : text)
        if (c >= '0' && c <= '9') digits += c;
    return digits;
}

void add_unique(std::vector<std::string>& values, std::string value) {
    if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

std::string article_id_from_file_name(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    const std::size_t dot = name.find('.');
    return dot == 0 || dot == std::string::npos ? name : name.substr(0, dot);
}

std::string folder_name_of(const std::filesystem::path& file) {
    std::error_code ignored;
    const std::filesystem::path absolute = std::filesystem::absolute(file, ignored).lexically_normal();
    return absolute.parent_path().filename().string();
}

void append_passage(Article& article, Passage passage) {
    passage.text = collapse_whitespace(passage.text);
    if (passage.text.empty()) return;
    passage.section = collapse_whitespace(passage.section);
    passage.heading = collapse_whitespace(passage.heading);
    passage.lead_in = collapse_whitespace(passage.lead_in);
    article.passages.push_back(std::move(passage));
}

}  // namespace medsearch
