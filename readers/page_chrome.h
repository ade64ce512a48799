// The site chrome of the article pages medsearch was built for, as the saved text (page) and the saved
// HTML (html) both show it: review status, "Personalize", disclaimer, "Have a follow-up question?", and
// the "Last updated" line. One list, so both readers drop the same lines.
#pragma once

#include <string>
#include <string_view>

namespace medsearch {

// A line (or block of text) of chrome wherever it stands: "Article Review Status", "Personalize", ...
bool is_chrome_line(std::string_view line);

// A line that opens the page's footer ("Professional Medical Disclaimer", "Disclaimer", "Have a
// follow-up question?"): everything after it up to the next section is chrome.
bool is_footer_line(std::string_view line);

// True for a "Last updated: April 9, 2025View editorial policy" line.
bool is_updated_line(std::string_view line);

// The date of such a line: "April 9, 2025".
std::string updated_date(std::string_view line);

}  // namespace medsearch
