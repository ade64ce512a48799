#include "conversation/session_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace medsearch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kFormatName = "medsearch-session";
constexpr std::size_t kMaxNameLength = 64;
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // far beyond any conversation; refuses a wrong file early

[[noreturn]] void fail(const fs::path& file, const std::string& reason) { throw SessionError(file.string() + ": " + reason); }

std::string system_reason(int error) { return std::strerror(error); }

std::string read_text(const fs::path& file) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(file, error);
    if (error) fail(file, "cannot be read: " + error.message());
    if (size > kMaxFileBytes) fail(file, "is larger than 64 MiB: not a session file");
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot be read: " + system_reason(errno));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) fail(file, "cannot be read: " + system_reason(errno));
    return text;
}

const json& member(const json& object, const char* key, json::value_t type, const std::string& where, const fs::path& file) {
    const auto found = object.find(key);
    const bool right_type = found != object.end() && (found->type() == type ||
                                                      (type == json::value_t::number_integer && found->is_number_unsigned()));
    if (!right_type) {
        const char* wanted = type == json::value_t::string ? "a string" : type == json::value_t::array ? "a list" : "a whole number";
        fail(file, where + "\"" + key + "\" is missing or not " + wanted);
    }
    return *found;
}

ConversationTurn decode_turn(const json& value, std::size_t number, const fs::path& file) {
    const std::string where = "turn " + std::to_string(number) + ": ";
    if (!value.is_object()) fail(file, where + "is not an object");
    ConversationTurn turn;
    turn.question = member(value, "question", json::value_t::string, where, file).get<std::string>();
    turn.subject = member(value, "subject", json::value_t::string, where, file).get<std::string>();
    turn.subject_title = member(value, "subject_title", json::value_t::string, where, file).get<std::string>();
    for (const json& id : member(value, "answered_by", json::value_t::array, where, file)) {
        if (!id.is_string()) fail(file, where + "\"answered_by\" holds something other than article ids");
        turn.answered_by.push_back(id.get<std::string>());
    }
    return turn;
}

// Written in this key order (ordered_json), so a person reading the file sees format and version first.
nlohmann::ordered_json encode_session(const StoredSession& session) {
    nlohmann::ordered_json turns = nlohmann::ordered_json::array();
    for (const ConversationTurn& turn : session.state.turns)
        turns.push_back({{"question", turn.question},
                         {"subject", turn.subject},
                         {"subject_title", turn.subject_title},
                         {"answered_by", turn.answered_by}});
    return {{"format", kFormatName},     {"version", session_format_version}, {"created", session.created},
            {"updated", session.updated}, {"turns", std::move(turns)}};
}

// Writes all of `text` to the open descriptor; false (errno set) on failure.
bool write_all(int descriptor, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(descriptor, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// `text` becomes the content of `target` all at once: a temporary file in the same folder, flushed to
// disk, renamed over the target, and the folder flushed so the rename itself survives a crash.
void replace_file(const fs::path& target, const std::string& text) {
    std::string temporary = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    const int descriptor = ::mkstemp(temporary.data());
    if (descriptor < 0) fail(target, "cannot be written: " + system_reason(errno));
    const bool written = write_all(descriptor, text) && ::fsync(descriptor) == 0;
    const int write_error = errno;
    const bool closed = ::close(descriptor) == 0;
    if (!written || !closed || std::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = !written ? write_error : errno;
        ::unlink(temporary.c_str());
        fail(target, "cannot be written: " + system_reason(error));
    }
    const int folder = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (folder >= 0) {
        ::fsync(folder);  // best effort: the file is complete either way
        ::close(folder);
    }
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

StoredSession parse_session(const std::string& text, const fs::path& file) {
    if (text.empty()) fail(file, "is empty: not a session file");
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        // The parser's own message quotes the bytes it read, which may be anything: give the place only.
        fail(file, "is not valid JSON (at byte " + std::to_string(error.byte) + ")");
    } catch (const json::exception&) {
        // A number too large for a double ("1e999") is out_of_range, not a parse_error.
        fail(file, "is not valid JSON (a number out of range)");
    }
    if (!document.is_object()) fail(file, "is not a session file (the JSON is not an object)");
    const auto format = document.find("format");
    if (format == document.end() || !format->is_string() || format->get<std::string>() != kFormatName)
        fail(file, "is not a session file (no \"format\": \"medsearch-session\")");
    const json& version = member(document, "version", json::value_t::number_integer, "", file);
    if (!version.is_number_integer() || version.get<long long>() != session_format_version)
        fail(file, "has format version " + version.dump() + "; this medsearch reads version " + std::to_string(session_format_version));

    StoredSession session;
    session.created = member(document, "created", json::value_t::string, "", file).get<std::string>();
    session.updated = member(document, "updated", json::value_t::string, "", file).get<std::string>();
    std::size_t number = 0;
    for (const json& turn : member(document, "turns", json::value_t::array, "", file))
        session.state.turns.push_back(decode_turn(turn, ++number, file));
    return session;
}

std::string format_session(const StoredSession& session) {
    return encode_session(session).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

fs::path default_sessions_folder() {
    if (const std::string folder = environment("MEDSEARCH_SESSIONS"); !folder.empty()) return folder;
    if (const fs::path state = environment("XDG_STATE_HOME"); state.is_absolute()) return state / "medsearch" / "sessions";
    if (const std::string home = environment("HOME"); !home.empty()) return fs::path(home) / ".local" / "state" / "medsearch" / "sessions";
    throw UsageError("no session folder: set MEDSEARCH_SESSIONS, XDG_STATE_HOME or HOME, or give --sessions-dir");
}

std::string session_name_problem(std::string_view name) {
    if (name.empty()) return "a session name cannot be empty";
    if (name.size() > kMaxNameLength) return "a session name has at most 64 characters";
    if (name.front() == '.') return "a session name cannot start with '.'";
    for (const char c : name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!allowed) return "a session name holds only letters, digits, '-', '_' and '.'";
    }
    return {};
}

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    ::gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

SessionLock::SessionLock(SessionLock&& other) noexcept : file_(std::move(other.file_)), descriptor_(other.descriptor_) {
    other.descriptor_ = -1;
}

SessionLock::~SessionLock() {
    if (descriptor_ < 0) return;
    // Unlinked while still held: a process waiting on this file finds it gone once it gets the lock, and
    // starts again on a new one (SessionStore::lock), so no lock file outlives its turn.
    ::unlink(file_.c_str());
    ::close(descriptor_);
}

SessionStore::SessionStore(fs::path folder) : folder_(std::move(folder)) {}

fs::path SessionStore::file(std::string_view name) const {
    if (const std::string problem = session_name_problem(name); !problem.empty())
        throw UsageError("bad session name \"" + std::string(name) + "\": " + problem);
    return folder_ / (std::string(name) + ".json");
}

bool SessionStore::exists(std::string_view name) const {
    std::error_code ignored;
    return fs::exists(fs::symlink_status(file(name), ignored));
}

ConversationState SessionStore::load(std::string_view name) const {
    if (!exists(name)) return {};
    return read(name).state;
}

StoredSession SessionStore::read(std::string_view name) const {
    const fs::path path = file(name);
    if (!exists(name)) throw SessionError("no session named \"" + std::string(name) + "\" (no file " + path.string() + ")");
    return parse_session(read_text(path), path);
}

void SessionStore::create_folder() const {
    std::error_code error;
    if (fs::create_directories(folder_, error)) fs::permissions(folder_, fs::perms::owner_all, error);  // questions are private
    if (error) throw SessionError(folder_.string() + ": cannot create the session folder: " + error.message());
}

SessionLock SessionStore::lock(std::string_view name, std::chrono::milliseconds wait) const {
    const fs::path session = file(name);
    const fs::path lock_file = folder_ / ("." + std::string(name) + ".lock");
    create_folder();
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        const int descriptor = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (descriptor < 0) fail(lock_file, "cannot be created: " + system_reason(errno));
        bool locked = false;
        while (!(locked = ::flock(descriptor, LOCK_EX | LOCK_NB) == 0) && (errno == EWOULDBLOCK || errno == EINTR) &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (!locked) {
            const int error = errno;
            ::close(descriptor);
            if (error != EWOULDBLOCK && error != EINTR) fail(lock_file, "cannot be locked: " + system_reason(error));
            const std::string waited = wait.count() % 1000 == 0 ? std::to_string(wait.count() / 1000) + " s" : std::to_string(wait.count()) + " ms";
            throw SessionError("session \"" + std::string(name) + "\" is busy: another medsearch has been answering in it for " + waited +
                               " (" + session.string() + ")");
        }
        // The lock counts only if the file is still the one at the path: its last holder unlinks it.
        struct stat held {}, current {};
        if (::fstat(descriptor, &held) == 0 && ::stat(lock_file.c_str(), &current) == 0 && held.st_dev == current.st_dev &&
            held.st_ino == current.st_ino)
            return SessionLock(lock_file, descriptor);
        ::close(descriptor);
    }
}

void SessionStore::save(std::string_view name, const ConversationState& state) const {
    const fs::path path = file(name);
    StoredSession session;
    session.state = state;
    session.updated = utc_timestamp(std::chrono::system_clock::now());
    // Reading the old file first keeps its creation time, and refuses to overwrite a file that is not ours.
    session.created = exists(name) ? read(name).created : session.updated;

    create_folder();
    replace_file(path, format_session(session));
}

std::vector<SessionSummary> SessionStore::list() const {
    std::vector<SessionSummary> sessions;
    std::error_code error;
    if (!fs::exists(folder_, error)) return sessions;
    fs::directory_iterator entries(folder_, error);
    if (error) throw SessionError(folder_.string() + ": cannot list the session folder: " + error.message());
    for (const fs::directory_entry& entry : entries) {
        const fs::path path = entry.path();
        const std::string name = path.stem().string();
        if (path.extension() != ".json" || !session_name_problem(name).empty()) continue;  // not a session file
        SessionSummary summary;
        summary.name = name;
        const fs::file_time_type modified = fs::last_write_time(path, error);
        if (!error) summary.modified = std::chrono::file_clock::to_sys(modified);
        try {
            summary.turns = read(name).state.turns.size();
        } catch (const SessionError& unreadable) {
            summary.problem = unreadable.what();
        }
        sessions.push_back(std::move(summary));
    }
    std::sort(sessions.begin(), sessions.end(), [](const SessionSummary& a, const SessionSummary& b) { return a.name < b.name; });
    return sessions;
}

void SessionStore::clear(std::string_view name) const {
    const fs::path path = file(name);
    if (!exists(name)) throw SessionError("no session named \"" + std::string(name) + "\" (no file " + path.string() + ")");
    std::error_code error;
    if (!fs::remove(path, error) || error) fail(path, "cannot be deleted: " + error.message());
}

}  // namespace medsearch
