// libFuzzer harness (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a question, through
// parsing, spelling, the query builder, a search of the seed page and highlighting. A crash, a sanitizer
// report or a highlight outside its text is a finding.
//   scripts/fuzz.sh 60 question
#include "fuzz/fuzz_check.h"
#include "fuzz/seed_engine.h"
#include "query/searcher.h"

using medsearch::fuzz::promise;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const medsearch::Searcher searcher(medsearch::fuzz::seed_engine());
    medsearch::SearchOptions options;
    options.limit = 5;
    options.facets = true;
    const medsearch::SearchResults results = searcher.search(medsearch::fuzz::bytes_of(data, size), options);
    for (const medsearch::Hit& hit : results.hits)
        for (const medsearch::HighlightRange& range : hit.snippet.highlights)
            promise(range.begin < range.end && range.end <= hit.snippet.text.size());
    return 0;
}
