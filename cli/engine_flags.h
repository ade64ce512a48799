// Options every asking command shares (search, eval, ask): which synonym files the engine loads.
#pragma once

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

}  // namespace medsearch::cli
