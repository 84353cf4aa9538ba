#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "text_source.hpp"

namespace crmsync::csv_drop::testing {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);
[[nodiscard]] std::string read_file(const std::filesystem::path& path);
void set_modified(const std::filesystem::path& path, std::chrono::system_clock::time_point when);
[[nodiscard]] std::vector<std::string> file_names(const std::filesystem::path& directory);

class FakeClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
  void set(std::chrono::system_clock::time_point now) { now_ = now; }

 private:
  std::chrono::system_clock::time_point now_ = std::chrono::system_clock::now() + std::chrono::hours(1);
};

class CapturingLogger final : public sdk::Logger {
 public:
  void log(sdk::LogLevel level, const std::string& message) override { lines.emplace_back(level, message); }
  [[nodiscard]] bool has(sdk::LogLevel level, const std::string& part) const;
  std::vector<std::pair<sdk::LogLevel, std::string>> lines;
};

// Commits every batch it accepts; after `accept` batches it refuses (as a
// failed commit or a shutdown would), keeping nothing of the refused one.
// flush() answers `flush_result` and notes how many batches came before it.
class RecordingSink final : public sdk::BatchSink {
 public:
  explicit RecordingSink(std::size_t accept = static_cast<std::size_t>(-1)) : accept_(accept) {}
  bool emit(sdk::RecordBatch batch) override;
  bool flush() override {
    flushed_after.push_back(batches.size());
    return flush_result;
  }

  [[nodiscard]] std::vector<sdk::RawRecord> records() const;
  [[nodiscard]] std::vector<sdk::Rejection> rejections() const;
  [[nodiscard]] std::string last_cursor() const {
    return batches.empty() ? std::string() : batches.back().cursor;
  }
  void accept_more(std::size_t n) { accept_ = batches.size() + n; }

  std::vector<sdk::RecordBatch> batches;
  std::size_t refused = 0;
  bool flush_result = true;
  std::vector<std::size_t> flushed_after;  // batches emitted before each flush()

 private:
  std::size_t accept_;
};

// Chunks of a string, as small as asked, to cross every boundary.
class StringTextSource final : public TextSource {
 public:
  StringTextSource(std::string text, std::size_t chunk) : text_(std::move(text)), chunk_(chunk) {}
  Result read(std::string& out) override;
  [[nodiscard]] std::string error() const override { return {}; }

 private:
  std::string text_;
  std::size_t chunk_;
  std::size_t position_ = 0;
};

// ConfigValue builders.
[[nodiscard]] sdk::ConfigValue scalar(std::string text);
[[nodiscard]] sdk::ConfigValue mapping(std::vector<sdk::ConfigValue::Entry> entries);

// A customers stream "customers" over "*customers*.csv": id column "id",
// name -> "name", email -> "email".
[[nodiscard]] sdk::ConfigValue customer_stream();
// An orders stream "orders" over "*orders*.csv" with line columns.
[[nodiscard]] sdk::ConfigValue order_stream();
[[nodiscard]] sdk::ConfigValue options(const std::filesystem::path& inbox, sdk::ConfigValue streams,
                                       std::vector<sdk::ConfigValue::Entry> extra = {});

}  // namespace crmsync::csv_drop::testing
