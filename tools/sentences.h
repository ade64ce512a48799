// Sentences of a passage, for the miners that must not look across a sentence boundary (an abbreviation's
// long form and a focus's "also called" both stand in the sentence that defines them).
#pragma once

#include <string_view>
#include <vector>

namespace medsearch {

// The sentences of the text in order, trimmed. A sentence ends at '.', '!' or '?' followed by white space
// and then an upper-case letter, a digit, a quote or an opening bracket; a '.' after a single letter or
// a common abbreviation ("e.g.", "vs.", "Dr.", "et al.") does not end one. Views into `text`.
std::vector<std::string_view> split_sentence_views(std::string_view text);

}  // namespace medsearch
