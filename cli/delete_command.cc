// `medsearch delete`: remove an article and all its passages.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/errors.h"
#include "indexer/index_writer.h"
#include "indexer/open_index.h"

namespace medsearch::cli {

namespace {

struct DeleteArguments {
    std::string db;
    std::vector<std::string> articles;
};

int run_delete(const DeleteArguments& args) {
    open_index(args.db);  // never create an index just to delete from it
    IndexWriter writer(args.db);
    std::size_t missing = 0;
    for (const std::string& article : args.articles) {
        if (writer.remove(article)) continue;
        std::cerr << "medsearch: no article " << article << " in " << args.db << "\n";
        ++missing;
    }
    writer.commit();
    // The articles that had a deleted one among their nearest get the next nearest, as many as the index keeps.
    if (missing < args.articles.size()) writer.link_pending(writer.linked_neighbour_options());
    std::cerr << "deleted " << args.articles.size() - missing << " articles\n";
    return missing > 0 ? exit_code::partial : exit_code::ok;
}

}  // namespace

void add_delete_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<DeleteArguments>();
    CLI::App* command = app.add_subcommand("delete", "Remove articles and all their passages from the index");
    command->footer("Exit code 3 when an article was not in the index.");
    command->add_option("--db", args->db, "Index folder")->required()->check(CLI::ExistingDirectory);
    command->add_option("article", args->articles, "Article ids (as `search --json` shows them in \"article\")")->required();
    command->callback([args, &action] { action = [args] { return run_delete(*args); }; });
}

}  // namespace medsearch::cli
