// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a synonym file (one set per line,
// tab-separated). It is refused with a ParseError naming a line of the file, or loaded; a loaded file's
// sets are then looked up in a question made of the same text, and every match must lie within it.
#include "common/errors.h"
#include "common/utf8.h"
#include "fuzz/fuzz_check.h"
#include "query/synonyms.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const medsearch::Analyzer analyzer;
    const std::string_view text = medsearch::fuzz::bytes_of(data, size);
    medsearch::SynonymDictionary dictionary;
    try {
        dictionary.load_text(text, "fuzz.tsv", analyzer);
    } catch (const medsearch::ParseError& error) {
        promise(error.file() == "fuzz.tsv" && error.line() >= 1 && error.line() <= medsearch::line_of_offset(text, text.size()));
        return 0;
    }
    const medsearch::Question question = medsearch::parse_question(text, analyzer);
    for (const medsearch::SynonymMatch& match : dictionary.find(question.concepts, 8)) {
        promise(match.length >= 1 && match.first + match.length <= question.concepts.size());
        promise(match.alternatives.size() <= 8);
        for (const std::vector<medsearch::Concept>* alternative : match.alternatives) promise(!alternative->empty());
    }
    return 0;
}
