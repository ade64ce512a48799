// `medsearch stats`: what the index holds.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "indexer/index_stats.h"

namespace medsearch::cli {

namespace {

int run_stats(const std::string& db) {
    const IndexStats stats = read_index_stats(db);
    std::printf("articles\t%zu\npassages\t%zu\nterms\t%zu\nbody terms\t%zu\naverage passage length\t%.1f\n"
                "average article length\t%.1f\nsize on disk\t%.1f MB\n",
                stats.articles, stats.passages, stats.terms, stats.body_terms, stats.average_passage_words,
                stats.average_article_words, static_cast<double>(stats.bytes_on_disk) / 1e6);
    // Whole-index data that an interrupted run may have left behind, and what completes it.
    if (stats.unlinked_articles == 0)
        std::printf("nearest articles\tcomplete\n");
    else
        std::printf("nearest articles\t%zu articles awaiting (the next index run, or medsearch relink, finds them)\n",
                    stats.unlinked_articles);
    if (!stats.passages_current)
        std::printf("passages\tbehind the articles after an interrupted commit (the next index run repairs them)\n");
    std::printf("passages per section\n");
    for (const KeyCount& section : stats.sections) std::printf("  %s\t%zu\n", section.key.c_str(), section.count);
    std::printf("articles per source\n");
    for (const KeyCount& source : stats.sources) std::printf("  %s\t%zu\n", source.key.c_str(), source.count);
    return std::fflush(stdout) == 0 ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_stats_command(CLI::App& app, Action& action) {
    auto db = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand("stats", "Print what the index holds: articles, passages, sections, sources, terms, size");
    command->add_option("--db", *db, "Index folder, folder split into shards, or shard list")->required()->check(CLI::ExistingPath);
    command->callback([db, &action] { action = [db] { return run_stats(*db); }; });
}

}  // namespace medsearch::cli
