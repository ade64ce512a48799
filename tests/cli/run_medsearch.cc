#include "tests/cli/run_medsearch.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <sstream>

#include <catch2/catch.hpp>

#include "tests/readers/test_support.h"

namespace medsearch::test {

namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path output_file(const char* stream) {
    static std::atomic<int> counter{0};
    return std::filesystem::temp_directory_path() /
           ("medsearch-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "." + stream);
}

}  // namespace

RunningMedsearch::RunningMedsearch(const std::vector<std::string>& args, const std::vector<std::string>& wrapper)
    : out_file_(output_file("out")), err_file_(output_file("err")) {
    const std::string binary = MEDSEARCH_BINARY;
    REQUIRE(std::filesystem::exists(binary));
    std::vector<std::string> argv_strings = wrapper;
    argv_strings.push_back(binary);
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        // The child: stdin from /dev/null, stdout and stderr to the files, then the program.
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0) ::_exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
}

RunningMedsearch::~RunningMedsearch() {
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove(out_file_, ignored);
    std::filesystem::remove(err_file_, ignored);
}

bool RunningMedsearch::running() {
    if (reaped_) return false;
    const pid_t done = ::waitpid(pid_, &status_, WNOHANG);
    if (done == pid_) reaped_ = true;
    return !reaped_;
}

void RunningMedsearch::send(int signal) const {
    if (!reaped_) ::kill(pid_, signal);
}

CommandResult RunningMedsearch::wait() {
    if (!reaped_) {
        REQUIRE(::waitpid(pid_, &status_, 0) == pid_);
        reaped_ = true;
    }
    return collect(status_);
}

CommandResult RunningMedsearch::collect(int status) {
    CommandResult result;
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.out = slurp(out_file_);
    result.err = slurp(err_file_);
    return result;
}

CommandResult run_medsearch(const std::vector<std::string>& args, const std::vector<std::string>& wrapper) {
    return RunningMedsearch(args, wrapper).wait();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

const std::string& seed_db() {
    static const ScratchDir dir;
    static const std::string db = [] {
        const std::string path = (dir.path() / "db").string();
        REQUIRE(run_medsearch({"index", "--db", path, fixture("leukopenia.page.txt").string()}).exit_code == 0);
        return path;
    }();
    return db;
}

}  // namespace medsearch::test
