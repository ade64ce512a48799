// The sentence that introduces a list ("Treatment depends on the underlying cause, which may include:"),
// kept with each of the list's bullets as Passage::lead_in. One rule for every format that has lists.
#pragma once

#include <string>
#include <string_view>

#include "readers/article.h"

namespace medsearch {

// The last sentence of text (ICU sentence rules), white space collapsed; empty for empty text.
std::string last_sentence(std::string_view text);

// The lead-in of a list that starts now: the last sentence of the article's last passage when that
// passage is a paragraph under the given section and heading (nothing stands between it and the list)
// and the sentence ends with ':'. Empty otherwise.
std::string list_lead_in(const Article& article, std::string_view section, std::string_view heading);

}  // namespace medsearch
