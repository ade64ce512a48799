// A question as the engine understands it: the concepts it asks about, each analysed by the one analyzer.
// Any text is a valid question: quotes make phrases that must stand together (an unbalanced quote runs to
// the end), a leading '-' excludes a word or a quoted phrase, a trailing '*' makes a word a prefix
// ("leuko*"), invalid UTF-8 and control characters are repaired, and nothing else is an operator.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace medsearch {

// One thing the question asks about: a word, a compound ("G-CSF"), or a quoted phrase.
struct Concept {
    std::vector<std::string> terms;  // the terms in order; one for a plain word
    std::vector<std::string> words;  // the folded words behind the terms (for spelling and synonyms)
    std::string joined;              // a compound written as one word ("gcsf"); empty otherwise
    std::vector<std::string> variants;  // a plain word's other indexed stems ("treat": "treatment"), matched as it
    std::vector<std::string> grams;  // its words' character n-grams found in the index (sub-word evidence)
    bool phrase = false;             // the terms must stand together (quotes, compounds)
    bool quoted = false;             // written in quotes: passages without the phrase are dropped
    std::string prefix;              // "leuko*": the folded word before the '*' (terms empty); empty otherwise
    std::vector<std::string> expansions;  // a prefix's index terms (the most used first, bounded)
    bool excluded = false;           // "-word": passages with it are dropped
    bool frame = false;              // a question word ("what", "how", "does"): it carries little content
    bool referent = false;           // the noun of "this condition", "that disease": it points back
    std::uint32_t position = 0;      // position of the first word in the question (for proximity)
    std::size_t begin = 0;           // byte range in Question::text of what the concept was written as
    std::size_t end = 0;
};

// A concept that says what the question is about: not excluded, not a question word, not a referent.
bool is_content(const Concept& concept_);

struct QuestionOptions {
    std::size_t max_bytes = 4096;   // an enormous question keeps its beginning
    std::size_t max_concepts = 64;  // and at most this many concepts
};

// What a question too long for QuestionOptions lost, so that the answer can say so rather than search
// part of the question silently.
struct QuestionCut {
    std::size_t read_bytes = 0;                 // bytes of the question read (all of them when not cut)
    std::size_t dropped_bytes = 0;              // bytes beyond max_bytes, never read
    std::vector<std::string> dropped_concepts;  // concepts beyond max_concepts, as written, in order

    bool empty() const { return dropped_bytes == 0 && dropped_concepts.empty(); }
};

// A prefix shorter than this ("a*", "le*") is taken as the word itself: it would match half the index.
inline constexpr std::size_t min_prefix_bytes = 3;

struct Question {
    std::string text;                // the question as searched (repaired, possibly cut)
    std::vector<Concept> concepts;   // in the order asked, without stopwords
    bool truncated = false;          // text beyond max_bytes or concepts beyond max_concepts were dropped
    QuestionCut cut;                 // what was dropped, when truncated
    bool refers_back = false;        // a pronoun or demonstrative ("it", "this", "they") points to earlier talk

    // Concepts that carry content (not excluded, not question words, not referents).
    std::size_t content_count() const;
};

Question parse_question(std::string_view text, const Analyzer& analyzer, const QuestionOptions& options = {});

// True for words that frame a question rather than say what it is about ("what", "how", "tell", ...).
bool is_question_word(std::string_view folded_word);

// English pronouns and demonstratives that refer to something said before ("it", "this", "they", ...).
bool is_anaphor(std::string_view folded_word);

}  // namespace medsearch
