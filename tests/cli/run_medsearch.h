// Running the medsearch program as a user does: arguments in; exit code, stdout and stderr out. Output goes
// through files, so a large output never blocks the child. MEDSEARCH_BINARY is the path CMake passes.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace medsearch::test {

struct CommandResult {
    int exit_code = -1;  // the exit status, or -1 when a signal ended the program
    int signal = 0;      // the signal that ended it, 0 when it exited
    std::string out;
    std::string err;
};

// A medsearch process started in the background; wait() collects it (the destructor kills and reaps it
// if nobody did).
class RunningMedsearch {
public:
    // `wrapper`, when given, is a command that runs the program (as `prlimit --fsize=N` would): the
    // child executes wrapper..., the medsearch binary, args... .
    explicit RunningMedsearch(const std::vector<std::string>& args, const std::vector<std::string>& wrapper = {});
    ~RunningMedsearch();
    RunningMedsearch(const RunningMedsearch&) = delete;
    RunningMedsearch& operator=(const RunningMedsearch&) = delete;

    pid_t pid() const { return pid_; }
    bool running();  // false once the program has ended (it is then reaped)
    void send(int signal) const;
    CommandResult wait();

private:
    CommandResult collect(int status);

    std::filesystem::path out_file_, err_file_;
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

// Runs medsearch to the end (through `wrapper`, when given).
CommandResult run_medsearch(const std::vector<std::string>& args, const std::vector<std::string>& wrapper = {});

// An index of the seed page made by `medsearch index`, built on first use and shared by the test cases of
// one process; fails the test when indexing fails.
const std::string& seed_db();

// The lines of a text, without their line breaks.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace medsearch::test
