#include "indexer/shard_list.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "common/errors.h"

namespace medsearch {

namespace {

RemoteDatabase parse_endpoint(const std::string& text, const std::string& file, std::size_t line) {
    const std::size_t colon = text.rfind(':');
    RemoteDatabase endpoint;
    if (colon == std::string::npos || colon == 0)
        throw ParseError(file, line, "'" + text + "' is not HOST:PORT");
    endpoint.host = text.substr(0, colon);
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, endpoint.port);
    if (error != std::errc() || end != last || endpoint.port == 0 || endpoint.port > 65535)
        throw ParseError(file, line, "'" + text + "' has no port between 1 and 65535");
    return endpoint;
}

}  // namespace

std::filesystem::path shard_folder(const std::filesystem::path& index, std::size_t number) {
    return index / ("shard-" + std::to_string(number));
}

std::vector<ShardAddress> read_shard_list(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw ParseError(file.string(), 0, "cannot read the shard list");
    std::vector<ShardAddress> shards;
    std::size_t number = 0;
    for (std::string text; std::getline(in, text);) {
        ++number;
        std::istringstream words(text);
        std::string kind;
        if (!(words >> kind) || kind.starts_with('#')) continue;
        std::vector<std::string> rest;
        for (std::string word; words >> word;) rest.push_back(word);
        ShardAddress shard;
        if (kind == "local" && rest.size() == 1) {
            shard.folder = std::filesystem::path(rest[0]).is_absolute() ? std::filesystem::path(rest[0]) : file.parent_path() / rest[0];
        } else if (kind == "remote" && rest.size() == 2) {
            shard.passages = parse_endpoint(rest[0], file.string(), number);
            shard.articles = parse_endpoint(rest[1], file.string(), number);
        } else {
            throw ParseError(file.string(), number,
                             "expected 'local PATH' or 'remote PASSAGES_HOST:PORT ARTICLES_HOST:PORT', not '" + text + "'");
        }
        shards.push_back(std::move(shard));
    }
    if (shards.empty()) throw ParseError(file.string(), 0, "the shard list names no shard");
    return shards;
}

void write_shard_list(const std::filesystem::path& file, const std::vector<std::filesystem::path>& folders) {
    std::ostringstream list;
    list << "# The shards of this index, searched as one (medsearch README \"One index across machines\").\n"
            "# local PATH | remote PASSAGES_HOST:PORT ARTICLES_HOST:PORT\n";
    for (const std::filesystem::path& folder : folders)
        list << "local " << std::filesystem::absolute(folder).lexically_relative(std::filesystem::absolute(file).parent_path()).generic_string() << "\n";
    // Written beside and renamed, so a reader never sees half a list.
    const std::filesystem::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::trunc);
        out << list.str();
        out.close();
        if (!out) throw DatabaseError("cannot write the shard list " + partial.string());
    }
    std::error_code error;
    std::filesystem::rename(partial, file, error);
    if (error) throw DatabaseError("cannot write the shard list " + file.string() + ": " + error.message());
}

std::size_t shard_of(std::string_view article_id, std::size_t count) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char byte : article_id) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 1099511628211ull;
    }
    return count == 0 ? 0 : static_cast<std::size_t>(hash % count);
}

}  // namespace medsearch
