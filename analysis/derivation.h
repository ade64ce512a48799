// Derivational variants of a stemmed word. Snowball's English stemmer conflates inflections
// ("treated", "treats" -> "treat") but leaves some of the nouns that medical headings are written in
// apart from their verbs: "treatment" stays "treatment" (its "-ment" is too near the front of the word to
// count as a suffix), "diagnosis" becomes "diagnosi" while "diagnosed" becomes "diagnos". A question
// asks "How is it treated?" of an article whose heading says "Treatment", so the query side looks up
// these variants in the index and matches them as the same word. The index keeps Snowball's stems.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// The other stems the same word family may have been indexed under, by two rules:
//   X <-> X + "ment"   when X has at least four letters ("treat" <-> "treatment", "impair" <-> "impairment";
//                      not "pig" -> "pigment"),
//   X + "os" <-> X + "osi"   ("diagnos" <-> "diagnosi", "prognos" <-> "prognosi").
// Stems that are not plain lowercase ASCII letters get none.
std::vector<std::string> derivational_variants(std::string_view stem);

}  // namespace medsearch
