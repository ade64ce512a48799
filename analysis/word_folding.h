// Folding of one word as written into the form both documents and queries are compared in.
#pragma once

#include <string>
#include <string_view>

namespace medsearch {

// NFKC and Unicode case folding; diacritics removed ("Sjögren" -> "sjogren"); curly apostrophes made
// straight; thousands separators dropped from numbers ("4,000" -> "4000"); a Greek letter standing in a
// Latin word or alone spelt out ("β" -> "beta", "IFN-γ" parts -> "gamma", "μg" -> "mcg"), while a word
// written wholly in Greek stays Greek.
std::string fold_word(std::string_view word);

}  // namespace medsearch
