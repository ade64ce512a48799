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
#include "cli/number_checks.h"
#include "indexer/index_run.h"
#include "indexer/sharded_index.h"

namespace medsearch::cli {

namespace {

struct IndexArguments {
    std::string db;
    std::string format;
    std::vector<std::string> paths;
    std::size_t batch = IndexWriterOptions{}.batch_articles;
    std::size_t batch_mib = IndexWriterOptions{}.batch_bytes >> 20;
    bool no_spelling = false;
    std::size_t neighbours = NeighbourOptions{}.neighbours;
    std::size_t shards = 0;  // 0: as the folder is (split or not)
    std::pair<std::size_t, std::size_t> passage_words{ChunkOptions{}.min_words, ChunkOptions{}.max_words};
};

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested.store(true); }

// Prints errors as they come and, on a terminal, a progress line at most five times a second: articles,
// passages per second, elapsed time and, when the input's size is known, the time left. In a pipe only
// errors and the summary are printed.
class TerminalObserver : public IndexObserver {
public:
    TerminalObserver() : terminal_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}

    void on_error(const Error& error) override {
        clear_progress();
        std::cerr << "medsearch: " << error.what() << "\n";
    }

    void on_replaced(const Replacement& replacement) override {
        clear_progress();
        std::cerr << "medsearch: " << replacement.later << ": article " << replacement.article_id
                  << " replaces the one read from " << replacement.earlier << "\n";
    }

    void on_phase(IndexPhase phase, const IndexSummary& summary) override {
        phase_ = phase;
        if (phase == IndexPhase::linking) show(summary, true);
    }

    void on_progress(const IndexSummary& summary) override { show(summary, false); }

    void clear_progress() {
        if (showing_) std::cerr << "\r\033[K";
        showing_ = false;
    }

    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    void show(const IndexSummary& summary, bool now) {
        if (!terminal_) return;
        const auto at = std::chrono::steady_clock::now();
        if (!now && at - last_shown_ < std::chrono::milliseconds(200)) return;
        last_shown_ = at;
        const double elapsed = seconds();
        if (phase_ == IndexPhase::linking) {
            std::fprintf(stderr, "\r\033[K%zu articles, %zu passages in %s; finding the new articles' nearest articles",
                         summary.articles, summary.passages, clock(elapsed).c_str());
        } else {
            std::string left;
            if (summary.input_bytes > 0 && summary.bytes_read > 0 && summary.bytes_read < summary.input_bytes) {
                const double share = static_cast<double>(summary.bytes_read) / static_cast<double>(summary.input_bytes);
                left = ", about " + clock(elapsed / share - elapsed) + " left";
            }
            std::fprintf(stderr, "\r\033[K%zu articles, %zu passages, %.0f passages/s, %s elapsed%s%s", summary.articles,
                         summary.passages, elapsed > 0 ? static_cast<double>(summary.passages) / elapsed : 0.0,
                         clock(elapsed).c_str(), left.c_str(),
                         summary.failures > 0 ? (", " + std::to_string(summary.failures) + " failed").c_str() : "");
        }
        showing_ = true;
    }

    static std::string clock(double seconds) {
        const auto whole = static_cast<long>(seconds + 0.5);
        char text[32];
        if (whole >= 3600)
            std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", whole / 3600, whole / 60 % 60, whole % 60);
        else
            std::snprintf(text, sizeof text, "%ld:%02ld", whole / 60, whole % 60);
        return text;
    }

    bool terminal_;
    bool showing_ = false;
    IndexPhase phase_ = IndexPhase::reading;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_shown_{};
};

int run_index(const IndexArguments& args) {
    // How the index is written.
    IndexWriterOptions writer_options;
    writer_options.batch_articles = args.batch;
    writer_options.spelling = !args.no_spelling;
    writer_options.batch_bytes = args.batch_mib << 20;
    // Index every path into the index (opened, or created, first; split into shards when asked or already
    // split); Ctrl-C asks the run to stop between articles.
    IndexRunOptions options;
    if (!args.format.empty()) options.format = parse_format(args.format);
    options.stop_requested = &stop_requested;
    options.neighbours.neighbours = args.neighbours;
    options.read.passage_size = {args.passage_words.first, args.passage_words.second};
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    TerminalObserver observer;
    const std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
    const std::size_t shards = args.shards != 0 ? args.shards : shard_count(args.db);
    const IndexSummary summary = shards != 0 ? index_paths_into_shards(paths, options, args.db, shards, writer_options, observer) : [&] {
        IndexWriter writer(args.db, writer_options);
        return index_paths(paths, options, writer, observer);
    }();
    observer.clear_progress();

    // Summarise; the exit code says whether anything failed.
    std::string notes;
    if (summary.updated > 0) notes += "; " + std::to_string(summary.updated) + " indexed before, now updated";
    if (summary.replaced > 0) notes += "; " + std::to_string(summary.replaced) + " replaced by a later article of the same id";
    if (summary.deleted > 0) notes += "; " + std::to_string(summary.deleted) + " deleted";
    if (summary.links.pending > 0)
        notes += "; " + std::to_string(summary.links.pending) + " articles await their nearest articles (the next run finds them)";
    std::fprintf(stderr, "indexed %zu articles (%zu passages) from %zu files in %.1f s%s; %zu failed%s\n", summary.articles,
                 summary.passages, summary.files, observer.seconds(), notes.c_str(), summary.failures,
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
    command->add_option("--batch", args->batch, "Articles per commit")->check(whole_number(1, max_count))->capture_default_str();
    command->add_option("--batch-mib", args->batch_mib,
                        "Text per commit, at most, in MiB: a batch is held in memory until its commit, so this bounds "
                        "the run's memory (benchmarks/results/scale.md measures peak memory at the default)")
        ->check(whole_number(1, 4096))
        ->capture_default_str();
    command->add_flag("--no-spelling", args->no_spelling, "Do not build the spelling dictionary (faster)");
    command->add_option("--neighbours", args->neighbours,
                        "Nearest articles linked to each new or changed article, for document ranking; 0 links none "
                        "(faster; they are linked by a later run, or by medsearch relink)")
        ->type_name("N")
        ->capture_default_str()
        ->check(whole_number(0, 100));
    command->add_option("--shards", args->shards,
                        "Split the index into N shards, DIR/shard-0 ... built in parallel, and DIR/shards naming them "
                        "(search them as one with --db DIR, or serve them from other machines: README \"One index across machines\"). "
                        "A folder already split keeps its number of shards")
        ->type_name("N")
        ->check(whole_number(1, 1024));
    command->add_option("--passage-words", args->passage_words,
                        "Size of the passages long texts are cut into (BEIR texts, PubMed abstracts, MedQuAD answers, paragraphs "
                        "over 1000 words): a passage closes "
                        "once it has MIN words, before a sentence that would take it past MAX; a text of at most MAX "
                        "words stays whole (benchmarks/results/passage_size.md measures the default)")
        ->type_name("MIN MAX")
        ->default_str(std::to_string(ChunkOptions{}.min_words) + " " + std::to_string(ChunkOptions{}.max_words))
        ->check(whole_number(1, 100000));
    command->add_option("paths", args->paths, "Files or folders to index")->required()->check(CLI::ExistingPath);
    command->callback([args, &action] {
        if (args->passage_words.first > args->passage_words.second)
            throw CLI::ValidationError("--passage-words", "MIN must not be larger than MAX");
        action = [args] { return run_index(*args); };
    });
}

}  // namespace medsearch::cli
