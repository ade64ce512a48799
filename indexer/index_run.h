// The index job: files and folders in, articles through the readers into the writer. A file or record that
// cannot be read is reported and counted; the rest of the batch goes on.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <vector>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "readers/reader.h"

namespace medsearch {

struct IndexRunOptions {
    std::optional<Format> format;                      // nullopt: detect each file's format
    ReadOptions read;                                  // how long texts are cut into passages
    const std::atomic<bool>* stop_requested = nullptr; // checked between articles (Ctrl-C)
    NeighbourOptions neighbours;                       // each article's nearest articles; 0 neighbours: none
};

struct IndexSummary {
    std::size_t files = 0;     // files read (whether or not they failed)
    std::size_t articles = 0;  // articles indexed
    std::size_t passages = 0;  // passages indexed
    std::size_t failures = 0;  // files and records that could not be read or indexed
    std::size_t neighbour_lists = 0;  // articles whose nearest articles changed
    bool interrupted = false;  // stop_requested ended the run early (everything before it is committed)
};

// Receives what the run wants to tell a person; the CLI prints it, tests record it.
class IndexObserver {
public:
    virtual ~IndexObserver() = default;
    virtual void on_error(const Error& error) = 0;
    virtual void on_progress(const IndexSummary& summary) = 0;  // after every article
};

// Indexes every article of the paths and commits. Throws only for failures of the index itself
// (DatabaseError); input errors go to the observer and the summary.
IndexSummary index_paths(const std::vector<std::filesystem::path>& paths, const IndexRunOptions& options,
                         IndexWriter& writer, IndexObserver& observer);

}  // namespace medsearch
