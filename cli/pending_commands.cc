// TEMPORARY until the stage lands: stand-ins so that `medsearch` links while other stages are being
// written. Each stage that adds its command file (cli/<name>_command.cc) deletes its stand-in here and
// lists its file in cli/CMakeLists.txt. Delete this file when it is empty.
#include "cli/command.h"

namespace medsearch::cli {

// TEMPORARY until the index stage lands.
void add_index_command(CLI::App&, Action&) {}
// TEMPORARY until the search stage lands.
void add_search_command(CLI::App&, Action&) {}
// TEMPORARY until the stats stage lands.
void add_stats_command(CLI::App&, Action&) {}
// TEMPORARY until the delete stage lands.
void add_delete_command(CLI::App&, Action&) {}
// TEMPORARY until the ask stage lands.
void add_ask_command(CLI::App&, Action&) {}
// TEMPORARY until the sessions stage lands.
void add_sessions_command(CLI::App&, Action&) {}

}  // namespace medsearch::cli
