// The "medquad" format: one MedQuAD XML document (Ben Abacha & Demner-Fushman 2019). The focus is the
// title; each QAPair is one group of passages whose section is the question type and heading the
// question; the answer blob is split on the paragraph structure it still has.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "readers/article.h"
#include "readers/passage_splitter.h"

namespace medsearch {

// The article of one MedQuAD file, id "<source>_<document id>" ("GARD_0000004"); where several files
// share a document id, a file name that extends it is used instead ("0000013_2_1.xml" ->
// "CancerGov_0000013_2_1"), so ids stay unique. The title is the focus (the first question when the
// focus is empty, as in three CDC files). Accepts the three root
// shapes found in the release: <Document id source url> (nearly all), <doc docid corpus url> (four NINDS
// files) and <DiseaseFile fid source url> (one CDC file). A document without answer text is still an
// article, with no passages. Throws ParseError for XML that does not parse or has another root.
Article read_medquad(const std::filesystem::path& file, std::string_view text, const ChunkOptions& passage_size = {});

// True when the XML's root element is one of the MedQuAD roots (looks only at the start of the text).
bool looks_like_medquad(std::string_view prefix);

// One piece of an answer: a paragraph or a bullet item, as the answer's layout marks them.
struct AnswerBlock {
    PassageKind kind = PassageKind::paragraph;
    std::string text;  // white space collapsed
};

// The answer's paragraphs and bullets, in order. Boundaries are line breaks; runs of two or more spaces
// that follow a sentence end or ':' (the release's rendering of paragraph breaks); and runs of two or
// more spaces before "- " (a bullet). A piece that starts with "- " is a bullet. A single-spaced " - "
// is text (GARD's symptom tables use it for "no frequency").
std::vector<AnswerBlock> split_answer_blocks(std::string_view answer);

// The passages of an answer: bullets one each; paragraphs packed so none is tiny and long ones split
// into chunks of whole sentences (readers/passage_splitter.h). Packing: consecutive paragraphs are joined
// while the passage has fewer than size.min_words (50) words and the join stays within size.max_words
// (120). A short line without final punctuation (at most 8 words) is a heading inside the answer ("Key
// Points", "Genetic Susceptibility") or an item of a list the release wrote without markers: followed by a
// paragraph it opens that paragraph's passage (or, after a lead-in ending with ':', joins it); followed by
// bullets it is a lead-in ("Symptoms include") and closes the passage before it.
std::vector<AnswerBlock> answer_passages(std::string_view answer, const ChunkOptions& size = {});

}  // namespace medsearch
