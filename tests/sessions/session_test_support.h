// Helpers for the session tests: the medsearch program run with text on its standard input (as `ask`
// reads a pipe) or on a pseudo-terminal (as a person types), the conversation fixture index, and the
// shapes of broken session files both the library and the CLI tests feed in.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/readers/test_support.h"

namespace medsearch::test {

struct ProgramRun {
    int exit_code = -1;  // -1 when a signal ended the program
    std::string out;
    std::string err;
};

// Runs medsearch with the arguments, `input` as its standard input, and MEDSEARCH_SESSIONS pointing at
// `sessions` (so nothing lands in the user's own folder even when a test forgets --sessions-dir).
ProgramRun run_medsearch(const std::vector<std::string>& args, const std::string& input, const std::filesystem::path& sessions);

// The same, started in the background so that several can run at once; finish() waits for it.
class StartedProgram {
public:
    StartedProgram(const std::vector<std::string>& args, const std::string& input, const std::filesystem::path& sessions);
    ProgramRun finish();

private:
    ScratchDir io_;
    pid_t child_ = -1;
};

// Runs medsearch on a pseudo-terminal, typing each of `lines` once the previous output has settled;
// returns everything the terminal showed. The program must end by itself (:quit or Ctrl-D in the lines).
ProgramRun run_medsearch_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& lines,
                                     const std::filesystem::path& sessions);

// The conversation fixture (tests/fixtures/conversation) indexed with the bundled MedQuAD sample around
// it, once per test run: subjects are recognised as rare words, which needs a corpus of realistic size.
const std::filesystem::path& conversation_index();
// The bundled corpus (corpus/articles: the seed article and the MedQuAD sample), as README command 1 indexes it.
const std::filesystem::path& bundled_index();

// The lines of `out` that are JSON objects with "type": type (ask and search --json).
std::vector<nlohmann::json> typed_lines(const std::string& out, const std::string& type);
// The hit lines (no "type") that come before the n-th (0-based) context line: the hits of answer n.
std::vector<nlohmann::json> hits_of_answer(const std::string& out, std::size_t n);

// A session file that is not one, and the words the error must contain.
struct BrokenSession {
    std::string label;
    std::string bytes;
    std::string reason_part;
};
const std::vector<BrokenSession>& broken_sessions();

// Every byte of a file.
std::string file_bytes(const std::filesystem::path& file);

}  // namespace medsearch::test
