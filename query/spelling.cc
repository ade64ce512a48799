#include "query/spelling.h"

#include <algorithm>
#include <fstream>

#include "analysis/word_folding.h"
#include "common/errors.h"
#include "indexer/schema.h"
#include "query/question.h"

namespace medsearch {

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

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the dynamic programme: two back (for transpositions), previous, current.
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
            row_best = std::min(row_best, current[j]);
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

std::string WordList::closest(std::string_view folded_word, std::size_t max_edits) const {
    // Fewest edits wins; among equals, a word at least as long (typing drops letters more often than it
    // adds them), then the first in sorted order.
    std::string best;
    std::size_t best_distance = max_edits + 1;
    for (const std::string& word : words_) {
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

std::string SpellingSuggester::suggest(const std::string& question) const {
    std::string corrected;
    std::size_t copied = 0;
    bool changed = false;
    for (const Token& token : analyzer_.analyze(question)) {
        if (token.role != Token::Role::word || token.stopword || token.word.size() < kShortestCorrected) continue;
        if (!std::all_of(token.word.begin(), token.word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            continue;
        // Known to the index (in any field), or to the dictionaries: spelt right.
        if (is_question_word(token.word)) continue;
        if (database_.term_exists(token.term) || database_.term_exists(std::string(schema::title) + token.term) ||
            database_.term_exists(std::string(schema::heading) + token.term))
            continue;
        const WordList* words = dictionary();
        if (words != nullptr && words->contains(token.word)) continue;
        // The closest word the index uses, else the closest the dictionary knows.
        std::string better = database_.get_spelling_suggestion(token.word, static_cast<unsigned>(kMaxEdits));
        if (better.empty() && words != nullptr) better = words->closest(token.word, kMaxEdits);
        if (better.empty() || better == token.word) continue;
        corrected.append(question, copied, token.begin - copied);
        corrected += better;
        copied = token.end;
        changed = true;
    }
    if (!changed) return {};
    corrected.append(question, copied);
    return corrected;
}

}  // namespace medsearch
