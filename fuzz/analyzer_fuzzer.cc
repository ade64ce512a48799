// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes through the one analyzer, then the
// character n-grams of every word and the pairs of neighbouring terms. Every token must point at bytes of
// the text (highlighting relies on it) and keep its place: positions never go back, a joined token's parts
// follow it.
#include "analysis/analyzer.h"
#include "analysis/char_ngrams.h"
#include "analysis/word_pairs.h"
#include "fuzz/fuzz_check.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const medsearch::Analyzer analyzer;
    const std::string_view text = medsearch::fuzz::bytes_of(data, size);
    const std::vector<medsearch::Token> tokens = analyzer.analyze(text);

    std::uint32_t last_position = 0;
    std::vector<medsearch::PositionedTerm> terms;
    for (const medsearch::Token& token : tokens) {
        promise(token.begin < token.end && token.end <= text.size());
        promise(token.position >= 1 && token.position >= last_position);
        promise(token.parts >= 1);
        promise(token.term.size() <= medsearch::AnalyzerOptions{}.max_term_bytes);
        last_position = token.position;
        if (token.role == medsearch::Token::Role::word) {
            for (const std::string& gram : medsearch::character_ngrams(token.word)) promise(!gram.empty());
            if (!token.stopword && !token.term.empty()) terms.push_back({token.term, token.position});
        }
    }
    for (const std::string& pair : medsearch::adjacent_pairs(terms)) promise(pair.find(' ') != std::string::npos);
    return 0;
}
