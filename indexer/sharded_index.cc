#include "indexer/sharded_index.h"

#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "common/errors.h"
#include "indexer/schema.h"
#include "indexer/shard_list.h"

namespace medsearch {

namespace {

// What the shards' runs did, as one run: they all read every file, so files, bytes and input failures are
// counted once (shard 0 reports the failures); what each indexed adds up.
IndexSummary sum(const std::vector<IndexSummary>& shards) {
    IndexSummary total = shards.front();
    for (std::size_t i = 1; i < shards.size(); ++i) {
        const IndexSummary& shard = shards[i];
        total.articles += shard.articles;
        total.updated += shard.updated;
        total.passages += shard.passages;
        total.deleted += shard.deleted;
        total.replaced += shard.replaced;
        total.failures += shard.failures;
        total.interrupted = total.interrupted || shard.interrupted;
    }
    return total;
}

// Hands the shards' threads' reports to one observer, one at a time, with progress summed over the shards.
class ShardsObserver {
public:
    ShardsObserver(IndexObserver& target, std::size_t shards) : target_(target), latest_(shards) {}

    class Shard : public IndexObserver {
    public:
        Shard(ShardsObserver& all, std::size_t number) : all_(all), number_(number) {}
        void on_error(const Error& error) override {
            const std::lock_guard lock(all_.mutex_);
            all_.target_.on_error(error);
        }
        void on_replaced(const Replacement& replacement) override {
            const std::lock_guard lock(all_.mutex_);
            all_.target_.on_replaced(replacement);
        }
        void on_progress(const IndexSummary& summary) override {
            const std::lock_guard lock(all_.mutex_);
            all_.latest_[number_] = summary;
            all_.target_.on_progress(sum(all_.latest_));
        }
        void on_phase(IndexPhase phase, const IndexSummary& summary) override {
            // The linking phase is the shards' together, announced once they have all read.
            if (phase != IndexPhase::reading || number_ != 0) return;
            const std::lock_guard lock(all_.mutex_);
            all_.target_.on_phase(phase, summary);
        }

    private:
        ShardsObserver& all_;
        std::size_t number_;
    };

private:
    IndexObserver& target_;
    std::mutex mutex_;
    std::vector<IndexSummary> latest_;
};

// The shard folders of an index split into `shards`, with the list naming them; checks that an existing
// list names exactly these.
std::vector<std::filesystem::path> prepare_shards(const std::filesystem::path& index, std::size_t shards) {
    std::error_code ignored;
    if (std::filesystem::exists(schema::articles_path(index), ignored))
        throw DatabaseError("the index at " + index.string() + " is not split into shards; index into a new folder to split it");
    std::vector<std::filesystem::path> folders;
    for (std::size_t i = 0; i < shards; ++i) folders.push_back(std::filesystem::absolute(shard_folder(index, i)));
    const std::size_t existing = shard_count(index);
    if (existing != 0 && existing != shards)
        throw DatabaseError("the index at " + index.string() + " is split into " + std::to_string(existing) +
                            " shards, not " + std::to_string(shards));
    if (existing != 0) {
        std::vector<std::filesystem::path> listed;
        for (const ShardAddress& shard : read_shard_list(shard_list_path(index)))
            listed.push_back(shard.remote() ? std::filesystem::path() : std::filesystem::weakly_canonical(shard.folder));
        for (std::size_t i = 0; i < shards; ++i)
            if (listed[i] != std::filesystem::weakly_canonical(folders[i]))
                throw DatabaseError("the shard list " + shard_list_path(index).string() + " does not name " +
                                    shard_folder(index, i).string() + " as shard " + std::to_string(i) +
                                    "; only a list written by medsearch index --shards can be indexed into");
    }
    return folders;
}

}  // namespace

std::size_t shard_count(const std::filesystem::path& index) {
    std::error_code ignored;
    if (!std::filesystem::exists(shard_list_path(index), ignored)) return 0;
    return read_shard_list(shard_list_path(index)).size();
}

IndexSummary index_paths_into_shards(const std::vector<std::filesystem::path>& paths, const IndexRunOptions& options,
                                     const std::filesystem::path& index, std::size_t shards,
                                     const IndexWriterOptions& writer_options, IndexObserver& observer) {
    if (shards == 0) throw DatabaseError("an index is split into one shard or more, not 0");
    const std::vector<std::filesystem::path> folders = prepare_shards(index, shards);

    // Open (or create) every shard, then name them in the list, so that the index is searchable whatever
    // happens next.
    std::vector<std::unique_ptr<IndexWriter>> writers;
    for (const std::filesystem::path& folder : folders) writers.push_back(std::make_unique<IndexWriter>(folder, writer_options));
    write_shard_list(shard_list_path(index), folders);

    // Each shard's articles, a thread per shard; linking waits until every shard has its articles.
    ShardsObserver shared(observer, shards);
    std::vector<IndexSummary> summaries(shards);
    std::vector<std::exception_ptr> failures(shards);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < shards; ++i)
            threads.emplace_back([&, i] {
                try {
                    IndexRunOptions own = options;
                    own.shard = i;
                    own.shards = shards;
                    own.neighbours.neighbours = 0;
                    ShardsObserver::Shard reports(shared, i);
                    summaries[i] = index_paths(paths, own, *writers[i], reports);
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            });
    }
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);

    // Link the new articles among the articles of all shards.
    IndexSummary summary = sum(summaries);
    observer.on_phase(IndexPhase::linking, summary);
    std::vector<IndexWriter*> all;
    for (const auto& writer : writers) all.push_back(writer.get());
    if (!summary.interrupted && options.neighbours.neighbours > 0)
        summary.links = IndexWriter::link_pending(all, options.neighbours, options.stop_requested);
    if (options.stop_requested != nullptr && options.stop_requested->load()) summary.interrupted = true;
    return summary;
}

}  // namespace medsearch
