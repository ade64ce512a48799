#include "indexer/passage_writer.h"

#include "common/errors.h"

namespace medsearch {

namespace {
// Documents waiting for the writer thread, at most: a batch's worth of passages is far more, so the
// caller runs ahead by this much and then at the writer's pace.
constexpr std::size_t kMaxWaiting = 4096;
}  // namespace

PassageWriter::PassageWriter(const std::filesystem::path& database) {
    try {
        database_ = Xapian::WritableDatabase(database.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot open " + database.string() + " for writing: " + error.get_description());
    }
    thread_ = std::thread([this] { run(); });
}

PassageWriter::~PassageWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void PassageWriter::post(std::function<void(Xapian::WritableDatabase&)> work) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxWaiting; });
    queue_.push_back(std::move(work));
    changed_.notify_all();
}

void PassageWriter::sync() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.empty() && !busy_; });
    if (failure_) {
        std::exception_ptr failure = std::exchange(failure_, nullptr);
        lock.unlock();
        std::rethrow_exception(failure);
    }
}

void PassageWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and nothing left to do
        auto work = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        // After a failure the rest of the batch is skipped: it is abandoned as a whole.
        const bool skip = static_cast<bool>(failure_);
        changed_.notify_all();
        lock.unlock();
        std::exception_ptr failure;
        if (!skip) {
            try {
                work(database_);
            } catch (const Xapian::Error& error) {
                failure = std::make_exception_ptr(DatabaseError("cannot write the passages: " + error.get_description()));
            } catch (...) {
                failure = std::current_exception();
            }
        }
        lock.lock();
        if (failure && !failure_) failure_ = failure;
        busy_ = false;
        changed_.notify_all();
    }
}

}  // namespace medsearch
