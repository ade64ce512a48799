// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as relevance judgements (TREC qrels or
// BEIR TSV, told apart by content). They are refused with a ParseError naming a line of the file, or read
// into judgements whose relevant grades agree with the grades judged.
#include <algorithm>

#include "common/errors.h"
#include "common/utf8.h"
#include "eval/qrels.h"
#include "fuzz/fuzz_check.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = medsearch::fuzz::bytes_of(data, size);
    medsearch::eval::Qrels qrels;
    try {
        qrels = medsearch::eval::parse_qrels(text, "fuzz.qrels");
    } catch (const medsearch::ParseError& error) {
        promise(error.file() == "fuzz.qrels" && error.line() <= medsearch::line_of_offset(text, text.size()) + 1);
        return 0;
    }
    for (const auto& [topic, judgments] : qrels.topics) {
        promise(!topic.empty());
        const auto relevant = std::count_if(judgments.grades.begin(), judgments.grades.end(),
                                            [](const auto& judged) { return judged.second >= medsearch::eval::relevance_level; });
        promise(static_cast<std::size_t>(relevant) == judgments.num_relevant());
        promise(std::is_sorted(judgments.relevant_grades.rbegin(), judgments.relevant_grades.rend()));
    }
    return 0;
}
