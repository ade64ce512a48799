// Plain-language glosses of medical terms, as consumer health pages write them in one sentence:
// "a low white blood cell count (leukopenia)", "a shortage of red blood cells (anemia)". The gloss and the
// term name the same thing for a reader. (The other order, "term (gloss)", was tried and left out: the
// word before a bracket is as often the end of a longer phrase, "unable to have children (decreased
// fertility)", as a term.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

struct LayGloss {
    std::string term;   // one lower-case word: "leukopenia"
    std::string gloss;  // two to six words: "low white blood cell count"

    bool operator==(const LayGloss&) const = default;
};

// Every "gloss (term)" of the sentence. The term is one lower-case word of five or more letters. The
// gloss reaches back from the bracket to a clause boundary or a word that cannot be inside a noun phrase
// ("a", "the" unless after "of", "with", "include", "is", ...), and none is taken when that word, or the
// word before it when it is an article, is "and", "or", "but" (an elided head: "the skin and the whites of
// the eyes (jaundice)") or "in", "on", "at" (a place: "deposits in the artery walls (atherosclerosis)"). It has two to six words, letters only, and does not start with
// "type of", "form of", "part of" or the like (those name a kind, not the thing).
std::vector<LayGloss> find_lay_glosses(std::string_view sentence);

}  // namespace medsearch
