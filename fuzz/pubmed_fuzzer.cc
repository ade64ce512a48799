// libFuzzer target of the pubmed reader: any bytes read as a PubMed file, plain or gzip-compressed (streamed).
// fuzz/reader_fuzzing.h says what counts as a finding.
//   scripts/fuzz.sh 60
#include "fuzz/reader_fuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return medsearch::fuzz::read_as(medsearch::Format::pubmed, ".xml", data, size);
}
