// Other names a text gives its subject where it defines it: "Caffey disease, also called infantile
// cortical hyperostosis, is ...", "Krabbe disease (also called globoid cell leukodystrophy) is ...",
// "Hyperthyroidism is sometimes called thyrotoxicosis", "Gastroesophageal reflux disease, or GERD, is ...".
// Only a sentence that opens with the subject counts: elsewhere "also called" names something else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// The names the sentence gives the first of `subjects` it opens with (ASCII case-insensitively, after an
// optional "The "), in the order written. The name follows the subject as
//   "S, <cue> N, <verb>" / "S (<cue> N)" / "S -- <cue> N --" / "S is <cue> N" / "S, or N, <verb>" /
//   "S (N) <verb>" (a bracketed name right after the subject, before the verb)
// where <cue> is "also called", "also known as", "sometimes called", "formerly known as", ... A list
// "A, B, or C" gives each name; articles and quotes are dropped. Names of more than six words, or that
// start or end like a description ("type 2", "this ...", "the severe form", "the infantile type"), are left
// out.
std::vector<std::string> names_defined_for(std::string_view sentence, const std::vector<std::string>& subjects);

}  // namespace medsearch
