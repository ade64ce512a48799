// TEMPORARY until the stage lands: stand-ins so that `medsearch` links while other stages are being
// written. Each stage that adds its command file (cli/<name>_command.cc) deletes its stand-in here and
// lists its file in cli/CMakeLists.txt. Delete this file (and its line there) when it is empty.
#include "cli/command.h"

namespace medsearch::cli {

// TEMPORARY until the ask stage lands.
void add_ask_command(CLI::App&, Action&) {}
// TEMPORARY until the sessions stage lands.
void add_sessions_command(CLI::App&, Action&) {}

}  // namespace medsearch::cli

