// Medical synonyms and abbreviations: sets of expressions that name the same thing. Files are UTF-8 text,
// one set per line, expressions separated by tabs, '#' starting a comment (corpus/synonyms/README.md).
// Expressions are analysed by the one analyzer, so "G-CSF", "GCSF" and "g csf" all match the same set.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "query/question.h"

namespace medsearch {

// Concepts of the question [first, first + length) that a set names, and the set's other expressions.
struct SynonymMatch {
    std::size_t first = 0;
    std::size_t length = 0;
    std::vector<const std::vector<Concept>*> alternatives;
};

class SynonymDictionary {
public:
    // Adds every set of the file. Throws ParseError naming the file and line for a malformed set.
    void load(const std::filesystem::path& file, const Analyzer& analyzer);
    // The same for the text of a synonym file; `source` names it in errors.
    void load_text(std::string_view text, const std::string& source, const Analyzer& analyzer);
    // Adds one set (two or more expressions; fewer are ignored).
    void add_set(const std::vector<std::string>& expressions, const Analyzer& analyzer);

    // The longest matches, left to right, over the question's content concepts; at most max_alternatives
    // other expressions each, in file order.
    std::vector<SynonymMatch> find(const std::vector<Concept>& concepts, std::size_t max_alternatives) const;

    std::size_t set_count() const { return sets_.size(); }

private:
    struct Expression {
        std::vector<Concept> concepts;
        std::size_t set = 0;
    };
    std::vector<Expression> expressions_;
    std::vector<std::vector<std::size_t>> sets_;                    // set -> its expressions
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;  // key -> expressions with it
    std::size_t longest_ = 0;                                         // most concepts in one expression
};

// The text a concept is matched by: its joined form for a compound, else its terms joined by spaces.
std::string concept_key(const Concept& concept_);

// The synonym files shipped in corpus/synonyms (installed in share/medsearch/synonyms), in load order; the
// folder is found by data_dir() (common/data_dir.h), which throws DataError when it cannot be.
std::vector<std::filesystem::path> bundled_synonym_files();

}  // namespace medsearch
