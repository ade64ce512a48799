#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/word_pairs.h"
#include "tests/analysis/join.h"

using medsearch::adjacent_pairs;
using medsearch::PositionedTerm;

namespace {

// The pairs of a text as the indexer cuts them: its words (no stopwords, no joined compounds) in order.
std::string pairs_of(const std::string& text) {
    const medsearch::Analyzer analyzer;
    const std::vector<medsearch::Token> tokens = analyzer.analyze(text);
    std::vector<PositionedTerm> words;
    for (const medsearch::Token& token : tokens)
        if (token.role == medsearch::Token::Role::word && !token.stopword && !token.term.empty()) words.push_back({token.term, token.position});
    return medsearch::test::join(adjacent_pairs(words), "|");
}

}  // namespace

TEST_CASE("neighbouring terms pair up, at most one position apart", "[analysis][pairs]") {
    using Positions = std::vector<std::uint32_t>;
    const auto [positions, pairs] = GENERATE(table<Positions, std::string>({
        {Positions{1, 2, 3}, "a b|b c"},
        {Positions{1, 3, 4}, "a b|b c"},   // one stopword between a and b
        {Positions{1, 4, 5}, "b c"},       // two between: too far
        {Positions{1}, ""},
        {Positions{}, ""},
        {Positions{2, 2, 3}, "b c"},       // the same position (a compound's parts never share one): no pair
    }));
    const std::vector<std::string> names = {"a", "b", "c"};
    std::vector<PositionedTerm> terms;
    for (std::size_t i = 0; i < positions.size(); ++i) terms.push_back({names[i], positions[i]});
    CAPTURE(positions);
    CHECK(medsearch::test::join(adjacent_pairs(terms), "|") == pairs);
}

TEST_CASE("a text's pairs are its neighbouring stems, across one stopword at most", "[analysis][pairs]") {
    const auto [text, pairs] = GENERATE(table<std::string, std::string>({
        {"febrile neutropenia", "febril neutropenia"},
        {"white blood cell count", "white blood|blood cell|cell count"},
        {"risk of death", "risk death"},
        {"the risk of the death", ""},   // two stopwords between
        {"G-CSF therapy", "g csf|csf therapi"},  // a compound's parts pair, its joined form does not
        {"leukopenia", ""},
    }));
    CAPTURE(text);
    CHECK(pairs_of(text) == pairs);
}
