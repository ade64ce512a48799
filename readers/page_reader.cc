#include "readers/page_reader.h"

#include <algorithm>
#include <array>
#include <vector>

#include "common/errors.h"
#include "readers/citations.h"
#include "readers/lead_in.h"
#include "readers/page_chrome.h"
#include "readers/text.h"

namespace medsearch {

namespace {

struct PageLine {
    std::size_t number;     // 1-based
    std::string_view text;  // trimmed
};

std::vector<PageLine> split_lines(std::string_view text) {
    std::vector<PageLine> lines;
    std::size_t number = 0;
    while (!text.empty() || number == 0) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        lines.push_back({++number, trim(text.substr(0, end))});
        if (end == text.size()) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// "From the Guidelines", "From the FDA Drug Label", "From the Research": a short "From the X" line whose
// X is capitalised and that has no final punctuation.
bool is_section_line(std::string_view line) {
    constexpr std::string_view lead = "From the ";
    return line.starts_with(lead) && line.size() > lead.size() && is_upper_ascii(line[lead.size()]) &&
           count_words(line) <= 6 && !ends_with_clause_punctuation(line);
}

// A bullet line: "•" (or "◦", "▪") then white space. Returns the text after the marker, or npos.
std::size_t bullet_text_start(std::string_view line) {
    for (std::string_view marker : {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"}) {
        if (line.starts_with(marker) && line.size() > marker.size() &&
            (line[marker.size()] == ' ' || line[marker.size()] == '\t'))
            return marker.size() + 1;
    }
    return std::string_view::npos;
}

// A sub-heading: a short line, capitalised, without final punctuation and without citations, that is
// followed by content (the next non-blank line is neither a section nor the footer).
bool is_sub_heading(std::string_view line, const PageLine* next) {
    if (next == nullptr || is_section_line(next->text) || is_footer_line(next->text)) return false;
    if (line.size() > 120 || count_words(line) > 12 || ends_with_clause_punctuation(line)) return false;
    if (!is_upper_ascii(line.front()) && static_cast<unsigned char>(line.front()) < 0x80) return false;
    std::string copy(line);
    return take_page_citations(copy).empty();
}

bool is_function_word(std::string_view word) {
    static constexpr std::string_view words[] = {"of", "and", "or", "the", "a", "an", "with", "to",
                                         "in", "on", "for", "by", "from", "as", "at", "such", "than", "like"};
    const std::string lower = ascii_lower(word);
    return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

Passage make_passage(std::string text, PassageKind kind, std::size_t line, const std::string& section,
                     const std::string& heading) {
    Passage passage;
    passage.section = section;
    passage.heading = heading;
    passage.kind = kind;
    passage.citations = take_page_citations(text);
    passage.text = std::move(text);
    passage.line = line;
    return passage;
}

// A list's bullets are phrases when none of them ends with punctuation once citations are cut off.
bool ends_as_phrase(std::string_view bullet) {
    std::string copy(bullet);
    take_page_citations(copy);
    return !ends_with_clause_punctuation(copy);
}

}  // namespace

std::size_t glued_paragraph_start(std::string_view bullet) {
    // Word boundaries of the first seven words.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < bullet.size() && starts.size() < 8; ++i)
        if (bullet[i] != ' ' && (i == 0 || bullet[i - 1] == ' ')) starts.push_back(i);
    for (std::size_t k = 1; k < starts.size() && k <= 6; ++k) {
        const std::string_view word = bullet.substr(starts[k]);
        const std::string_view previous = trim(bullet.substr(starts[k - 1], starts[k] - starts[k - 1]));
        if (ends_with_clause_punctuation(previous) || previous.back() == ')') return std::string_view::npos;
        if (!(word.size() > 1 && is_upper_ascii(word[0]) && is_lower_ascii(word[1]))) continue;
        // The first capitalised word after the phrase: split here or nowhere.
        if (is_function_word(previous)) return std::string_view::npos;
        std::string rest(word);
        take_page_citations(rest);
        if (count_words(rest) < 5 || !ends_sentence(rest)) return std::string_view::npos;
        return starts[k];
    }
    return std::string_view::npos;
}

bool looks_like_page(std::string_view text) {
    for (const PageLine& line : split_lines(text))
        if (is_section_line(line.text) || is_updated_line(line.text)) return true;
    return false;
}

Article read_page(const std::filesystem::path& file, std::string_view text) {
    const std::vector<PageLine> lines = split_lines(text);
    const auto title = std::find_if(lines.begin(), lines.end(), [](const PageLine& l) { return !l.text.empty(); });
    if (title == lines.end()) throw ParseError(file.string(), 0, "no title line");

    Article article;
    article.id = article_id_from_file_name(file);
    article.title = collapse_whitespace(title->text);
    article.source = "page";
    article.origin = file.string();

    // Before the first section the page holds only chrome and the date; pages without sections keep
    // every line that is not known chrome.
    const bool has_sections =
        std::any_of(lines.begin(), lines.end(), [](const PageLine& l) { return is_section_line(l.text); });
    enum class Zone { header, content, footer } zone = has_sections ? Zone::header : Zone::content;
    std::string section, heading;

    // The next non-blank line after index i, or nullptr.
    auto next_content = [&](std::size_t i) -> const PageLine* {
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if (!lines[j].text.empty()) return &lines[j];
        return nullptr;
    };

    for (std::size_t i = static_cast<std::size_t>(title - lines.begin()) + 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        if (line.empty()) continue;
        if (is_updated_line(line)) {
            article.updated = updated_date(line);
            continue;
        }
        if (is_section_line(line)) {
            section = std::string(line);
            heading.clear();
            zone = Zone::content;
            continue;
        }
        if (is_footer_line(line)) zone = Zone::footer;
        if (zone != Zone::content || is_chrome_line(line)) continue;

        if (bullet_text_start(line) == std::string_view::npos) {
            if (is_sub_heading(line, next_content(i))) {
                heading = collapse_whitespace(line);
            } else {
                // The saved page writes one block per line, so each line is one paragraph.
                append_passage(article, make_passage(std::string(line), PassageKind::paragraph, lines[i].number,
                                                     section, heading));
            }
            continue;
        }

        // A list: consecutive bullet lines, introduced by the paragraph before them.
        const std::string lead_in = list_lead_in(article, section, heading);
        std::size_t end = i;
        while (end < lines.size() && bullet_text_start(lines[end].text) != std::string_view::npos) ++end;
        for (std::size_t b = i; b < end; ++b) {
            std::string_view item = lines[b].text.substr(bullet_text_start(lines[b].text));
            std::size_t glued = std::string_view::npos;
            const bool last_of_phrase_list =
                b + 1 == end && end - i >= 2 &&
                std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.begin() + static_cast<std::ptrdiff_t>(b),
                            [](const PageLine& l) { return ends_as_phrase(l.text.substr(bullet_text_start(l.text))); });
            if (last_of_phrase_list) glued = glued_paragraph_start(item);
            Passage bullet = make_passage(std::string(item.substr(0, glued)), PassageKind::bullet, lines[b].number,
                                          section, heading);
            bullet.lead_in = lead_in;
            append_passage(article, std::move(bullet));
            if (glued != std::string_view::npos)
                append_passage(article, make_passage(std::string(item.substr(glued)), PassageKind::paragraph,
                                                     lines[b].number, section, heading));
        }
        i = end - 1;
    }
    return article;
}

}  // namespace medsearch
