#include "readers/markdown_reader.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.h"
#include "readers/citations.h"
#include "readers/lead_in.h"
#include "readers/text.h"

namespace medsearch {

namespace {

struct MarkdownLine {
    std::size_t number;
    std::string_view raw;   // without the line break
    std::string_view text;  // trimmed
    std::size_t indent;     // leading spaces (a tab counts as 4)
};

std::vector<MarkdownLine> split_lines(std::string_view text) {
    std::vector<MarkdownLine> lines;
    std::size_t number = 0;
    for (;;) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view raw = text.substr(0, end);
        if (raw.ends_with('\r')) raw.remove_suffix(1);
        std::size_t indent = 0;
        for (char c : raw) {
            if (c == ' ') ++indent;
            else if (c == '\t') indent += 4;
            else break;
        }
        lines.push_back({++number, raw, trim(raw), indent});
        if (end == text.size()) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "#", "##", "###"...: the level and the heading text, or level 0.
std::pair<int, std::string_view> atx_heading(const MarkdownLine& line) {
    if (line.indent > 3) return {0, {}};
    std::size_t level = 0;
    while (level < line.text.size() && line.text[level] == '#') ++level;
    if (level == 0 || level > 6 || (level < line.text.size() && line.text[level] != ' ')) return {0, {}};
    std::string_view rest = trim(line.text.substr(level));
    while (rest.ends_with('#')) rest.remove_suffix(1);  // closing hashes are allowed
    return {static_cast<int>(level), trim(rest)};
}

// Length of a list marker ("- ", "* ", "1. ", "1) ") at the start of the trimmed line, or 0.
std::size_t list_marker_length(std::string_view text, bool* ordered = nullptr) {
    if (text.size() >= 2 && (text[0] == '-' || text[0] == '*') && text[1] == ' ') {
        if (ordered) *ordered = false;
        return 2;
    }
    std::size_t digits = 0;
    while (digits < text.size() && digits < 4 && is_digit(text[digits])) ++digits;
    if (digits > 0 && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
        text[digits + 1] == ' ') {
        if (ordered) *ordered = true;
        return digits + 2;
    }
    return 0;
}

// "[text](url)" becomes "text": the wording stays, the address is not prose.
std::string strip_links(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '[') {
            const std::size_t close = text.find(']', i + 1);
            if (close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == '(') {
                const std::size_t paren = text.find(')', close + 2);
                if (paren != std::string_view::npos) {
                    out.append(text.substr(i + 1, close - i - 1));
                    i = paren + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

constexpr std::string_view metadata_keys[] = {"id", "updated", "url", "source", "synonyms"};

// "key: value" with a lower-case key; nullopt when the line does not have that shape.
std::optional<std::pair<std::string_view, std::string_view>> metadata_line(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const std::string_view key = text.substr(0, colon);
    if (!std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
        return std::nullopt;
    if (colon + 1 < text.size() && text[colon + 1] != ' ') return std::nullopt;  // "https://..." is no key
    return std::make_pair(key, trim(text.substr(colon + 1)));
}

std::vector<std::string> split_synonyms(std::string_view value) {
    std::vector<std::string> synonyms;
    while (!value.empty()) {
        const std::size_t end = std::min(value.find(';'), value.size());
        std::string synonym = collapse_whitespace(value.substr(0, end));
        if (!synonym.empty()) synonyms.push_back(std::move(synonym));
        value.remove_prefix(std::min(end + 1, value.size()));
    }
    return synonyms;
}

class MarkdownParser {
public:
    MarkdownParser(const std::filesystem::path& file, std::string_view text) : file_(file), lines_(split_lines(text)) {}

    Article parse() {
        article_.origin = file_.string();
        article_.source = "markdown";
        std::size_t i = read_title();
        i = read_metadata(i);
        if (article_.id.empty()) article_.id = article_id_from_file_name(file_);
        while (i < lines_.size()) i = read_block(i);
        return std::move(article_);
    }

private:
    [[noreturn]] void fail(std::size_t line, std::string reason) const {
        throw ParseError(file_.string(), line, std::move(reason));
    }

    std::size_t read_title() {
        std::size_t i = 0;
        while (i < lines_.size() && lines_[i].text.empty()) ++i;
        const auto [level, title] = i < lines_.size() ? atx_heading(lines_[i]) : std::pair<int, std::string_view>{};
        if (level != 1 || title.empty())
            fail(i < lines_.size() ? lines_[i].number : 0, "expected the question as a '# ' title line");
        article_.title = collapse_whitespace(title);
        return i + 1;
    }

    // The "key: value" lines right under the title, up to the first line of another shape.
    std::size_t read_metadata(std::size_t i) {
        for (; i < lines_.size() && !lines_[i].text.empty(); ++i) {
            const auto entry = metadata_line(lines_[i].text);
            if (!entry) break;
            const auto& [key, value] = *entry;
            if (std::find(std::begin(metadata_keys), std::end(metadata_keys), key) == std::end(metadata_keys))
                fail(lines_[i].number, "unknown metadata key '" + std::string(key) +
                                           "' (known: id, updated, url, source, synonyms)");
            if (key == "id") article_.id = collapse_whitespace(value);
            else if (key == "updated") article_.updated = collapse_whitespace(value);
            else if (key == "url") article_.url = collapse_whitespace(value);
            else if (key == "source") article_.source = collapse_whitespace(value);
            else article_.synonyms = split_synonyms(value);
        }
        return i;
    }

    // Lines from i + 1 on that continue an item: non-blank and indented.
    std::size_t continuation_end(std::size_t i) const {
        std::size_t end = i + 1;
        while (end < lines_.size() && !lines_[end].text.empty() && lines_[end].indent >= 2 &&
               atx_heading(lines_[end]).first == 0 && list_marker_length(lines_[end].text) == 0)
            ++end;
        return end;
    }

    std::string join(std::size_t begin, std::size_t end, std::size_t skip_first) const {
        std::string text(lines_[begin].text.substr(skip_first));
        for (std::size_t k = begin + 1; k < end; ++k) {
            text += ' ';
            text += lines_[k].text;
        }
        return text;
    }

    void add(std::string text, PassageKind kind, std::size_t line, std::string lead_in = {}) {
        Passage passage;
        passage.lead_in = std::move(lead_in);
        passage.section = section_;
        passage.heading = heading_;
        passage.kind = kind;
        text = strip_links(text);
        passage.citations = take_bracket_citations(text);
        passage.text = std::move(text);
        passage.line = line;
        append_passage(article_, std::move(passage));
    }

    std::size_t read_block(std::size_t i) {
        const MarkdownLine& line = lines_[i];
        if (line.text.empty()) return i + 1;
        const bool list_continues = in_list_;
        in_list_ = false;
        if (const auto [level, title] = atx_heading(line); level > 0) {
            if (level == 1) fail(line.number, "a second '# ' title: one article per markdown file");
            if (level == 2) {
                section_ = collapse_whitespace(title);
                heading_.clear();
                in_references_ = ascii_lower(section_) == "references";
            } else {
                heading_ = collapse_whitespace(title);
            }
            return i + 1;
        }
        bool ordered = false;
        const std::size_t marker = list_marker_length(line.text, &ordered);
        if (in_references_) return read_reference(i, marker, ordered);
        if (marker > 0) {
            // A list is consecutive items (blank lines between them allowed); its first item takes the
            // lead-in of the paragraph before it.
            if (!list_continues) list_lead_in_ = list_lead_in(article_, section_, heading_);
            in_list_ = true;
            const std::size_t end = continuation_end(i);
            add(join(i, end, marker), PassageKind::bullet, line.number, list_lead_in_);
            return end;
        }
        // A paragraph: consecutive non-blank lines that start nothing else.
        std::size_t end = i + 1;
        while (end < lines_.size() && !lines_[end].text.empty() && atx_heading(lines_[end]).first == 0 &&
               list_marker_length(lines_[end].text) == 0)
            ++end;
        add(join(i, end, 0), PassageKind::paragraph, line.number);
        return end;
    }

    std::size_t read_reference(std::size_t i, std::size_t marker, bool ordered) {
        if (!ordered) fail(lines_[i].number, "a reference must start with its number, e.g. '1. Author. Title...'");
        const int number = std::stoi(std::string(lines_[i].text.substr(0, marker)));
        const std::size_t end = continuation_end(i);
        const std::string text = join(i, end, marker);
        Reference reference = parse_reference(number, text);
        reference.text = collapse_whitespace(strip_links(text));
        article_.references.push_back(std::move(reference));
        return end;
    }

    std::filesystem::path file_;
    std::vector<MarkdownLine> lines_;
    Article article_;
    std::string section_, heading_;
    bool in_references_ = false;
    bool in_list_ = false;       // the last block read was a list item
    std::string list_lead_in_;   // the lead-in of the current list
};

}  // namespace

Article read_markdown(const std::filesystem::path& file, std::string_view text) {
    return MarkdownParser(file, text).parse();
}

}  // namespace medsearch
