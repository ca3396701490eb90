#include "sweep_writer.hpp"

#include <iterator>
#include <utility>
#include <vector>

namespace cssim::cli {

StoreWriter::StoreWriter(record::ResultsStore& store)
    : store_(store), thread_([this] { loop(); }) {}

StoreWriter::~StoreWriter() {
    try {
        close();
    } catch (...) {
        // The caller chose not to ask (it is already unwinding from another error).
    }
}

void StoreWriter::push(record::ReplicationRecord job) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (error_) {
        std::rethrow_exception(error_);
    }
    queue_.push_back(std::move(job));
    wake_.notify_one();
}

void StoreWriter::close() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        closing_ = true;
        wake_.notify_one();
    }
    if (thread_.joinable()) {
        thread_.join();
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    if (error_) {
        std::rethrow_exception(error_);
    }
}

void StoreWriter::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) {
            return;  // closing and drained
        }
        // Everything queued goes in one transaction (one sync): when jobs finish faster than a
        // sync takes, the queue cannot grow, and draining it after Ctrl-C takes one commit.
        std::vector<record::ReplicationRecord> batch(std::make_move_iterator(queue_.begin()),
                                                     std::make_move_iterator(queue_.end()));
        queue_.clear();
        lock.unlock();
        try {
            store_.append_batch(batch);  // the only thread touching the store while workers run
        } catch (...) {
            lock.lock();
            error_ = std::current_exception();
            queue_.clear();
            return;
        }
        lock.lock();
    }
}

}  // namespace cssim::cli
