// The index job: files and folders in, articles through the readers into the writer. A file or record that
// cannot be read is reported and counted; the rest of the batch goes on.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "indexer/shard_list.h"
#include "readers/reader.h"

namespace medsearch {

struct IndexRunOptions {
    std::optional<Format> format;                      // nullopt: detect each file's format
    ReadOptions read;                                  // how long texts are cut into passages
    const std::atomic<bool>* stop_requested = nullptr; // checked between articles (Ctrl-C)
    NeighbourOptions neighbours;                       // each article's nearest articles; 0 neighbours: link none
                                                       // (the new articles stay marked for a later run)
    // Index only the articles of shard `shard` of `shards` (indexer/shard_list.h shard_of); errors in the
    // input, which every shard's run meets, are reported by shard 0's only.
    std::size_t shard = 0;
    std::size_t shards = 1;
};

struct IndexSummary {
    std::size_t files = 0;     // files read (whether or not they failed)
    std::size_t articles = 0;  // articles indexed
    std::size_t updated = 0;   // of those, articles the index held before this run (same id), now replaced
    std::size_t passages = 0;  // passages indexed
    std::size_t deleted = 0;   // articles removed because their source withdrew them (PubMed's DeleteCitation)
    std::size_t replaced = 0;  // articles read again later in the same run under the same id: the later reading won
    std::size_t failures = 0;  // files and records that could not be read or indexed
    LinkSummary links;         // the linking of new and changed articles to their nearest
    std::uintmax_t input_bytes = 0;  // the size of the files to read, when known
    std::uintmax_t bytes_read = 0;   // of those, the files read so far (whole files)
    bool interrupted = false;  // stop_requested ended the run early (everything before it is committed)
};

// An article id read twice in one run: the later reading replaced the earlier one in the index. Places
// are "file:line" (the line of the article's first passage, when the reader knows it).
struct Replacement {
    std::string article_id;
    std::string earlier;
    std::string later;
};

// Receives what the run wants to tell a person; the CLI prints it, tests record it.
enum class IndexPhase { reading, linking };

class IndexObserver {
public:
    virtual ~IndexObserver() = default;
    virtual void on_error(const Error& error) = 0;
    virtual void on_replaced(const Replacement&) {}
    virtual void on_progress(const IndexSummary& summary) = 0;  // after every article
    virtual void on_phase(IndexPhase, const IndexSummary&) {}    // when a phase starts
};

// Indexes every article of the paths and commits. Throws only for failures of the index itself
// (DatabaseError); input errors go to the observer and the summary.
IndexSummary index_paths(const std::vector<std::filesystem::path>& paths, const IndexRunOptions& options,
                         IndexWriter& writer, IndexObserver& observer);

}  // namespace medsearch
