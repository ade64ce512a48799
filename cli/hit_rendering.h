// How hits look to people: text, in colour on a terminal, plain elsewhere. Their JSON, for programs, is
// output/results_json.h.
#pragma once

#include <string>

#include "query/answer_card.h"
#include "query/hit.h"

namespace medsearch::cli {

// The passage text with its highlights in bold colour (ANSI), or unmarked when colour is off.
std::string render_snippet(const Snippet& snippet, bool colour);

// A hit as a few lines of text: rank, score, title; section › heading; passage; citations; article id/URL.
std::string render_hit(const Hit& hit, bool colour);

// The answer card as text: each group under its heading, each passage with its article, section and
// citations.
std::string render_answer_card(const AnswerCard& card, bool colour);

// "Guidelines › Causes and Treatment", skipping empty parts.
std::string section_path(const Hit& hit);

}  // namespace medsearch::cli
