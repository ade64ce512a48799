#include "readers/page_chrome.h"

#include <algorithm>
#include <iterator>

#include "readers/text.h"

namespace medsearch {

namespace {

constexpr std::string_view updated_label = "Last updated";
constexpr std::string_view editorial_link = "View editorial policy";

// Lines of site chrome, wherever they stand: exact lines, and lines that start with a fixed phrase.
constexpr std::string_view chrome_lines[] = {"Article Review Status", "Submitted", "Under Review",
                                             "Approved", "Personalize", "Help us tailor your experience",
                                             editorial_link};
constexpr std::string_view chrome_prefixes[] = {"Medical Advisory Board", "Educational purpose only",
                                                "Which best describes you?"};
// Lines that open the page's footer (disclaimer, advert).
constexpr std::string_view footer_prefixes[] = {"Professional Medical Disclaimer", "Disclaimer",
                                                "Have a follow-up question?"};

}  // namespace

bool is_chrome_line(std::string_view line) {
    return std::find(std::begin(chrome_lines), std::end(chrome_lines), line) != std::end(chrome_lines) ||
           std::any_of(std::begin(chrome_prefixes), std::end(chrome_prefixes),
                       [&](std::string_view prefix) { return line.starts_with(prefix); });
}

bool is_footer_line(std::string_view line) {
    return count_words(line) <= 5 && std::any_of(std::begin(footer_prefixes), std::end(footer_prefixes),
                                                 [&](std::string_view prefix) { return line.starts_with(prefix); });
}

bool is_updated_line(std::string_view line) { return line.starts_with(updated_label); }

std::string updated_date(std::string_view line) {
    line.remove_prefix(std::min(updated_label.size(), line.size()));
    if (line.starts_with(":")) line.remove_prefix(1);
    if (const auto link = line.find(editorial_link); link != std::string_view::npos) line = line.substr(0, link);
    return collapse_whitespace(line);
}

}  // namespace medsearch
