// Indexing into an index split into shards (indexer/shard_list.h): `index --shards N --db DIR` builds
// DIR/shard-0 ... DIR/shard-(N-1), one thread each, and DIR/shards naming them. Each article goes to the
// shard its id hashes to (shard_of), so re-indexing it replaces it in place. Once every shard has its
// articles, the new ones are linked to their nearest among the articles of all shards, so the split index
// ranks exactly as the index built whole (README "One index across machines").
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "indexer/index_run.h"
#include "indexer/index_writer.h"

namespace medsearch {

// The number of shards the folder is split into; 0 when it holds no shard list. Throws ParseError for a
// damaged list.
std::size_t shard_count(const std::filesystem::path& index);

// Indexes every article of the paths into `shards` shards of the folder, creating them (and the list) when
// missing; observer calls come from one thread at a time, progress counts all shards. Throws DatabaseError
// when the folder holds an index that is not split, or one split into another number of shards.
IndexSummary index_paths_into_shards(const std::vector<std::filesystem::path>& paths, const IndexRunOptions& options,
                                     const std::filesystem::path& index, std::size_t shards,
                                     const IndexWriterOptions& writer_options, IndexObserver& observer);

}  // namespace medsearch
