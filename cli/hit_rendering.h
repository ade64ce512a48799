// How hits look: text for people (colour on a terminal, plain elsewhere) and JSON for programs. The
// field names of the JSON are a stable interface documented in README.md.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "query/answer_card.h"
#include "query/hit.h"

namespace medsearch::cli {

// The passage text with its highlights in bold colour (ANSI), or unmarked when colour is off.
std::string render_snippet(const Snippet& snippet, bool colour);

// A hit as a few lines of text: rank, score, title; section › heading; passage; citations; article id/URL.
std::string render_hit(const Hit& hit, bool colour);

nlohmann::json hit_json(const Hit& hit);

// The answer card as text: each group under its heading, each passage with its article, section and
// citations.
std::string render_answer_card(const AnswerCard& card, bool colour);
nlohmann::json answer_card_json(const AnswerCard& card);

// "Guidelines › Causes and Treatment", skipping empty parts.
std::string section_path(const Hit& hit);

}  // namespace medsearch::cli
