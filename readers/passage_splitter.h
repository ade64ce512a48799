// Cutting long text into passages a person can read at a glance: sentences found by ICU, packed greedily
// into chunks of a few sentences. Used for BEIR texts and long MedQuAD answer paragraphs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "readers/article.h"

namespace medsearch {

// The default size is the best of the sizes benchmarks/passage_size.sh measures on the tuning sets (its
// results/passage_size.md): smaller passages and whole texts both rank worse.
struct ChunkOptions {
    std::size_t min_words = 50;   // a chunk is closed only once it has this many words
    std::size_t max_words = 120;  // text up to this size stays one chunk; a sentence is never cut below it
};

// The sentences of the text (ICU sentence break iterator, English rules; abbreviation suppressions where
// the ICU data has them),
// each with white space collapsed; empty sentences dropped.
std::vector<std::string> split_sentences(std::string_view text);

// The text as passages of whole sentences. Text of at most max_words stays one passage. Otherwise
// sentences are packed in order: a chunk is closed before a sentence that would take it past max_words,
// but only once it has min_words. A sentence longer than max_words (text without punctuation, tables) is
// cut into runs of max_words words. A last chunk under min_words / 2 joins the one before it.
// Joining the chunks with single spaces gives back the collapsed text.
std::vector<std::string> split_into_chunks(std::string_view text, const ChunkOptions& options = {});

// Cuts every passage longer than longest_words into passages of size (split_into_chunks), each keeping
// the passage's section, heading, kind, lead-in, line, group and citations (where in a cut paragraph a
// citation stood is not known, so every piece cites what the paragraph cited). Shorter passages stay.
void cut_long_passages(std::vector<Passage>& passages, std::size_t longest_words, const ChunkOptions& size);

}  // namespace medsearch
