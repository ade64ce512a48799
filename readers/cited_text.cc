#include "readers/cited_text.h"

#include <algorithm>

#include "common/text.h"
#include "readers/citations.h"
#include "readers/text.h"

namespace medsearch {

namespace {

constexpr std::string_view en_dash = "\xE2\x80\x93";
constexpr std::string_view em_dash = "\xE2\x80\x94";
constexpr std::string_view figure_dash = "\xE2\x80\x92";
// A range longer than this is taken for a slip, not for a range of references.
constexpr int longest_range = 200;

// Text that only separates two markers of one group: white space, ',', ';' and dashes.
bool is_separator(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with(en_dash) || rest.starts_with(em_dash) || rest.starts_with(figure_dash)) i += 3;
        else if (std::string_view(" \t\r\n,;-").find(text[i]) != std::string_view::npos) ++i;
        else if (rest.starts_with("\xC2\xA0")) i += 2;
        else return false;
    }
    return true;
}

bool has_dash(std::string_view text) {
    return text.find('-') != std::string_view::npos || text.find(en_dash) != std::string_view::npos ||
           text.find(em_dash) != std::string_view::npos || text.find(figure_dash) != std::string_view::npos;
}


void drop_trailing_space(std::string& text) {
    while (!text.empty() && is_space(text.back())) text.pop_back();
    if (text.ends_with("\xC2\xA0")) {
        text.resize(text.size() - 2);
        drop_trailing_space(text);
    }
}

}  // namespace

void CitedText::add_text(std::string_view text) {
    if (text.empty()) return;
    if (!pieces_.empty() && !pieces_.back().citation) pieces_.back().text += text;
    else pieces_.push_back({false, std::string(text), {}});
}

void CitedText::add_citation(std::vector<int> numbers, std::string_view shown) {
    pieces_.push_back({true, std::string(shown), std::move(numbers)});
}

CitedText::Result CitedText::finish() const {
    Result result;
    std::string text;
    std::size_t i = 0;
    bool drop_closing_bracket = false;    // the group just cut was opened by a bracket that must close
    bool drop_leading_separator = false;  // the group just cut opened a bracket and a separator follows
    bool just_cut = false;                // the last piece was a group cut from the text
    while (i < pieces_.size()) {
        const Piece& piece = pieces_[i];
        if (!piece.citation) {
            std::string_view rest = piece.text;
            // "Powell et al. [64]." reads "Powell et al." rather than "Powell et al..".
            if (just_cut && text.ends_with('.') && trim(rest).starts_with('.'))
                rest = trim(rest).substr(1);
            just_cut = false;
            if (drop_closing_bracket || drop_leading_separator) {
                const std::string_view trimmed = trim(rest);
                const std::string_view cut = drop_closing_bracket ? "])" : ",;";
                if (!trimmed.empty() && cut.find(trimmed.front()) != std::string_view::npos)
                    rest = rest.substr(rest.find_first_of(cut) + 1);
                if (drop_leading_separator) rest = trim(rest);
                drop_closing_bracket = drop_leading_separator = false;
            }
            text += rest;
            ++i;
            continue;
        }
        // The group: markers with only separators between them.
        std::size_t end = i + 1;
        while (end + 1 < pieces_.size() && !pieces_[end].citation && pieces_[end + 1].citation &&
               is_separator(pieces_[end].text))
            end += 2;
        bool numeric = true;
        std::vector<int> numbers;
        for (std::size_t k = i; k < end; k += 2) {
            const Piece& marker = pieces_[k];
            // A marker that shows a range of its own ("1–3" for two ids) cites the whole range.
            std::vector<int> shown = numeric_marker(marker.text);
            if (shown.empty()) numeric = false;
            std::vector<int> cited = marker.numbers;
            if (cited.empty() || (!shown.empty() && std::all_of(cited.begin(), cited.end(), [&](int n) {
                                      return std::find(shown.begin(), shown.end(), n) != shown.end();
                                  })))
                cited = shown.empty() ? cited : shown;
            if (k > i && has_dash(pieces_[k - 1].text) && !numbers.empty() && !cited.empty()) {
                const int from = numbers.back(), to = cited.front();
                if (from < to && to - from <= longest_range)
                    for (int n = from + 1; n < to; ++n) numbers.push_back(n);
            }
            numbers.insert(numbers.end(), cited.begin(), cited.end());
        }
        for (int number : numbers) medsearch::add_citation(result.citations, number);
        just_cut = numeric;
        if (numeric) {
            // Cut the group with the space before it and the brackets around it.
            drop_trailing_space(text);
            if (!text.empty() && (text.back() == '[' || text.back() == '(')) {
                const std::string_view after =
                    end < pieces_.size() && !pieces_[end].citation ? trim(pieces_[end].text) : std::string_view();
                if (after.starts_with(']') || after.starts_with(')')) {
                    text.pop_back();
                    drop_trailing_space(text);
                    drop_closing_bracket = true;
                } else if (after.starts_with(',') || after.starts_with(';')) {
                    drop_leading_separator = true;  // "([3], Fig. 2)" reads "(Fig. 2)"
                }
            }
        } else {
            for (std::size_t k = i; k < end; ++k) text += pieces_[k].text;
        }
        i = end;
    }
    result.text = collapse_whitespace(text);
    return result;
}

}  // namespace medsearch
