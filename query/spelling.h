// "Did you mean ...": corrections for the words of a question that the index has never seen. A word the
// medical dictionary knows (Debian's hunspell-en-med word list) is taken as spelt right — the index just
// lacks it; otherwise the closest word of the index's own vocabulary (Xapian's spelling table, weighted by
// how many articles use it) is offered, else the closest dictionary word, within two edits.
#pragma once

#include <cstdint>
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
    // The closest word within max_edits (ties: the first in sorted order); empty when none. Only words whose
    // length and letters could be that close are compared, so a look-up costs microseconds, not a scan.
    std::string closest(std::string_view folded_word, std::size_t max_edits) const;
    std::size_t size() const { return words_.size(); }

private:
    // Indices into words_ of the words that could be within max_edits of the word, ascending.
    std::vector<std::uint32_t> candidates(std::string_view folded_word, std::size_t max_edits) const;

    // The words of one byte length: their letter sets side by side, scanned in one pass, and where each
    // word is in words_ (ascending).
    struct LengthBucket {
        std::vector<std::uint64_t> letters;
        std::vector<std::uint32_t> words;
    };

    std::vector<std::string> words_;         // sorted
    std::vector<LengthBucket> by_length_;    // indexed by byte length
};

// The set of byte values of a word, as bits (byte value modulo 64; a-z get bits of their own). Every
// letter of one word missing from another costs at least one edit, so the count of bits of one set
// missing from the other bounds the edit distance from below.
std::uint64_t letter_set(std::string_view word);

class SpellingSuggester {
public:
    // No dictionaries means: the index's vocabulary only.
    SpellingSuggester(const Xapian::Database& database, const Analyzer& analyzer, std::vector<std::filesystem::path> dictionaries);

    // The question with its misspelt words corrected, or empty when nothing needs correcting. Each distinct
    // unknown word is looked up once.
    std::string suggest(const std::string& question) const;

private:
    const WordList* dictionary() const;
    // The correction of a word the index does not know; empty when the dictionary knows it or none is close.
    std::string correction(const std::string& folded_word) const;
    // Whether the index has the token's term, in the body, a title or a heading.
    bool known(const Token& token) const;
    // The two words written as one, when the index knows that word (and they are apart by spaces only);
    // else empty.
    std::string joined(const Token& first, const Token& second, std::string_view question) const;

    const Xapian::Database& database_;
    const Analyzer& analyzer_;
    std::vector<std::filesystem::path> dictionary_paths_;
    mutable std::optional<WordList> dictionary_;  // read on the first unknown word
};

}  // namespace medsearch
