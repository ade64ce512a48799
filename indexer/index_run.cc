#include "indexer/index_run.h"

#include <unordered_map>

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
        if (!ours(article.id)) return;
        try {
            const IndexWriter::Added added = writer_.add(article);
            summary_.passages += added.passages;
            ++summary_.articles;
            note_reading(article);
            if (added.replaced) ++summary_.updated;
        } catch (const ParseError& error) {
            report(error);
        }
        observer_.on_progress(summary_);
    }

    // An error in the input: every shard's run reads it, shard 0's reports it.
    void on_error(const ParseError& error) override {
        if (options_.shard == 0) report(error);
    }

    // A record the source withdraws (PubMed's DeleteCitation): its article leaves the index.
    void on_delete(const std::string& article_id, const std::string&, std::size_t) override {
        if (stop_requested()) {
            summary_.interrupted = true;
            return;
        }
        if (!ours(article_id)) return;
        if (writer_.remove(article_id)) ++summary_.deleted;
        read_at_.erase(article_id);
        observer_.on_progress(summary_);
    }

    bool stop_requested() const { return options_.stop_requested != nullptr && options_.stop_requested->load(); }

    // The file whose articles come next (index_paths sets it before reading each file).
    void set_file(const std::filesystem::path& file) { file_ = file.string(); }

private:
    bool ours(std::string_view article_id) const { return options_.shards <= 1 || shard_of(article_id, options_.shards) == options_.shard; }

    void report(const ParseError& error) {
        ++summary_.failures;
        observer_.on_error(error);
    }

    // Remembers where each id was read in this run, so that a second reading (the same id in another file,
    // or twice in one) is reported as replacing the first instead of passing silently.
    void note_reading(const Article& article) {
        std::string place = file_;
        if (!article.passages.empty() && article.passages.front().line > 0)
            place += ":" + std::to_string(article.passages.front().line);
        const auto [found, first_time] = read_at_.try_emplace(article.id, place);
        if (first_time) return;
        ++summary_.replaced;
        observer_.on_replaced({article.id, std::move(found->second), place});
        found->second = std::move(place);
    }

    IndexWriter& writer_;
    IndexObserver& observer_;
    IndexSummary& summary_;
    const IndexRunOptions& options_;
    std::string file_;
    std::unordered_map<std::string, std::string> read_at_;  // article id -> where this run read it
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
            const std::vector<std::filesystem::path> found =
                list_input_files({path}, [&](const ParseError& problem) { sink.on_error(problem); });
            files.insert(files.end(), found.begin(), found.end());
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }

    // Read each file in its format and index its articles.
    std::vector<std::uintmax_t> sizes;
    for (const std::filesystem::path& file : files) {
        std::error_code unknown;
        const std::uintmax_t size = std::filesystem::file_size(file, unknown);
        sizes.push_back(unknown ? 0 : size);
        summary.input_bytes += sizes.back();
    }
    observer.on_phase(IndexPhase::reading, summary);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (sink.stop_requested()) {
            summary.interrupted = true;
            break;
        }
        ++summary.files;
        sink.set_file(files[i]);
        try {
            read_articles(files[i], options.format ? *options.format : detect_format(files[i]), sink, options.read);
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
        summary.bytes_read += sizes[i];
    }

    // Make it durable, then link the new and changed articles to their nearest ones (and an earlier
    // interrupted run's, which are still marked).
    writer.commit();
    observer.on_phase(IndexPhase::linking, summary);
    if (!summary.interrupted && options.neighbours.neighbours > 0) summary.links = writer.link_pending(options.neighbours, options.stop_requested);
    if (sink.stop_requested()) summary.interrupted = true;
    return summary;
}

}  // namespace medsearch
