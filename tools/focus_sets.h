// The names a MedQuAD article gives its focus: the Focus element, the FocusAnnotations synonyms (the
// reader keeps each element as written) and the names its answers give the focus where they define it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/article.h"

namespace medsearch {

enum class NameOrigin { focus, listed, defined };  // Focus element, Synonym element, answer text

struct FocusName {
    std::string text;
    NameOrigin origin = NameOrigin::focus;
};

struct FocusSet {
    std::string article;            // the article id, for reports
    std::vector<FocusName> names;   // the focus first
};

// "CFD1", "AOFMD", "G-CSF": one token with an upper-case letter and no run of three lower-case letters.
bool is_abbreviation_like(std::string_view token);

// The names one Focus or Synonym element holds. An element is one name, commas and all, except:
// "Craniofacial dysostosis, type 1; CFD1" also names the abbreviation after the ';' (split only when what
// follows each ';' is one abbreviation-like token); and an inverted heading whose parts after the first
// are one or two words ending like adjectives ("albinism, oculocutaneous", "Anemia, Dyserythropoietic,
// Congenital") is put in reading order ("oculocutaneous albinism", "Congenital Dyserythropoietic Anemia").
// A comma list of features ("Cataract, alopecia, sclerodactyly") stays as written. A trailing bracket
// that abbreviates the name gives a second name ("Wiedemann-Beckwith syndrome (WBS)"), a note such as
// "(formerly)" is dropped, any other bracket stays.
std::vector<std::string> names_in_element(std::string_view element);

// The names of the article's focus, each once (ASCII case-insensitively), in the order: focus, listed
// synonyms, names defined in the answers. Defined names come from sentences that open with the focus or
// a listed synonym, and, in the answers to "What is X?" (section "information"), with "This condition",
// "This disorder", "This disease" or "This syndrome".
FocusSet collect_focus_set(const Article& article);

}  // namespace medsearch
