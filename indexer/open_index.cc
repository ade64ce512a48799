#include "indexer/open_index.h"

#include <algorithm>
#include <chrono>
#include <charconv>
#include <system_error>
#include <thread>

#include "common/errors.h"
#include "indexer/schema.h"
#include "indexer/shard_list.h"

namespace medsearch {

namespace {

// A writer's two commits are moments apart; this bounds how long a reader waits for the second.
constexpr int kReopenAttempts = 100;
constexpr std::chrono::milliseconds kReopenPause{20};

// How long a remote shard may take to answer, and to accept the connection.
constexpr unsigned kRemoteTimeoutMs = 30'000;

ShardDatabases open_folder(const std::filesystem::path& index) {
    std::error_code ignored;
    const std::string create_hint = " (create it with: medsearch index --db " + index.string() + " PATH...)";
    if (!std::filesystem::is_directory(index, ignored)) throw DatabaseError("no index at " + index.string() + create_hint);
    if (!std::filesystem::exists(schema::articles_path(index), ignored)) {
        refuse_older_layout(index);
        throw DatabaseError("no index at " + index.string() + create_hint);
    }
    try {
        return {Xapian::Database(schema::passages_path(index).string()), Xapian::Database(schema::articles_path(index).string())};
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot open the index at " + index.string() + ": " + error.get_description());
    }
}

Xapian::Database open_remote(const RemoteDatabase& server, const char* which) {
    try {
        return Xapian::Remote::open(server.host, server.port, kRemoteTimeoutMs, kRemoteTimeoutMs);
    } catch (const Xapian::Error& error) {
        throw DatabaseError(std::string("cannot reach the ") + which + " database of a shard at " + server.host + ":" +
                            std::to_string(server.port) + " (is xapian-tcpsrv running there?): " + error.get_description());
    }
}

// The shards a path names: the folder itself, or those of its shard list.
std::vector<ShardDatabases> open_shards(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::path list = path;
    if (std::filesystem::is_directory(path, ignored)) {
        if (!std::filesystem::exists(shard_list_path(path), ignored)) return {open_folder(path)};
        list = shard_list_path(path);
    }
    if (!std::filesystem::is_regular_file(list, ignored)) return {open_folder(path)};  // says there is no index
    std::vector<ShardDatabases> shards;
    for (const ShardAddress& address : read_shard_list(list))
        shards.push_back(address.remote() ? ShardDatabases{open_remote(address.passages, schema::passages_database),
                                                           open_remote(address.articles, schema::articles_database)}
                                          : open_folder(address.folder));
    return shards;
}

}  // namespace

bool at_one_batch(const IndexDatabases& index) {
    return std::all_of(index.shards.begin(), index.shards.end(),
                       [](const ShardDatabases& shard) { return committed_batch(shard.articles) == committed_batch(shard.passages); });
}

std::uint64_t committed_batch(const Xapian::Database& database) {
    const std::string recorded = database.get_metadata(schema::batch_metadata);
    std::uint64_t batch = 0;
    const auto [end, error] = std::from_chars(recorded.data(), recorded.data() + recorded.size(), batch);
    if (!recorded.empty() && (error != std::errc() || end != recorded.data() + recorded.size()))
        throw DatabaseError("the index's batch number is damaged: '" + recorded + "'");
    return batch;
}

void refuse_older_layout(const std::filesystem::path& index) {
    std::error_code ignored;
    if (std::filesystem::exists(index / "iamglass", ignored))
        throw DatabaseError("the index at " + index.string() +
                            " was made by an older medsearch (one database for passages and articles); index the articles again into a new folder");
}

IndexDatabases open_index(const std::filesystem::path& index) { return open_index(std::vector<std::filesystem::path>{index}); }

IndexDatabases open_index(const std::vector<std::filesystem::path>& indexes) {
    IndexDatabases databases;
    for (const std::filesystem::path& index : indexes)
        for (ShardDatabases& shard : open_shards(index)) {
            // The combined databases share each shard's, so reopening a shard reopens it in them too.
            databases.passages.add_database(shard.passages);
            databases.articles.add_database(shard.articles);
            databases.shards.push_back(std::move(shard));
        }
    if (!at_one_batch(databases)) reopen_index(databases);
    return databases;
}

bool reopen_index(IndexDatabases& index) {
    for (int attempt = 0;; ++attempt) {
        try {
            for (ShardDatabases& shard : index.shards) {
                shard.articles.reopen();
                shard.passages.reopen();
            }
            if (at_one_batch(index)) return true;
        } catch (const Xapian::DatabaseModifiedError&) {
            // A commit overtook this reopen: try again.
        } catch (const Xapian::Error& error) {
            throw DatabaseError("cannot reopen the index: " + error.get_description());
        }
        if (attempt + 1 >= kReopenAttempts) return false;
        std::this_thread::sleep_for(kReopenPause);
    }
}

}  // namespace medsearch
