// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a topics file (TSV, BEIR jsonl or
// TREC, told apart by content). It is refused with a ParseError naming a line of the file, or read into
// topics with ids and questions, no id twice.
#include <set>

#include "common/errors.h"
#include "common/utf8.h"
#include "eval/topics.h"
#include "fuzz/fuzz_check.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = medsearch::fuzz::bytes_of(data, size);
    std::vector<medsearch::eval::Topic> topics;
    try {
        topics = medsearch::eval::parse_topics(text, "fuzz.tsv");
    } catch (const medsearch::ParseError& error) {
        promise(error.file() == "fuzz.tsv" && error.line() <= medsearch::line_of_offset(text, text.size()) + 1);
        return 0;
    }
    std::set<std::string> ids;
    for (const medsearch::eval::Topic& topic : topics) {
        promise(!topic.id.empty() && !topic.text.empty());
        promise(!medsearch::find_invalid_utf8(topic.text).has_value());
        promise(ids.insert(topic.id).second);
    }
    return 0;
}
