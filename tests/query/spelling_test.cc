// Spelling suggestions: the dictionary look-up that only compares words that could be close gives what a
// scan of every word gives, and a question of unknown words costs microseconds per word, not milliseconds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <bit>
#include <fstream>
#include <random>

#include "analysis/word_folding.h"
#include "query/spelling.h"
#include "tests/sanitizer_slowdown.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

// The plain scan closest() replaced: every word, fewest edits, then a word at least as long, then sorted order.
std::string closest_by_scan(const std::vector<std::string>& sorted_words, std::string_view word, std::size_t max_edits) {
    std::string best;
    std::size_t best_distance = max_edits + 1;
    for (const std::string& candidate : sorted_words) {
        const std::size_t distance = edit_distance(word, candidate, max_edits);
        const bool longer = candidate.size() >= word.size();
        const bool best_longer = best.size() >= word.size();
        if (distance < best_distance || (distance == best_distance && distance <= max_edits && longer && !best_longer)) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

// CPU seconds used by this process so far, all its threads together.
double process_cpu_seconds() {
    timespec used{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used);
    return static_cast<double>(used.tv_sec) + static_cast<double>(used.tv_nsec) / 1e9;
}

std::vector<std::string> random_words(std::size_t count, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> letter('a', 'z');
    std::uniform_int_distribution<std::size_t> length(4, 12);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < count; ++i) {
        std::string word(length(random), 'a');
        for (char& c : word) c = static_cast<char>(letter(random));
        words.push_back(word);
    }
    return words;
}

const std::vector<std::filesystem::path>& dictionaries() {
    static const std::vector<std::filesystem::path> found = default_dictionaries();
    if (found.empty()) FAIL("no hunspell word list installed (scripts/install-deps.sh installs hunspell-en-med)");
    return found;
}

}  // namespace

TEST_CASE("letter_set differences bound the edit distance from below", "[query][spelling]") {
    const auto [a, b] = GENERATE(table<std::string, std::string>({
        {"leukopenia", "leukopinia"}, {"anemia", "anaemia"}, {"ab", "ba"}, {"abc", "xyz"}, {"neutropenia", "nuetropenia"},
        {"", "abc"}, {"a\xc3\xa9", "ae"},
    }));
    CAPTURE(a, b);
    const std::size_t missing = static_cast<std::size_t>(std::popcount(letter_set(a) & ~letter_set(b)));
    CHECK(missing <= edit_distance(a, b, 10));
}

TEST_CASE("WordList::closest finds what a scan of every word finds", "[query][spelling]") {
    // A small list of its own, so the scan is quick, with the real dictionary's look-alikes.
    const std::vector<std::string> words = {"anaemia", "anemia", "leukemia", "leukopenia", "leukocyte", "neutropenia",
                                            "neutrophil", "penia", "pneumonia", "tremor", "tumor", "tumour"};
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "medsearch-spelling-test.dic";
    {
        std::ofstream out(file);
        out << words.size() << "\n";
        for (const std::string& word : words) out << word << "/S\n";
    }
    const WordList list({file});
    std::filesystem::remove(file);
    REQUIRE(list.size() == words.size());

    std::vector<std::string> questions = {"leukopinia", "anmia", "anemai", "tumr", "tumours", "nuetropenia", "pnemonia",
                                          "leukemai", "xxxxxxxx", "a", "", "leukocytes"};
    for (const std::string& word : random_words(200, 7)) questions.push_back(word);
    for (const std::string& question : questions)
        for (const std::size_t edits : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            CAPTURE(question, edits);
            CHECK(list.closest(question, edits) == closest_by_scan(words, question, edits));
        }
}

TEST_CASE("WordList::closest agrees with the scan on Debian's word lists", "[query][spelling]") {
    const WordList list(dictionaries());
    // The scan's list: the same files read and folded as WordList reads them.
    std::vector<std::string> folded;
    for (const std::filesystem::path& path : dictionaries()) {
        std::ifstream in(path);
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line))
            if (!line.empty() && line.front() != ' ' && line.front() != '\t')
                if (std::string word = fold_word(line.substr(0, line.find('/'))); !word.empty()) folded.push_back(word);
    }
    std::sort(folded.begin(), folded.end());
    folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
    REQUIRE(folded.size() == list.size());
    // Typos of real medical words, and random letters.
    std::vector<std::string> questions = {"leukopinia", "thrombocytopinia", "neutropena", "anemai", "diabetis", "hypertenson"};
    for (const std::string& word : random_words(20, 11)) questions.push_back(word);
    for (const std::string& question : questions) {
        CAPTURE(question);
        CHECK(list.closest(question, 2) == closest_by_scan(folded, question, 2));
    }
}

TEST_CASE("a 1 MB question of unknown words answers in under a second", "[query][spelling][limits]") {
    REQUIRE_FALSE(dictionaries().empty());
    // A fixture of its own, so the dictionary is read on this question's first unknown word, as it is in a
    // fresh `medsearch search`.
    const test::SearchFixture fixture;
    std::string question;
    for (const std::string& word : random_words(200000, 3)) {
        if (question.size() + word.size() + 1 > (1u << 20)) break;
        question += word + " ";
    }
    // The process's CPU time, not the wall clock: on a machine shared with other builds and tests the wall
    // clock counts their work too, while the CPU this search uses is its own cost.
    const double cpu_before = process_cpu_seconds();
    const auto wall_before = std::chrono::steady_clock::now();
    const SearchResults results = fixture.search(question, SearchOptions{});
    const double cpu_seconds = process_cpu_seconds() - cpu_before;
    const double wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count();
    CHECK(results.question.truncated);
    CHECK_FALSE(results.suggestion.empty());  // the words of the kept beginning were each looked up
    INFO("wall clock " << wall_seconds << " s");
    CHECK(cpu_seconds < 1 * test::sanitizer_slowdown);
}

TEST_CASE("a word cut in two is joined, not corrected word by word", "[query][spelling]") {
    static const test::SearchFixture fixture;
    // the question, its suggestion
    const auto [question, suggestion] = GENERATE(table<std::string, std::string>({
        {"leuko penia", "leukopenia"},
        {"neutro penia causes", "neutropenia causes"},
        {"what causes leuko penia?", "what causes leukopenia?"},
        {"leukopenia treatment", ""},  // spelt right: nothing to suggest
    }));
    CAPTURE(question);
    CHECK(fixture.search(question, SearchOptions{}).suggestion == suggestion);
}

TEST_CASE("a question that matches nothing is searched as corrected, and says so", "[query][spelling]") {
    static const test::SearchFixture fixture;
    const auto [question, corrected] = GENERATE(table<std::string, std::string>({
        {"leukopinia", "leukopenia"},
        {"leuko penia", "leukopenia"},
        {"neutropena", "neutropenia"},
    }));
    CAPTURE(question);
    const SearchResults results = fixture.search(question, SearchOptions{});
    CHECK(results.searched_instead_of == question);
    CHECK(results.question.text == corrected);
    CHECK(results.suggestion == corrected);
    REQUIRE_FALSE(results.hits.empty());
    std::string first = results.hits.front().snippet.text;
    std::transform(first.begin(), first.end(), first.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(first.find(corrected) != std::string::npos);
    // A question that matches as asked is searched as asked.
    const SearchResults asked = fixture.search(corrected, SearchOptions{});
    CHECK(asked.searched_instead_of.empty());
    CHECK(asked.question.text == corrected);
}
