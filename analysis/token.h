// A token as the analyzer hands it on: the term that is indexed or searched, where it stands among the
// words (for phrases and proximity) and exactly which bytes of the original text it came from (for
// highlighting). Filters never change the byte range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace medsearch {

struct Token {
    // How the token relates to the words of the text.
    enum class Role {
        word,    // one word or number as written ("csf", "3.2", "leukopenia")
        joined,  // a hyphen/slash compound written as one word ("gcsf" for "G-CSF", "5-10" for "5-10");
                 // it stands at the position of the compound's first part, just before the parts
    };

    std::string term;            // the term to index or search: folded and (for words) stemmed
    std::string word;            // folded but unstemmed ("leukopenia"); what spelling and synonyms compare
    std::uint32_t position = 0;  // 1-based word position; stopwords take a position too
    std::size_t begin = 0;       // byte offsets [begin, end) into the analysed text
    std::size_t end = 0;
    Role role = Role::word;
    bool stopword = false;       // indexing and querying skip these; positions keep the gap
    std::uint32_t parts = 1;     // for a joined token: how many words it joins (positions position..+parts-1)
};

}  // namespace medsearch
