#include "cli/session_flags.h"

#include <filesystem>

namespace medsearch::cli {

SessionStore SessionFlags::store() const {
    return SessionStore(sessions_dir.empty() ? default_sessions_folder() : std::filesystem::path(sessions_dir));
}

CLI::Validator session_name_check() {
    return CLI::Validator([](std::string& name) { return session_name_problem(name); }, "NAME", "session name");
}

CLI::Option* add_sessions_dir_option(CLI::App& command, std::string& sessions_dir) {
    const CLI::Validator folder_if_present(
        [](std::string& path) {
            std::error_code error;
            const auto status = std::filesystem::status(path, error);
            return std::filesystem::exists(status) && !std::filesystem::is_directory(status) ? "not a folder: " + path : std::string();
        },
        "DIR", "folder if present");
    return command.add_option("--sessions-dir", sessions_dir,
                              "Folder of the session files (default $MEDSEARCH_SESSIONS, else $XDG_STATE_HOME/medsearch/sessions, "
                              "else ~/.local/state/medsearch/sessions)")
        ->check(folder_if_present);
}

CLI::Option* add_session_flags(CLI::App& command, SessionFlags& flags) {
    CLI::Option* session = command.add_option("--session", flags.session,
                                              "Ask within the named conversation, kept in a file between runs (letters, digits, - _ .)")
                               ->check(session_name_check());
    add_sessions_dir_option(command, flags.sessions_dir);
    return session;
}

}  // namespace medsearch::cli
