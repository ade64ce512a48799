// "Did you mean ...": corrections for the words of a question that the index has never seen. A word the
// medical dictionary knows (Debian's hunspell-en-med word list) is taken as spelt right — the index just
// lacks it; otherwise the closest word of the index's own vocabulary (Xapian's spelling table, weighted by
// how many articles use it) is offered, else the closest dictionary word, within two edits.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace medsearch {

// The word lists where Debian installs them: hunspell-en-med (medical terms) and hunspell-en-us (the
// English words medical text is written in). Missing files are skipped.
std::vector<std::filesystem::path> default_dictionaries();

// Edit distance (insertions, deletions, substitutions, transpositions of neighbours) between two byte
// strings, or limit + 1 when it exceeds the limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Hunspell .dic word lists: folded words, sorted. Throws ParseError when a file cannot be read.
class WordList {
public:
    explicit WordList(const std::vector<std::filesystem::path>& files);
    // The word, or its base form under a regular English inflection ("causes", "treated", "infections").
    bool contains(std::string_view folded_word) const;
    // The closest word within max_edits (ties: the first in sorted order); empty when none.
    std::string closest(std::string_view folded_word, std::size_t max_edits) const;
    std::size_t size() const { return words_.size(); }

private:
    std::vector<std::string> words_;
};

class SpellingSuggester {
public:
    // No dictionaries means: the index's vocabulary only.
    SpellingSuggester(const Xapian::Database& database, const Analyzer& analyzer, std::vector<std::filesystem::path> dictionaries);

    // The question with its misspelt words corrected, or empty when nothing needs correcting.
    std::string suggest(const std::string& question) const;

private:
    const WordList* dictionary() const;

    const Xapian::Database& database_;
    const Analyzer& analyzer_;
    std::vector<std::filesystem::path> dictionary_paths_;
    mutable std::optional<WordList> dictionary_;  // read on the first unknown word
};

}  // namespace medsearch
