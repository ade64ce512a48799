// Opening an existing index for reading: its two databases (indexer/schema.h), seen at one batch, with one
// clear error when there is no index. An index may be split into shards (indexer/shard_list.h), local or
// served by xapian-tcpsrv: each shard's databases are opened and added to one passages and one articles
// database (Xapian::Database::add_database), which searches read as if they were one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include <xapian.h>

namespace medsearch {

struct ShardDatabases {
    Xapian::Database passages;
    Xapian::Database articles;
};

struct IndexDatabases {
    // Every shard's databases as one: what searches read.
    Xapian::Database passages;
    Xapian::Database articles;
    // Each shard's own pair, in the order added (one for an index that is not split). A combined database's
    // metadata is its first shard's, so what is kept per database (the batch) is read from these.
    std::vector<ShardDatabases> shards;
};

// Opens an index folder, a folder split into shards (it holds a shard list, indexer/shard_list.h) or a shard
// list file. Throws DatabaseError naming the folder when it holds no medsearch index (or an index of the
// layout before the two databases, which must be rebuilt) or a remote shard cannot be reached, ParseError
// for a bad shard list.
IndexDatabases open_index(const std::filesystem::path& index);
// Opens each and searches them as one index.
IndexDatabases open_index(const std::vector<std::filesystem::path>& indexes);

// Throws DatabaseError when the folder holds an index of the layout before the two databases (one Xapian
// database for passages and articles), which must be rebuilt.
void refuse_older_layout(const std::filesystem::path& index);

// The last batch the database has committed (schema::batch_metadata); 0 before the first.
std::uint64_t committed_batch(const Xapian::Database& database);

// True when every shard's two databases show one batch (no writer is between its two commits).
bool at_one_batch(const IndexDatabases& index);

// Brings both databases to the latest revision the writer has committed to both: a writer commits the
// articles database and then the passages database, so a reader that arrives between the two waits for the
// second (bounded; after that it goes on with what it sees). Returns true when both show one batch.
bool reopen_index(IndexDatabases& index);

}  // namespace medsearch
