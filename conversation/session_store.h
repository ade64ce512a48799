// Named conversations that outlive the process: one JSON file per session (`<name>.json`) in one folder,
// holding every turn of the ConversationState, a format version and timestamps. A file that cannot be
// read is reported (SessionError naming the file and the reason) and left as it is — never dropped,
// never overwritten. Saving writes a temporary file beside the session and renames it over, so a crash
// leaves either the old file or the new one, never half of one. A process that adds a turn holds the
// session's lock (SessionStore::lock) from loading to saving, so concurrent writers of one session take
// turns and none is lost. The format is documented in README.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "conversation/conversation.h"

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

// The session a file's text holds; `file` names it in errors. Throws SessionError (file and reason) for
// text that is not a session file of this format version.
StoredSession parse_session(const std::string& text, const std::filesystem::path& file);
// The text of a session file (ends with a line break); parse_session reads it back equal.
std::string format_session(const StoredSession& session);

// One line of `sessions list`. An unreadable file is listed with the reason instead of being skipped.
struct SessionSummary {
    std::string name;
    std::size_t turns = 0;
    std::chrono::system_clock::time_point modified;  // the file's last modification
    std::string problem;                             // why the file cannot be read; empty when it can
};

// The right to change one session, from SessionStore::lock() until destroyed. It is a hidden lock file
// beside the session's file (`.NAME.lock`, flock), removed again on release.
class SessionLock {
public:
    SessionLock(SessionLock&& other) noexcept;
    SessionLock& operator=(SessionLock&&) = delete;
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;
    ~SessionLock();

private:
    friend class SessionStore;
    SessionLock(std::filesystem::path file, int descriptor) : file_(std::move(file)), descriptor_(descriptor) {}

    std::filesystem::path file_;
    int descriptor_ = -1;
};

// How long a writer waits for another to finish its turn before giving up (a turn takes about a second).
inline constexpr std::chrono::milliseconds default_session_lock_wait{30'000};

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

    // Waits up to `wait` for the session's lock, creating the folder when needed. Hold it from load() to
    // save() when adding a turn, so that a turn another process saves meanwhile is neither lost nor
    // overwritten. Throws SessionError naming the session when another process holds it longer.
    SessionLock lock(std::string_view name, std::chrono::milliseconds wait = default_session_lock_wait) const;

    // Every `<name>.json` in the folder, by name; an empty list when the folder does not exist.
    std::vector<SessionSummary> list() const;

    // Deletes the session's file (take its lock first, so a turn being answered is not saved back after).
    // Throws SessionError when there is none.
    void clear(std::string_view name) const;

private:
    void create_folder() const;

    std::filesystem::path folder_;
};

}  // namespace medsearch
