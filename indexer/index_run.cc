#include "indexer/index_run.h"

namespace medsearch {

namespace {

// Passes each article of a file to the writer, counting what happens.
class WritingSink : public ArticleSink {
public:
    WritingSink(IndexWriter& writer, IndexObserver& observer, IndexSummary& summary, const IndexRunOptions& options)
        : writer_(writer), observer_(observer), summary_(summary), options_(options) {}

    void on_article(Article&& article) override {
        if (stop_requested()) {
            summary_.interrupted = true;
            return;
        }
        try {
            summary_.passages += writer_.add(article);
            ++summary_.articles;
        } catch (const ParseError& error) {
            on_error(error);
        }
        observer_.on_progress(summary_);
    }

    void on_error(const ParseError& error) override {
        ++summary_.failures;
        observer_.on_error(error);
    }

    bool stop_requested() const { return options_.stop_requested != nullptr && options_.stop_requested->load(); }

private:
    IndexWriter& writer_;
    IndexObserver& observer_;
    IndexSummary& summary_;
    const IndexRunOptions& options_;
};

}  // namespace

IndexSummary index_paths(const std::vector<std::filesystem::path>& paths, const IndexRunOptions& options,
                         IndexWriter& writer, IndexObserver& observer) {
    IndexSummary summary;
    WritingSink sink(writer, observer, summary, options);

    // Name the files: folders are walked, missing paths are reported and counted.
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& path : paths) {
        try {
            const std::vector<std::filesystem::path> found = list_input_files({path});
            files.insert(files.end(), found.begin(), found.end());
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }

    // Read each file in its format and index its articles.
    for (const std::filesystem::path& file : files) {
        if (sink.stop_requested()) {
            summary.interrupted = true;
            break;
        }
        ++summary.files;
        try {
            read_articles(file, options.format ? *options.format : detect_format(file), sink, options.read);
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }

    // Make it durable, then link every article to its nearest ones, new articles among them.
    writer.commit();
    if (!summary.interrupted)
        summary.neighbour_lists = writer.link_neighbours(options.neighbours, options.stop_requested);
    if (sink.stop_requested()) summary.interrupted = true;
    return summary;
}

}  // namespace medsearch
