// Several processes writing one conversation: each turn is answered and saved under the session's lock,
// so no turn is lost and each writer's turns stay in the order it asked them (two `search --session`
// loops on one session used to keep 37 of 40 turns, two `ask` pipes 16 of 30, and all exited 0).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <thread>

#include "common/errors.h"
#include "conversation/session_store.h"
#include "tests/sessions/session_test_support.h"

namespace medsearch::test {
namespace {

namespace fs = std::filesystem;

// Writer `who`'s n-th question: a real question (so that every turn is answered) that says who asked it.
std::string question(const std::string& who, int turn) {
    return "What causes leukopenia in " + who + " case " + std::to_string(turn) + "?";
}

// The questions of the session's turns that writer `who` asked, in the file's order.
std::vector<std::string> turns_of(const fs::path& file, const std::string& who) {
    std::vector<std::string> asked;
    const nlohmann::json session = nlohmann::json::parse(file_bytes(file));
    for (const nlohmann::json& turn : session.at("turns")) {
        const std::string text = turn.at("question");
        if (text.find(" in " + who + " case ") != std::string::npos) asked.push_back(text);
    }
    return asked;
}

std::vector<std::string> expected_turns(const std::string& who, int count) {
    std::vector<std::string> asked;
    for (int turn = 1; turn <= count; ++turn) asked.push_back(question(who, turn));
    return asked;
}

std::set<std::string> entries(const fs::path& folder) {
    std::set<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("two search --session loops on one session keep every turn, each in its order", "[sessions][cli][concurrency]") {
    const ScratchDir folder;
    constexpr int kTurns = 12;
    auto search = [&](const std::string& who, int turn) {
        return StartedProgram({"search", "--db", conversation_index().string(), "--session", "shared", "--sessions-dir",
                               folder.path().string(), "--no-bundled-synonyms", "-k", "1", question(who, turn)},
                              "", folder.path());
    };
    // Each round starts one turn of each writer at the same moment, so their loads and saves overlap.
    for (int turn = 1; turn <= kTurns; ++turn) {
        StartedProgram first = search("alpha", turn), second = search("beta", turn);
        for (StartedProgram* program : {&first, &second}) {
            const ProgramRun run = program->finish();
            INFO(run.err);
            REQUIRE(run.exit_code == 0);
        }
    }
    const fs::path file = folder.path() / "shared.json";
    CHECK(nlohmann::json::parse(file_bytes(file)).at("turns").size() == 2 * kTurns);
    CHECK(turns_of(file, "alpha") == expected_turns("alpha", kTurns));
    CHECK(turns_of(file, "beta") == expected_turns("beta", kTurns));
    CHECK(entries(folder.path()) == std::set<std::string>{"shared.json"});  // no lock file left behind
}

TEST_CASE("two ask --session pipes on one session keep every turn, each in its order", "[sessions][cli][concurrency]") {
    const ScratchDir folder;
    constexpr int kTurns = 15;
    auto ask = [&](const std::string& who) {
        std::string input;
        for (int turn = 1; turn <= kTurns; ++turn) input += question(who, turn) + "\n";
        return StartedProgram({"ask", "--db", conversation_index().string(), "--session", "shared", "--sessions-dir",
                               folder.path().string(), "--no-bundled-synonyms", "-k", "1", "--json"},
                              input, folder.path());
    };
    StartedProgram first = ask("alpha"), second = ask("beta");
    for (StartedProgram* program : {&first, &second}) {
        const ProgramRun run = program->finish();
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(typed_lines(run.out, "context").size() == kTurns);  // every question answered
    }
    const fs::path file = folder.path() / "shared.json";
    CHECK(nlohmann::json::parse(file_bytes(file)).at("turns").size() == 2 * kTurns);
    CHECK(turns_of(file, "alpha") == expected_turns("alpha", kTurns));
    CHECK(turns_of(file, "beta") == expected_turns("beta", kTurns));
}

TEST_CASE("a session's lock is exclusive, waits for its holder, refuses after the wait, and leaves no file", "[sessions][store][concurrency][threads]") {
    const ScratchDir scratch;
    const SessionStore store(scratch.path() / "sessions");
    const fs::path lock_file = store.folder() / ".talk.lock";
    {
        const SessionLock held = store.lock("talk");
        CHECK(fs::exists(lock_file));
        struct stat status {};
        REQUIRE(::stat(store.folder().c_str(), &status) == 0);
        CHECK((status.st_mode & 0777) == 0700);  // created as save() creates it: questions are private

        // Another holder (another open file, as another process has) waits, then gives up with one clear line.
        try {
            store.lock("talk", std::chrono::milliseconds(200));
            FAIL("a second lock was granted while the first was held");
        } catch (const SessionError& busy) {
            CHECK_THAT(busy.what(), Catch::StartsWith("session \"talk\" is busy: another medsearch has been answering in it for 200 ms ("));
            CHECK_THAT(busy.what(), Catch::Contains(store.file("talk").string()));
        }
        // Other sessions are not held up.
        CHECK_NOTHROW(store.lock("other", std::chrono::milliseconds(0)));
    }
    CHECK_FALSE(fs::exists(lock_file));

    // A waiter gets the lock once its holder lets go, even though the holder removes the file it waited on.
    std::optional<SessionLock> first(store.lock("talk"));
    std::thread release([&first] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        first.reset();
    });
    const auto start = std::chrono::steady_clock::now();
    const SessionLock second = store.lock("talk", std::chrono::seconds(10));
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(90));
    release.join();
    CHECK(fs::exists(lock_file));  // the second holder's own file
}

}  // namespace medsearch::test
