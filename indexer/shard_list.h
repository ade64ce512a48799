// Where the shards of one index live: a shard list is a text file naming, one line each, the shards that are
// searched as one index. A shard is an index of its own (indexer/schema.h: a passages and an articles
// database), either a folder on this machine or served over the network by Xapian's stock xapian-tcpsrv,
// one server per database:
//
//   # comments and blank lines are ignored
//   local shard-0                          a folder, relative to the list's folder (or absolute)
//   remote 10.0.0.2:7001 10.0.0.2:7002     the passages database's server, then the articles database's
//
// `medsearch index --shards N --db DIR` writes DIR/shards naming DIR/shard-0 ... DIR/shard-(N-1); a front
// machine that searches shards on other machines gets a list of `remote` lines (README "One index across
// machines").
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

struct RemoteDatabase {
    std::string host;
    unsigned port = 0;
    bool operator==(const RemoteDatabase&) const = default;
};

struct ShardAddress {
    std::filesystem::path folder;  // a local shard; empty for a remote one
    RemoteDatabase passages;       // a remote shard's two servers
    RemoteDatabase articles;
    bool remote() const { return folder.empty(); }
    bool operator==(const ShardAddress&) const = default;
};

// The list an index folder keeps when it is split into shards.
inline constexpr const char* shard_list_name = "shards";
inline std::filesystem::path shard_list_path(const std::filesystem::path& index) { return index / shard_list_name; }
// The folder of shard `number` of a sharded index folder.
std::filesystem::path shard_folder(const std::filesystem::path& index, std::size_t number);

// The shards a list names, local folders made absolute against the list's folder. Throws ParseError (file,
// line, reason) for a line that is not `local PATH` or `remote HOST:PORT HOST:PORT`, or a list naming none.
std::vector<ShardAddress> read_shard_list(const std::filesystem::path& file);

// Writes a list of local shards, each named relative to the list's folder. Throws DatabaseError.
void write_shard_list(const std::filesystem::path& file, const std::vector<std::filesystem::path>& folders);

// The shard (of `count`) an article belongs to: FNV-1a (64 bits) of its id, modulo count. Stable across
// runs, machines and versions, so an article re-indexed later replaces itself in the same shard.
std::size_t shard_of(std::string_view article_id, std::size_t count);

}  // namespace medsearch
