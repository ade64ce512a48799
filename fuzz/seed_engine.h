// The engine the question and spelling targets search: the seed page indexed once per fuzzing process in
// a temporary folder (removed at exit), with Debian's word lists for spelling and no bundled synonyms.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "indexer/index_run.h"
#include "query/engine.h"

namespace medsearch::fuzz {

inline const std::filesystem::path& seed_index_folder() {
    static const std::filesystem::path db =
        std::filesystem::temp_directory_path() / ("medsearch-fuzz-" + std::to_string(::getpid()));
    return db;
}

inline void remove_seed_index() {
    std::error_code ignored;
    std::filesystem::remove_all(seed_index_folder(), ignored);
}

inline const Engine& seed_engine() {
    class SilentObserver : public IndexObserver {
    public:
        void on_error(const Error&) override {}
        void on_progress(const IndexSummary&) override {}
    };
    static const std::unique_ptr<Engine> instance = [] {
        const std::filesystem::path& db = seed_index_folder();
        std::filesystem::remove_all(db);
        std::atexit(remove_seed_index);
        {
            IndexWriter writer(db);
            SilentObserver observer;
            index_paths({std::filesystem::path(MEDSEARCH_SOURCE_DIR) / "tests/fixtures/leukopenia.page.txt"}, {}, writer, observer);
        }
        EngineOptions options;
        options.bundled_synonyms = false;
        return std::make_unique<Engine>(db, options);
    }();
    return *instance;
}

}  // namespace medsearch::fuzz
