// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a TREC run. It is refused with a
// ParseError naming a line of the file, or read; a run that was read is written and read back with the
// same topics, documents and rounded scores, ranked in trec_eval's order of the rounded scores.
#include <sstream>

#include "common/errors.h"
#include "common/utf8.h"
#include "eval/run.h"
#include "fuzz/fuzz_check.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = medsearch::fuzz::bytes_of(data, size);
    medsearch::eval::Run run;
    try {
        run = medsearch::eval::parse_run(text, "fuzz.run");
    } catch (const medsearch::ParseError& error) {
        promise(error.file() == "fuzz.run" && error.line() <= medsearch::line_of_offset(text, text.size()) + 1);
        return 0;
    }
    std::ostringstream written;
    medsearch::eval::write_run(run, written);
    const medsearch::eval::Run again = medsearch::eval::parse_run(written.str(), "again.run");
    promise(again.topics.size() == run.topics.size());
    for (std::size_t t = 0; t < run.topics.size(); ++t) {
        // The file holds the rounded scores, so the run reads back in the order of those: scores that differ
        // only past the written decimals tie there and are ranked by document id.
        std::vector<medsearch::eval::RunEntry> rounded = run.topics[t].entries;
        for (medsearch::eval::RunEntry& entry : rounded) entry.score = medsearch::eval::round_score(entry.score);
        const std::vector<const medsearch::eval::RunEntry*> before = medsearch::eval::ranked_entries(rounded);
        const std::vector<const medsearch::eval::RunEntry*> after = medsearch::eval::ranked_entries(again.topics[t].entries);
        promise(again.topics[t].topic_id == run.topics[t].topic_id && after.size() == before.size());
        for (std::size_t i = 0; i < before.size(); ++i)
            promise(after[i]->doc_id == before[i]->doc_id && after[i]->score == before[i]->score);
    }
    return 0;
}
