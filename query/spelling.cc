#include "query/spelling.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <unordered_map>

#include "analysis/word_folding.h"
#include "common/errors.h"
#include "indexer/schema.h"
#include "query/question.h"

namespace medsearch {

// The dictionary scan and the edit distance run the same loops whatever the question: coverage
// instrumentation of them (fuzz builds) tells a fuzzer nothing and would take most of its time.
#if defined(__clang__)
#define MEDSEARCH_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define MEDSEARCH_NO_COVERAGE
#endif

namespace {
constexpr std::size_t kMaxEdits = 2;
constexpr std::size_t kShortestCorrected = 4;  // shorter words have too many neighbours to guess
}  // namespace

std::vector<std::filesystem::path> default_dictionaries() {
    std::vector<std::filesystem::path> found;
    std::error_code ignored;
    for (const char* path : {"/usr/share/hunspell/en_med_glut.dic", "/usr/share/hunspell/en_US.dic"})
        if (std::filesystem::exists(path, ignored)) found.emplace_back(path);
    return found;
}

MEDSEARCH_NO_COVERAGE std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the dynamic programme: two back (for transpositions), previous, current. Words are
    // short, so the rows live on the stack; only a very long word takes them from the heap.
    constexpr std::size_t kStackRow = 64;
    std::array<std::size_t, 3 * kStackRow> stack_rows;
    std::vector<std::size_t> heap_rows;
    std::size_t* rows = stack_rows.data();
    if (m + 1 > kStackRow) {
        heap_rows.resize(3 * (m + 1));
        rows = heap_rows.data();
    }
    std::size_t* before = rows;
    std::size_t* previous = before + m + 1;
    std::size_t* current = previous + m + 1;
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            // Written out rather than with std::min, whose out-of-line copies a fuzz build would instrument.
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t cell = previous[j - 1] + cost;
            if (previous[j] + 1 < cell) cell = previous[j] + 1;
            if (current[j - 1] + 1 < cell) cell = current[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && before[j - 2] + 1 < cell) cell = before[j - 2] + 1;
            current[j] = cell;
            if (cell < row_best) row_best = cell;
        }
        if (row_best > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

WordList::WordList(const std::vector<std::filesystem::path>& files) {
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw ParseError(file.string(), 0, "cannot open the word list");
        // A hunspell .dic: a count line, then one word per line with optional "/flags". Debian's medical
        // list also carries an indented comment block, which is skipped.
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;
            const std::string word = fold_word(line.substr(0, line.find('/')));
            if (!word.empty()) words_.push_back(word);
        }
    }
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (by_length_.size() <= words_[i].size()) by_length_.resize(words_[i].size() + 1);
        LengthBucket& bucket = by_length_[words_[i].size()];
        bucket.letters.push_back(letter_set(words_[i]));
        bucket.words.push_back(static_cast<std::uint32_t>(i));
    }
}

std::uint64_t letter_set(std::string_view word) {
    std::uint64_t letters = 0;
    for (const char c : word) letters |= std::uint64_t{1} << (static_cast<unsigned char>(c) % 64);
    return letters;
}

bool WordList::contains(std::string_view folded_word) const {
    auto known = [&](std::string_view word) { return std::binary_search(words_.begin(), words_.end(), word); };
    if (known(folded_word)) return true;
    // Hunspell lists base forms and derives the rest by affix rules; the regular English ones suffice here.
    const std::string word(folded_word);
    auto ends = [&](std::string_view suffix) { return word.size() > suffix.size() + 2 && word.ends_with(suffix); };
    auto stem = [&](std::size_t cut, std::string_view add = {}) { return word.substr(0, word.size() - cut) + std::string(add); };
    if (ends("'s") && known(stem(2))) return true;
    if (ends("ies") && known(stem(3, "y"))) return true;
    if (ends("es") && known(stem(2))) return true;
    if (ends("s") && known(stem(1))) return true;
    if (ends("ed") && (known(stem(2)) || known(stem(1)))) return true;
    if (ends("ing") && (known(stem(3)) || known(stem(3, "e")))) return true;
    if (ends("ly") && known(stem(2))) return true;
    return false;
}

MEDSEARCH_NO_COVERAGE std::vector<std::uint32_t> WordList::candidates(std::string_view folded_word, std::size_t max_edits) const {
    // Words within max_edits in length whose letter sets differ by at most max_edits letters either way
    // (each such letter needs an edit of its own), in sorted order for closest()'s tie rule.
    const std::uint64_t letters = letter_set(folded_word);
    // A difference has at most max_edits bits set when clearing its lowest set bit that many times leaves
    // nothing: a few instructions without branches, where a popcount without hardware support is a call.
    const auto without_lowest_bits = [max_edits](std::uint64_t bits) {
        if (max_edits == kMaxEdits) return bits & (bits - 1) & ((bits & (bits - 1)) - 1);  // unrolled: the usual case
        for (std::size_t i = 0; i < max_edits; ++i) bits &= bits - 1;
        return bits;
    };
    std::vector<std::uint32_t> found;
    const std::size_t shortest = folded_word.size() > max_edits ? folded_word.size() - max_edits : 0;
    for (std::size_t length = shortest; length <= folded_word.size() + max_edits && length < by_length_.size(); ++length) {
        const LengthBucket& bucket = by_length_[length];
        const std::size_t count = bucket.letters.size();
        const std::uint64_t* sets = bucket.letters.data();
        for (std::size_t i = 0; i < count; ++i) {
            if (without_lowest_bits(letters & ~sets[i]) != 0) continue;
            if (without_lowest_bits(sets[i] & ~letters) == 0) found.push_back(bucket.words[i]);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string WordList::closest(std::string_view folded_word, std::size_t max_edits) const {
    // Fewest edits wins; among equals, a word at least as long (typing drops letters more often than it
    // adds them), then the first in sorted order.
    std::string best;
    std::size_t best_distance = max_edits + 1;
    for (const std::uint32_t index : candidates(folded_word, max_edits)) {
        const std::string& word = words_[index];
        const std::size_t distance = edit_distance(folded_word, word, max_edits);
        const bool longer = word.size() >= folded_word.size();
        const bool best_longer = best.size() >= folded_word.size();
        if (distance < best_distance || (distance == best_distance && distance <= max_edits && longer && !best_longer)) {
            best = word;
            best_distance = distance;
        }
    }
    return best;
}

SpellingSuggester::SpellingSuggester(const Xapian::Database& database, const Analyzer& analyzer,
                                     std::vector<std::filesystem::path> dictionaries)
    : database_(database), analyzer_(analyzer), dictionary_paths_(std::move(dictionaries)) {}

const WordList* SpellingSuggester::dictionary() const {
    if (!dictionary_ && !dictionary_paths_.empty()) dictionary_.emplace(dictionary_paths_);
    return dictionary_ ? &*dictionary_ : nullptr;
}

std::string SpellingSuggester::correction(const std::string& folded_word) const {
    const WordList* words = dictionary();
    if (words != nullptr && words->contains(folded_word)) return {};
    // The closest word the index uses, else the closest the dictionary knows.
    std::string better = database_.get_spelling_suggestion(folded_word, static_cast<unsigned>(kMaxEdits));
    if (better.empty() && words != nullptr) better = words->closest(folded_word, kMaxEdits);
    return better;
}

bool SpellingSuggester::known(const Token& token) const {
    return database_.term_exists(token.term) || database_.term_exists(std::string(schema::title) + token.term) ||
           database_.term_exists(std::string(schema::heading) + token.term) ||
           database_.term_exists(std::string(schema::mesh_words) + token.term);
}

std::string SpellingSuggester::joined(const Token& first, const Token& second, std::string_view question) const {
    // Only words written apart by spaces ("leuko penia"), both plain letters.
    const std::string_view between = question.substr(first.end, second.begin - first.end);
    if (between.empty() || between.find_first_not_of(' ') != std::string_view::npos) return {};
    const std::string word = first.word + second.word;
    const std::vector<Token> tokens = analyzer_.analyze(word);
    if (tokens.size() != 1 || tokens.front().word != word) return {};
    return known(tokens.front()) ? word : std::string();
}

std::string SpellingSuggester::suggest(const std::string& question) const {
    std::string corrected;
    std::size_t copied = 0;
    bool changed = false;
    std::unordered_map<std::string, std::string> looked_up;  // unknown word -> its correction (empty: none)
    const auto plain_word = [](const Token& token) {
        return token.role == Token::Role::word && !token.stopword && token.word.size() >= kShortestCorrected &&
               std::all_of(token.word.begin(), token.word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    };
    const auto replace = [&](std::size_t begin, std::size_t end, const std::string& better) {
        corrected.append(question, copied, begin - copied);
        corrected += better;
        copied = end;
        changed = true;
    };
    const std::vector<Token> tokens = analyzer_.analyze(question);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (!plain_word(token)) continue;
        // Known to the index (in any field), or a question word: spelt right.
        if (is_question_word(token.word) || known(token)) continue;
        // A word cut in two ("leuko penia", "neutro penia"): with the word after it, or before it when that
        // one is known on its own, it makes a word of the index.
        if (i + 1 < tokens.size() && plain_word(tokens[i + 1])) {
            if (const std::string whole = joined(token, tokens[i + 1], question); !whole.empty()) {
                replace(token.begin, tokens[i + 1].end, whole);
                ++i;
                continue;
            }
        }
        if (i > 0 && plain_word(tokens[i - 1]) && copied <= tokens[i - 1].begin) {
            if (const std::string whole = joined(tokens[i - 1], token, question); !whole.empty()) {
                replace(tokens[i - 1].begin, token.end, whole);
                continue;
            }
        }
        // A question searches at most max_concepts concepts, so no more words than that need correcting;
        // the rest of a long question is left as written.
        if (looked_up.size() >= QuestionOptions{}.max_concepts && !looked_up.contains(token.word)) break;
        const auto [found, first_time] = looked_up.try_emplace(token.word);
        if (first_time) found->second = correction(token.word);
        const std::string& better = found->second;
        if (better.empty() || better == token.word) continue;
        replace(token.begin, token.end, better);
    }
    if (!changed) return {};
    corrected.append(question, copied);
    return corrected;
}

}  // namespace medsearch
