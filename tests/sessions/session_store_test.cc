// SessionStore: what is saved loads back field for field, saving is atomic (no temporary file is left),
// a file that is not a session is reported with its path and the reason and never overwritten, names
// cannot leave the folder, list and clear, and where the sessions live by default.
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "common/errors.h"
#include "conversation/session_store.h"
#include "tests/sessions/session_test_support.h"

namespace medsearch::test {
namespace {

namespace fs = std::filesystem;

ConversationState two_turns() {
    ConversationState state;
    state.turns.push_back({"What causes leukopenia?", "leukopenia", "What is leukopenia?", {"leukopenia", "filgrastim", "tokens"}});
    state.turns.push_back({"Wie wird sie behandelt? \u2014 \u03b2-Blocker, \"quoted\"\n\tand a tab", "", "", {}});
    return state;
}

void check_equal(const ConversationState& loaded, const ConversationState& saved) {
    REQUIRE(loaded.turns.size() == saved.turns.size());
    for (std::size_t i = 0; i < saved.turns.size(); ++i) {
        INFO("turn " << i + 1);
        CHECK(loaded.turns[i].question == saved.turns[i].question);
        CHECK(loaded.turns[i].subject == saved.turns[i].subject);
        CHECK(loaded.turns[i].subject_title == saved.turns[i].subject_title);
        CHECK(loaded.turns[i].answered_by == saved.turns[i].answered_by);
    }
}

std::set<std::string> folder_entries(const fs::path& folder) {
    std::set<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

// Sets (or with nullopt unsets) an environment variable for the lifetime of the object.
class ScopedVariable {
public:
    ScopedVariable(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
    }
    ~ScopedVariable() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST_CASE("a saved session loads back equal, every field of every turn", "[sessions][store]") {
    const ScratchDir folder;
    const SessionStore store(folder.path() / "sessions");  // created by the first save
    const ConversationState saved = two_turns();
    store.save("ward-round", saved);
    check_equal(store.load("ward-round"), saved);

    const StoredSession first = store.read("ward-round");
    const std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    CHECK(std::regex_match(first.created, timestamp));
    CHECK(std::regex_match(first.updated, timestamp));

    // Saving again replaces the turns and keeps the creation time.
    ConversationState more = saved;
    more.turns.push_back({"What are its side effects?", "filgrastim", "What is filgrastim?", {"filgrastim"}});
    store.save("ward-round", more);
    check_equal(store.load("ward-round"), more);
    CHECK(store.read("ward-round").created == first.created);

    // The empty conversation round-trips too.
    store.save("empty", {});
    CHECK(store.load("empty").turns.empty());
}

TEST_CASE("a session file holds a format name and version, and a missing session is an empty one", "[sessions][store]") {
    const ScratchDir folder;
    const SessionStore store(folder.path());
    CHECK(store.load("never-saved").turns.empty());
    CHECK_FALSE(fs::exists(folder.path() / "never-saved.json"));  // loading writes nothing

    store.save("s", two_turns());
    const nlohmann::json document = nlohmann::json::parse(file_bytes(folder.path() / "s.json"));
    CHECK(document.at("format") == "medsearch-session");
    CHECK(document.at("version") == session_format_version);
    CHECK(document.at("turns").size() == 2);
    CHECK(document.at("turns").at(0).at("answered_by") == nlohmann::json{"leukopenia", "filgrastim", "tokens"});
}

TEST_CASE("saving is atomic: only the session file is left, readable by its owner only", "[sessions][store]") {
    const ScratchDir folder;
    const SessionStore store(folder.path() / "sessions");
    ConversationState state;
    for (int turn = 0; turn < 20; ++turn) {
        state.turns.push_back({"question " + std::to_string(turn), "subject", "title", {"a", "b"}});
        store.save("busy", state);
    }
    CHECK(folder_entries(store.folder()) == std::set<std::string>{"busy.json"});
    struct stat file_status {};
    REQUIRE(::stat(store.file("busy").c_str(), &file_status) == 0);
    CHECK((file_status.st_mode & 0777) == 0600);
    REQUIRE(::stat(store.folder().c_str(), &file_status) == 0);
    CHECK((file_status.st_mode & 0777) == 0700);
    CHECK(store.load("busy").turns.size() == 20);
}

TEST_CASE("a file that is not a session is reported with its path and reason, and never overwritten", "[sessions][store]") {
    const BrokenSession broken = GENERATE(from_range(broken_sessions()));
    INFO(broken.label);
    const ScratchDir folder;
    const SessionStore store(folder.path());
    const fs::path file = folder.write("broken.json", broken.bytes);

    for (const auto& attempt : std::vector<std::function<void()>>{[&] { store.load("broken"); },
                                                                  [&] { store.save("broken", two_turns()); }}) {
        try {
            attempt();
            FAIL("no SessionError");
        } catch (const SessionError& error) {
            const std::string message = error.what();
            CHECK(message.starts_with(file.string() + ": "));
            CHECK_THAT(message, Catch::Contains(broken.reason_part));
        }
    }
    CHECK(file_bytes(file) == broken.bytes);
    CHECK(folder_entries(folder.path()) == std::set<std::string>{"broken.json"});

    // Listed with the reason, not left out.
    const std::vector<SessionSummary> sessions = store.list();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].name == "broken");
    CHECK_THAT(sessions[0].problem, Catch::Contains(broken.reason_part));
}

TEST_CASE("session names are checked before any file is touched", "[sessions][store]") {
    const auto [name, valid] = GENERATE(table<std::string, bool>({
        {"ward-round", true},
        {"patient_42.v2", true},
        {"A", true},
        {std::string(64, 'x'), true},
        {"", false},
        {std::string(65, 'x'), false},
        {"../escape", false},
        {"a/b", false},
        {"a\\b", false},
        {".hidden", false},
        {"..", false},
        {"two words", false},
        {"na\u00efve", false},
        {"tab\there", false},
    }));
    INFO("name \"" << name << "\"");
    CHECK(session_name_problem(name).empty() == valid);
    const ScratchDir folder;
    const SessionStore store(folder.path() / "sessions");
    if (valid) {
        store.save(name, two_turns());
        CHECK(store.load(name).turns.size() == 2);
        store.clear(name);
    } else {
        CHECK_THROWS_AS(store.file(name), UsageError);
        CHECK_THROWS_AS(store.load(name), UsageError);
        CHECK_THROWS_AS(store.save(name, two_turns()), UsageError);
        CHECK_THROWS_AS(store.clear(name), UsageError);
        CHECK_FALSE(fs::exists(store.folder()));
    }
}

TEST_CASE("list gives name, turns and modification time of every session, and clear deletes one", "[sessions][store]") {
    const ScratchDir folder;
    const SessionStore store(folder.path());
    CHECK(SessionStore(folder.path() / "not-yet").list().empty());

    const auto before = std::chrono::system_clock::now() - std::chrono::seconds(2);
    store.save("b-session", two_turns());
    store.save("a-session", {});
    folder.write("notes.txt", "not a session");
    folder.write(".b-session.json.Xy12ab", "a temporary file of a save that crashed");
    folder.write("bad name.json", "{}");
    const auto after = std::chrono::system_clock::now() + std::chrono::seconds(2);

    const std::vector<SessionSummary> sessions = store.list();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].name == "a-session");
    CHECK(sessions[0].turns == 0);
    CHECK(sessions[1].name == "b-session");
    CHECK(sessions[1].turns == 2);
    for (const SessionSummary& session : sessions) {
        CHECK(session.problem.empty());
        CHECK(session.modified > before);
        CHECK(session.modified < after);
    }

    store.clear("b-session");
    CHECK_FALSE(store.exists("b-session"));
    CHECK(store.list().size() == 1);
    CHECK_THROWS_AS(store.clear("b-session"), SessionError);
    CHECK_THROWS_AS(store.read("b-session"), SessionError);
}

TEST_CASE("the default session folder follows MEDSEARCH_SESSIONS, XDG_STATE_HOME, then HOME", "[sessions][store]") {
    using Setting = std::optional<std::string>;
    const auto [sessions, state_home, home, expected] = GENERATE(table<Setting, Setting, Setting, std::string>({
        {"/data/sessions", "/state", "/home/u", "/data/sessions"},
        {std::nullopt, "/state", "/home/u", "/state/medsearch/sessions"},
        {"", "/state", "/home/u", "/state/medsearch/sessions"},
        {std::nullopt, "relative/state", "/home/u", "/home/u/.local/state/medsearch/sessions"},  // XDG: absolute only
        {std::nullopt, std::nullopt, "/home/u", "/home/u/.local/state/medsearch/sessions"},
        {std::nullopt, std::nullopt, std::nullopt, ""},
    }));
    const ScopedVariable a("MEDSEARCH_SESSIONS", sessions), b("XDG_STATE_HOME", state_home), c("HOME", home);
    INFO("expected " << expected);
    if (expected.empty())
        CHECK_THROWS_AS(default_sessions_folder(), UsageError);
    else
        CHECK(default_sessions_folder() == fs::path(expected));
}

TEST_CASE("a session file of 64 MiB is read, one byte more is refused as not a session file", "[sessions][store][limits]") {
    const ScratchDir folder;
    const SessionStore store(folder.path());
    store.save("big", two_turns());
    const std::string saved = file_bytes(store.file("big"));
    constexpr std::size_t kLimit = 64u << 20;
    for (const std::size_t size : {kLimit, kLimit + 1}) {
        // The saved session followed by white space up to the size: still valid JSON.
        {
            std::ofstream out(store.file("big"), std::ios::binary | std::ios::trunc);
            out << saved << std::string(size - saved.size(), ' ');
        }
        REQUIRE(fs::file_size(store.file("big")) == size);
        if (size == kLimit) {
            check_equal(store.load("big"), two_turns());
        } else {
            CHECK_THROWS_WITH(store.load("big"), store.file("big").string() + ": is larger than 64 MiB: not a session file");
        }
    }
}

}  // namespace
}  // namespace medsearch::test
