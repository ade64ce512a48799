// libFuzzer target of the json reader: any bytes read as JSON Lines of article records.
// fuzz/reader_fuzzing.h says what counts as a finding.
//   scripts/fuzz.sh 60
#include "fuzz/reader_fuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return medsearch::fuzz::read_as(medsearch::Format::json, ".jsonl", data, size);
}
