// Options every asking command shares (search, eval, ask): which synonym files the engine loads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "query/engine.h"

namespace medsearch::cli {

struct EngineFlags {
    std::vector<std::string> synonym_files;
    bool no_bundled_synonyms = false;
    std::vector<std::string> ranking_settings;  // NAME=VALUE overrides of the shipped ranking

    // Throws UsageError for a bad --ranking setting.
    EngineOptions options() const;
};

void add_engine_flags(CLI::App& command, EngineFlags& flags);

// --db for the commands that search: repeatable, each an index folder, a folder split into shards or a shard
// list (indexer/shard_list.h); all are searched as one index. `what` describes it in --help.
CLI::Option* add_index_option(CLI::App& command, std::vector<std::string>& indexes, const std::string& what);
std::vector<std::filesystem::path> as_paths(const std::vector<std::string>& indexes);

}  // namespace medsearch::cli
