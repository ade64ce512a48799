// Named conversations that outlive the process: one JSON file per session (`<name>.json`) in one folder,
// holding every turn of the ConversationState, a format version and timestamps. A file that cannot be
// read is reported (SessionError naming the file and the reason) and left as it is — never dropped,
// never overwritten. Saving writes a temporary file beside the session and renames it over, so a crash
// leaves either the old file or the new one, never half of one. The format is documented in README.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "query/conversation.h"

namespace medsearch {

// The version written in every session file; a file of another version is refused.
inline constexpr int session_format_version = 1;

// The session folder when none is given: $MEDSEARCH_SESSIONS, else $XDG_STATE_HOME/medsearch/sessions
// (an absolute XDG_STATE_HOME only, as the XDG spec says), else ~/.local/state/medsearch/sessions.
// Throws UsageError when none of these can be formed (no HOME either).
std::filesystem::path default_sessions_folder();

// Empty when `name` may name a session; otherwise why not. Names are 1-64 ASCII letters, digits, '-',
// '_' and '.', not starting with '.' (hidden files are the store's own temporary files).
std::string session_name_problem(std::string_view name);

// "2026-11-25T13:47:44Z": how session files and `sessions list` write times.
std::string utc_timestamp(std::chrono::system_clock::time_point time);

// A session as its file holds it.
struct StoredSession {
    ConversationState state;
    std::string created;  // utc_timestamp of the first save
    std::string updated;  // utc_timestamp of the last save
};

// One line of `sessions list`. An unreadable file is listed with the reason instead of being skipped.
struct SessionSummary {
    std::string name;
    std::size_t turns = 0;
    std::chrono::system_clock::time_point modified;  // the file's last modification
    std::string problem;                             // why the file cannot be read; empty when it can
};

class SessionStore {
public:
    explicit SessionStore(std::filesystem::path folder);

    const std::filesystem::path& folder() const { return folder_; }
    // Where the session's file is (whether or not it exists). Throws UsageError for a bad name.
    std::filesystem::path file(std::string_view name) const;
    bool exists(std::string_view name) const;

    // The session's turns; an empty state when there is no file yet. Throws SessionError naming the file
    // and the reason when the file cannot be read, is not a session file or has another format version.
    ConversationState load(std::string_view name) const;
    // The whole file, timestamps included. Throws SessionError as load() does, and when there is no file.
    StoredSession read(std::string_view name) const;

    // Replaces the session's file atomically (temporary file, fsync, rename), creating the folder when
    // needed. An existing file that cannot be read is not overwritten: SessionError, as load() throws.
    void save(std::string_view name, const ConversationState& state) const;

    // Every `<name>.json` in the folder, by name; an empty list when the folder does not exist.
    std::vector<SessionSummary> list() const;

    // Deletes the session's file. Throws SessionError when there is none.
    void clear(std::string_view name) const;

private:
    std::filesystem::path folder_;
};

}  // namespace medsearch
