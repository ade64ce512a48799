// What the query side compares: an expression's key is the concept keys of parse_question joined by '|'
// (query/synonyms.cc matches questions the same way), so two spellings with one key are one expression
// ("G-CSF" and "GCSF", "Tumors" and "tumor"). Corpus text is cut into the same units to count how often
// an expression is written and whether a word is used in lower case as an ordinary word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"

namespace medsearch {

// One unit of text as parse_question makes a concept of it: a word's term, or a compound's joined term.
struct TextUnit {
    std::string key;        // concept_key of the concept
    std::string word;       // the folded word (for a compound: the joined term)
    bool lower_case = false;  // written wholly in lower-case ASCII letters ("aids", not "AIDS" or "Aids")
};

class ExpressionKeys {
public:
    explicit ExpressionKeys(const Analyzer& analyzer) : analyzer_(analyzer) {}

    // The key of an expression, as SynonymDictionary::add_set computes it; empty when nothing of it is
    // searchable (stopwords and punctuation only). `only_question_words`, when given, is set to whether
    // every concept is a question word ("what", "how": the query side never matches those).
    std::string key(std::string_view expression, bool* only_question_words = nullptr) const;
    // The number of concepts behind a key (1 + the number of '|').
    static std::size_t length(std::string_view key);
    // The units of running text, stopwords left out, in reading order.
    std::vector<TextUnit> units(std::string_view text) const;

private:
    const Analyzer& analyzer_;
};

// How the build corpus uses the expressions it is asked about. Feed every document once.
class CorpusUsage {
public:
    // `wanted` are the expression keys whose document frequency is counted (phrases of units).
    explicit CorpusUsage(std::unordered_set<std::string> wanted);

    void add_document(const std::vector<std::vector<TextUnit>>& passages);

    std::size_t documents() const { return documents_; }
    // Documents that hold the expression (a wanted key) or the single unit key.
    std::size_t document_frequency(const std::string& key) const;
    // Documents in which the folded word is written in lower case as an ordinary word.
    std::size_t lower_case_documents(const std::string& folded_word) const;

private:
    std::unordered_set<std::string> wanted_;
    std::size_t longest_ = 1;
    std::size_t documents_ = 0;
    std::unordered_map<std::string, std::size_t> frequency_;
    std::unordered_map<std::string, std::size_t> lower_case_;
};

}  // namespace medsearch
