// libFuzzer harness (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a question, through
// parsing, the query builder, a search of the seed page and highlighting. A crash, a sanitizer report or
// a highlight outside its text is a finding.
//   scripts/fuzz.sh 60
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <unistd.h>

#include "indexer/index_run.h"
#include "query/searcher.h"

namespace {

class SilentObserver : public medsearch::IndexObserver {
public:
    void on_error(const medsearch::Error&) override {}
    void on_progress(const medsearch::IndexSummary&) override {}
};

const std::filesystem::path& index_folder() {
    static const std::filesystem::path db =
        std::filesystem::temp_directory_path() / ("medsearch-fuzz-" + std::to_string(::getpid()));
    return db;
}

void remove_index() {
    std::error_code ignored;
    std::filesystem::remove_all(index_folder(), ignored);
}

// An index of the seed page in a temporary folder, made once and removed at exit.
const medsearch::Engine& engine() {
    static const std::unique_ptr<medsearch::Engine> instance = [] {
        const std::filesystem::path& db = index_folder();
        std::filesystem::remove_all(db);
        std::atexit(remove_index);
        {
            medsearch::IndexWriter writer(db);
            SilentObserver observer;
            medsearch::index_paths({std::filesystem::path(MEDSEARCH_SOURCE_DIR) / "tests/fixtures/leukopenia.page.txt"},
                                   {}, writer, observer);
        }
        medsearch::EngineOptions options;
        options.bundled_synonyms = false;
        return std::make_unique<medsearch::Engine>(db, options);
    }();
    return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view question(reinterpret_cast<const char*>(data), size);
    const medsearch::Searcher searcher(engine());
    medsearch::SearchOptions options;
    options.limit = 5;
    options.facets = true;
    const medsearch::SearchResults results = searcher.search(question, options);
    for (const medsearch::Hit& hit : results.hits)
        for (const medsearch::HighlightRange& range : hit.snippet.highlights)
            if (range.begin >= range.end || range.end > hit.snippet.text.size()) std::abort();
    return 0;
}
