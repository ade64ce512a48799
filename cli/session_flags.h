// The options that name a conversation session, shared by `search`, `ask` and `sessions`, with the
// checks beside them: a session name is validated as the store requires, a sessions folder must be a
// folder if it exists (it is created on the first save).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "conversation/session_store.h"

namespace medsearch::cli {

struct SessionFlags {
    std::string session;       // --session NAME; empty: the conversation is not kept
    std::string sessions_dir;  // --sessions-dir DIR; empty: default_sessions_folder()

    // The store of --sessions-dir or of the default folder. Throws UsageError when there is no default.
    SessionStore store() const;
};

// Accepts what session_name_problem() accepts.
CLI::Validator session_name_check();

// --sessions-dir DIR alone (for `sessions`); returns the option so a command can add `needs`.
CLI::Option* add_sessions_dir_option(CLI::App& command, std::string& sessions_dir);
// --session NAME and --sessions-dir DIR.
CLI::Option* add_session_flags(CLI::App& command, SessionFlags& flags);

}  // namespace medsearch::cli
