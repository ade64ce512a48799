#include <catch2/catch.hpp>

#include <string>

#include "readers/passage_splitter.h"
#include "readers/text.h"

using namespace medsearch;

namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : " ") + part;
    return out;
}

std::string words(int count, const std::string& word = "word") {
    std::string out;
    for (int i = 0; i < count; ++i) out += (i ? " " : "") + word;
    return out;
}

}  // namespace

TEST_CASE("sentences come from ICU's sentence rules", "[splitter]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"One. Two!  Three?", "One.|Two!|Three?"},
        {"Doses of 3.5 mg were used. Next.", "Doses of 3.5 mg were used.|Next."},
        {"It rose (see below). then fell", "It rose (see below). then fell"},
        {"no punctuation at all", "no punctuation at all"},
        {"   ", ""},
    }));
    std::string rendered;
    for (const auto& sentence : split_sentences(text)) rendered += (rendered.empty() ? "" : "|") + sentence;
    CHECK(rendered == expected);
}

TEST_CASE("chunks: short text stays whole, long text packs whole sentences", "[splitter]") {
    const auto [text, sizes] = GENERATE(table<std::string, std::string>({
        {words(120) + ".", "120"},
        // 13 sentences of 10 words: 12 fit in 120, the last (10 words, under 25) joins the one before
        {[] { std::string t; for (int i = 0; i < 13; ++i) t += words(10) + ". "; return t; }(), "130"},
        // 20 sentences of 10 words: 120 + 80
        {[] { std::string t; for (int i = 0; i < 20; ++i) t += words(10) + ". "; return t; }(), "120,80"},
        // one sentence of 300 words without punctuation: cut into runs of 120 words
        {words(300), "120,120,60"},
        // a 40-word sentence then a 100-word one: the chunk is under 50 words, so it takes the next
        {words(40) + ". " + words(100) + ".", "140"},
    }));
    const auto chunks = split_into_chunks(text);
    std::string rendered;
    for (const auto& chunk : chunks) rendered += (rendered.empty() ? "" : ",") + std::to_string(count_words(chunk));
    CHECK(rendered == sizes);
    // The plain check: nothing lost, nothing added, order kept.
    CHECK(join(chunks) == collapse_whitespace(text));
}
