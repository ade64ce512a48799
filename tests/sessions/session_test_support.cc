#include "tests/sessions/session_test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include <catch2/catch.hpp>

extern char** environ;

namespace medsearch::test {

namespace fs = std::filesystem;

namespace {

// The test's own environment, with the session folder (and a plain terminal type) set.
std::vector<std::string> child_environment(const fs::path& sessions) {
    std::vector<std::string> variables;
    for (char** variable = environ; *variable != nullptr; ++variable) {
        const std::string_view text(*variable);
        if (!text.starts_with("MEDSEARCH_SESSIONS=") && !text.starts_with("TERM=")) variables.emplace_back(text);
    }
    variables.push_back("MEDSEARCH_SESSIONS=" + sessions.string());
    variables.push_back("TERM=dumb");
    return variables;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (std::string& text : strings) result.push_back(text.data());
    result.push_back(nullptr);
    return result;
}

std::vector<std::string> command_line(const std::vector<std::string>& args) {
    std::vector<std::string> argv{MEDSEARCH_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

enum class TerminalRead { shown, quiet, closed };

// Adds what the terminal shows within `milliseconds` to `shown`.
TerminalRead read_terminal(int terminal, std::string& shown, int milliseconds) {
    pollfd ready{terminal, POLLIN, 0};
    if (::poll(&ready, 1, milliseconds) <= 0) return TerminalRead::quiet;
    char buffer[4096];
    const ssize_t count = ::read(terminal, buffer, sizeof buffer);
    if (count <= 0) return TerminalRead::closed;  // EIO on Linux once the program has ended
    shown.append(buffer, static_cast<std::size_t>(count));
    return TerminalRead::shown;
}

// Reads what the terminal shows until `wanted` has appeared after `from`, or with an empty `wanted` until
// the program has closed the terminal; false on a timeout or when the program ended first.
bool read_terminal_until(int terminal, std::string& shown, std::size_t from, const std::string& wanted) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (wanted.empty() || shown.find(wanted, from) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        if (read_terminal(terminal, shown, 100) == TerminalRead::closed) return wanted.empty();
    }
    // A person types once the screen is still: libedit may still be setting the terminal up after the
    // prompt, and a Ctrl-D typed before that is taken by the terminal as end-of-file of a cooked line.
    TerminalRead read = TerminalRead::shown;
    while (read == TerminalRead::shown && std::chrono::steady_clock::now() < deadline) read = read_terminal(terminal, shown, 200);
    return read != TerminalRead::closed;
}

}  // namespace

StartedProgram::StartedProgram(const std::vector<std::string>& args, const std::string& input, const fs::path& sessions) {
    const fs::path in = io_.write("stdin", input), out = io_.path() / "stdout", err = io_.path() / "stderr";
    posix_spawn_file_actions_t files;
    ::posix_spawn_file_actions_init(&files);
    ::posix_spawn_file_actions_addopen(&files, 0, in.c_str(), O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> argv = command_line(args), envp = child_environment(sessions);
    const int spawned = ::posix_spawn(&child_, argv.front().c_str(), &files, nullptr, pointers(argv).data(), pointers(envp).data());
    ::posix_spawn_file_actions_destroy(&files);
    REQUIRE(spawned == 0);
}

ProgramRun StartedProgram::finish() {
    int status = 0;
    REQUIRE(::waitpid(child_, &status, 0) == child_);
    return {exit_code_of(status), file_bytes(io_.path() / "stdout"), file_bytes(io_.path() / "stderr")};
}

ProgramRun run_medsearch(const std::vector<std::string>& args, const std::string& input, const fs::path& sessions) {
    return StartedProgram(args, input, sessions).finish();
}

ProgramRun run_medsearch_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& lines,
                                     const fs::path& sessions) {
    std::vector<std::string> argv = command_line(args), envp = child_environment(sessions);
    std::vector<char*> argv_pointers = pointers(argv), envp_pointers = pointers(envp);
    winsize size{};
    size.ws_row = 40;
    size.ws_col = 200;
    int terminal = -1;
    const pid_t child = ::forkpty(&terminal, nullptr, nullptr, &size);
    REQUIRE(child >= 0);
    if (child == 0) {
        ::execve(argv_pointers.front(), argv_pointers.data(), envp_pointers.data());
        ::_exit(127);
    }

    // Type each line once the prompt shows, as a person would; the last line ends the program.
    ProgramRun run;
    const std::string prompt = "> ";
    bool prompted = read_terminal_until(terminal, run.out, 0, prompt);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t from = run.out.size();
        const std::string typed = lines[i] + (lines[i] == "\x04" ? "" : "\r");
        REQUIRE(::write(terminal, typed.data(), typed.size()) == static_cast<ssize_t>(typed.size()));
        if (i + 1 < lines.size()) prompted = prompted && read_terminal_until(terminal, run.out, from, prompt);
    }
    const bool ended = read_terminal_until(terminal, run.out, run.out.size(), "");
    ::close(terminal);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    INFO(run.out);
    CHECK(prompted);
    CHECK(ended);
    run.exit_code = exit_code_of(status);
    return run;
}

const fs::path& conversation_index() {
    static const ScratchDir folder;
    static const fs::path db = [] {
        // Under ctest the index is made once for every test of the run (tests/CMakeLists.txt).
        if (const std::optional<fs::path> made = fixture_index("conversation")) return *made;
        const fs::path path = folder.path() / "db";
        const ProgramRun indexed = run_medsearch({"index", "--db", path.string(), fixture("conversation").string(),
                                                  (source_dir() / "corpus" / "articles" / "medquad").string()},
                                                 "", folder.path() / "sessions");
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
        return path;
    }();
    return db;
}

const fs::path& bundled_index() {
    static const ScratchDir folder;
    static const fs::path db = [] {
        // Under ctest the index is made once for every test of the run (tests/CMakeLists.txt).
        if (const std::optional<fs::path> made = fixture_index("bundled")) return *made;
        const fs::path path = folder.path() / "db";
        const ProgramRun indexed =
            run_medsearch({"index", "--db", path.string(), (source_dir() / "corpus" / "articles").string()}, "", folder.path() / "sessions");
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
        return path;
    }();
    return db;
}

std::vector<nlohmann::json> typed_lines(const std::string& out, const std::string& type) {
    std::vector<nlohmann::json> found;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
        if (value.is_object() && value.value("type", "") == type) found.push_back(value);
    }
    return found;
}

std::vector<nlohmann::json> hits_of_answer(const std::string& out, std::size_t n) {
    std::vector<nlohmann::json> hits;
    std::size_t answer = 0;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line) && answer <= n;) {
        const nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
        REQUIRE(value.is_object());
        if (!value.contains("type") && answer == n) hits.push_back(value);
        if (value.value("type", "") == "context") ++answer;
    }
    return hits;
}

const std::vector<BrokenSession>& broken_sessions() {
    static const std::vector<BrokenSession> cases{
        {"truncated JSON", R"({"format": "medsearch-session", "version": 1, "created": "2026-01-01T00:00:00Z", "turns": [{"question": "What)",
         "is not valid JSON"},
        {"another format version",
         R"({"format": "medsearch-session", "version": 2, "created": "", "updated": "", "turns": []})", "format version 2"},
        {"JSON that is not an object", R"(["What causes leukopenia?"])", "not an object"},
        // From session_fuzzer: a number beyond a double is nlohmann's out_of_range, which escaped as a crash.
        {"a number too large for a double", R"({"format": "medsearch-session", "version": 777e77777})", "is not valid JSON"},
        {"binary garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\x01", 18), "is not valid JSON"},
        {"an empty file", "", "is empty"},
        {"another program's JSON", R"({"version": 1, "turns": []})", "not a session file"},
        {"a turn without its answers",
         R"({"format": "medsearch-session", "version": 1, "created": "", "updated": "", "turns": [{"question": "q", "subject": "", "subject_title": ""}]})",
         "turn 1: \"answered_by\""},
        {"an answer that is not an article id",
         R"({"format": "medsearch-session", "version": 1, "created": "", "updated": "", "turns": [{"question": "q", "subject": "", "subject_title": "", "answered_by": [3]}]})",
         "turn 1: \"answered_by\""},
        {"a question that is not UTF-8",
         "{\"format\": \"medsearch-session\", \"version\": 1, \"created\": \"\", \"updated\": \"\", \"turns\": [{\"question\": \"\xff\"}]}",
         "is not valid JSON"},
    };
    return cases;
}

std::string file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace medsearch::test
