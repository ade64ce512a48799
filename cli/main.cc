// medsearch: one program, one subcommand per job. Parse the command line, run the chosen job, and turn
// any error into one line on stderr and an exit code.
#include <csignal>
#include <iostream>

#include <xapian.h>

#include "cli/command.h"
#include "common/errors.h"

int main(int argc, char** argv) {
    using namespace medsearch::cli;

    // A write past the file size limit (ulimit -f) fails with EFBIG instead of killing the program with
    // SIGXFSZ, so the error path reports it in one line and the index keeps its last commit.
    std::signal(SIGXFSZ, SIG_IGN);

    // Declare the subcommands.
    CLI::App app{"medsearch: search sectioned medical question-answer articles by passage.", "medsearch"};
    app.require_subcommand(1, 1);
    app.set_version_flag("--version", "medsearch " MEDSEARCH_VERSION);
    Action action;
    add_index_command(app, action);
    add_search_command(app, action);
    add_stats_command(app, action);
    add_delete_command(app, action);
    add_relink_command(app, action);
    add_eval_command(app, action);
    add_compare_command(app, action);
    add_ask_command(app, action);
    add_sessions_command(app, action);
    add_serve_command(app, action);

    // Parse: help and version exit 0, anything malformed exits 2.
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? exit_code::ok : exit_code::usage;
    }

    // Run the job; library code throws typed errors, reported here as one line.
    try {
        return action();
    } catch (const medsearch::UsageError& error) {
        std::cerr << "medsearch: " << error.what() << "\n";
        return exit_code::usage;
    } catch (const medsearch::Error& error) {
        std::cerr << "medsearch: " << error.what() << "\n";
        return exit_code::failure;
    } catch (const Xapian::Error& error) {
        std::cerr << "medsearch: " << error.get_description() << "\n";
        return exit_code::failure;
    } catch (const std::exception& error) {
        std::cerr << "medsearch: " << error.what() << "\n";
        return exit_code::failure;
    }
}
