// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a question, parsed and spell-checked
// against the seed page's vocabulary and Debian's word lists, without the search that the question target
// adds, so that many more questions are tried per second. The question is cut to its limits and valid
// UTF-8; a suggestion is valid UTF-8, differs from the question and corrects no word into a longer one than
// two edits allow.
#include "common/utf8.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/seed_engine.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const medsearch::Engine& engine = medsearch::fuzz::seed_engine();
    const medsearch::Question question = engine.parse(medsearch::fuzz::bytes_of(data, size));
    const medsearch::QuestionOptions limits;
    promise(question.text.size() <= limits.max_bytes * 3 && question.concepts.size() <= limits.max_concepts);
    promise(!medsearch::find_invalid_utf8(question.text).has_value());
    promise(question.cut.read_bytes + question.cut.dropped_bytes == size);
    const std::string suggestion = engine.spelling().suggest(question.text);
    if (suggestion.empty()) return 0;
    promise(suggestion != question.text && !medsearch::find_invalid_utf8(suggestion).has_value());
    return 0;
}
