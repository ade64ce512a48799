#include "cli/engine_flags.h"

namespace medsearch::cli {

EngineOptions EngineFlags::options() const {
    EngineOptions options;
    options.bundled_synonyms = !no_bundled_synonyms;
    options.synonym_files.assign(synonym_files.begin(), synonym_files.end());
    for (const std::string& setting : ranking_settings) apply_ranking_setting(options.ranking, setting);
    return options;
}

void add_engine_flags(CLI::App& command, EngineFlags& flags) {
    command.add_option("--synonyms", flags.synonym_files, "Your own synonym file (one set per line, tab-separated), repeatable")
        ->check(CLI::ExistingFile);
    command.add_flag("--no-bundled-synonyms", flags.no_bundled_synonyms, "Do not load corpus/synonyms/*.tsv");
    command.add_option("--ranking", flags.ranking_settings,
                       "Override one ranking option, NAME=VALUE (for experiments; names: " +
                           [] {
                               std::string names;
                               for (const std::string& line : describe_ranking(RankingOptions{}))
                                   names += (names.empty() ? "" : ", ") + line.substr(0, line.find('='));
                               return names;
                           }() + "), repeatable");
}

CLI::Option* add_index_option(CLI::App& command, std::vector<std::string>& indexes, const std::string& what) {
    return command.add_option("--db", indexes, what + ": an index folder (split into shards or not) or a shard list; repeat to search several as one")
        ->allow_extra_args(false)  // each --db takes one path, so the question's words that follow stay the question's
        ->check(CLI::ExistingPath);
}

std::vector<std::filesystem::path> as_paths(const std::vector<std::string>& indexes) { return {indexes.begin(), indexes.end()}; }

}  // namespace medsearch::cli
