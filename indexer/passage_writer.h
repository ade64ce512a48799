// The passages database's writer, on a thread of its own: Xapian's B-tree updates are most of an index
// run's time, and the two databases can take them side by side on two cores. The calling thread hands over
// documents and carries on; sync() waits for everything handed over and raises what failed there.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <xapian.h>

namespace medsearch {

class PassageWriter {
public:
    // Opens (or creates) the database. Throws DatabaseError.
    explicit PassageWriter(const std::filesystem::path& database);
    ~PassageWriter();  // finishes what was handed over, without committing
    PassageWriter(const PassageWriter&) = delete;
    PassageWriter& operator=(const PassageWriter&) = delete;

    // Work for the database, run on the writer's thread in the order given. At most a bounded number wait,
    // so a fast caller cannot fill memory.
    void post(std::function<void(Xapian::WritableDatabase&)> work);

    // Waits until everything posted has run; throws DatabaseError for the first that failed since the last sync.
    void sync();

    // Runs on the calling thread once everything posted has run (for reads and commits).
    template <typename Work>
    auto now(Work&& work) {
        sync();
        return work(database_);
    }

private:
    void run();

    Xapian::WritableDatabase database_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void(Xapian::WritableDatabase&)>> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace medsearch
