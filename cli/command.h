// The CLI is the only code that sees argv, stdout and exit codes. Each subcommand lives in its own file
// and registers itself here: it declares its options (validation beside each option) and, once CLI11 has
// parsed them, sets the action main() runs.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace medsearch::cli {

// What main() runs after a successful parse; returns the process exit code.
using Action = std::function<int()>;

// Exit codes shared by every subcommand (documented in README.md).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int failure = 1;        // the command could not do its job (one line on stderr says why)
inline constexpr int usage = 2;          // the command line is wrong
inline constexpr int partial = 3;        // the job ran but some inputs failed (counted in the summary)
}  // namespace exit_code

void add_index_command(CLI::App& app, Action& action);
void add_search_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_delete_command(CLI::App& app, Action& action);
void add_relink_command(CLI::App& app, Action& action);
void add_eval_command(CLI::App& app, Action& action);
void add_compare_command(CLI::App& app, Action& action);
void add_ask_command(CLI::App& app, Action& action);
void add_sessions_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);

}  // namespace medsearch::cli
