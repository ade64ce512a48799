// `medsearch index`: files and folders into the index, one passage per document. Errors are one line
// each; a progress line shows on a terminal; Ctrl-C stops after the current article and commits.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <utility>

#include "cli/command.h"
#include "indexer/index_run.h"

namespace medsearch::cli {

namespace {

struct IndexArguments {
    std::string db;
    std::string format;
    std::vector<std::string> paths;
    std::size_t batch = 1000;
    bool no_spelling = false;
    std::size_t neighbours = NeighbourOptions{}.neighbours;
    std::pair<std::size_t, std::size_t> passage_words{ChunkOptions{}.min_words, ChunkOptions{}.max_words};
};

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested.store(true); }

// Prints errors as they come and, on a terminal, a progress line at most five times a second.
class TerminalObserver : public IndexObserver {
public:
    TerminalObserver() : terminal_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}

    void on_error(const Error& error) override {
        clear_progress();
        std::cerr << "medsearch: " << error.what() << "\n";
    }

    void on_progress(const IndexSummary& summary) override {
        if (!terminal_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_shown_ < std::chrono::milliseconds(200)) return;
        last_shown_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\r%zu articles, %zu passages, %zu errors, %.0f articles/s   ", summary.articles,
                     summary.passages, summary.failures, seconds > 0 ? static_cast<double>(summary.articles) / seconds : 0.0);
        showing_ = true;
    }

    void clear_progress() {
        if (showing_) std::cerr << "\r\033[K";
        showing_ = false;
    }

    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    bool terminal_;
    bool showing_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_shown_{};
};

int run_index(const IndexArguments& args) {
    // Open (or create) the index.
    IndexWriterOptions writer_options;
    writer_options.batch_articles = args.batch;
    writer_options.spelling = !args.no_spelling;
    IndexWriter writer(args.db, writer_options);

    // Index every path; Ctrl-C asks the run to stop between articles.
    IndexRunOptions options;
    if (!args.format.empty()) options.format = parse_format(args.format);
    options.stop_requested = &stop_requested;
    options.neighbours.neighbours = args.neighbours;
    options.read.passage_size = {args.passage_words.first, args.passage_words.second};
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    TerminalObserver observer;
    const std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
    const IndexSummary summary = index_paths(paths, options, writer, observer);
    observer.clear_progress();

    // Summarise; the exit code says whether anything failed.
    std::fprintf(stderr, "indexed %zu articles (%zu passages) from %zu files in %.1f s; %zu failed%s\n", summary.articles,
                 summary.passages, summary.files, observer.seconds(), summary.failures,
                 summary.interrupted ? "; interrupted, everything before the interruption is committed" : "");
    if (summary.interrupted) return 130;
    return summary.failures > 0 ? exit_code::partial : exit_code::ok;
}

}  // namespace

void add_index_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<IndexArguments>();
    CLI::App* command = app.add_subcommand("index", "Index articles: every paragraph or bullet becomes a searchable passage");
    command->footer("Formats: " + CLI::detail::join(format_names(), ", ") +
                    ". Without --format each file's format is detected from its name and first bytes.\n"
                    "Re-indexing an article replaces all its passages. Exit code 3 when some inputs failed.");
    command->add_option("--db", args->db, "Index folder (created when missing)")->required();
    command->add_option("--format", args->format, "Read every file in this format")
        ->check(CLI::IsMember(format_names()));
    command->add_option("--batch", args->batch, "Articles per commit")->check(CLI::PositiveNumber)->capture_default_str();
    command->add_flag("--no-spelling", args->no_spelling, "Do not build the spelling dictionary (faster)");
    command->add_option("--neighbours", args->neighbours,
                        "Nearest articles linked to each article, for document ranking; 0 links none (faster; "
                        "the articles' earlier links stay)")
        ->type_name("N")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{100}));
    command->add_option("--passage-words", args->passage_words,
                        "Size of the passages long texts are cut into (BEIR texts, MedQuAD answers): a passage closes "
                        "once it has MIN words, before a sentence that would take it past MAX; a text of at most MAX "
                        "words stays whole (benchmarks/results/passage_size.md measures the default)")
        ->type_name("MIN MAX")
        ->default_str(std::to_string(ChunkOptions{}.min_words) + " " + std::to_string(ChunkOptions{}.max_words))
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    command->add_option("paths", args->paths, "Files or folders to index")->required()->check(CLI::ExistingPath);
    command->callback([args, &action] {
        if (args->passage_words.first > args->passage_words.second)
            throw CLI::ValidationError("--passage-words", "MIN must not be larger than MAX");
        action = [args] { return run_index(*args); };
    });
}

}  // namespace medsearch::cli
