#include "test_support.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>

namespace crmsync::csv_drop::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "csv_drop_test_XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void set_modified(const std::filesystem::path& path, std::chrono::system_clock::time_point when) {
  const auto since_epoch = when.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds);
  const std::array<timespec, 2> times = {timespec{seconds.count(), nanos.count()},
                                         timespec{seconds.count(), nanos.count()}};
  if (::utimensat(AT_FDCWD, path.c_str(), times.data(), 0) != 0) throw std::runtime_error("utimensat failed");
}

std::vector<std::string> file_names(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool CapturingLogger::has(sdk::LogLevel level, const std::string& part) const {
  return std::any_of(lines.begin(), lines.end(), [&](const auto& line) {
    return line.first == level && line.second.find(part) != std::string::npos;
  });
}

bool RecordingSink::emit(sdk::RecordBatch batch) {
  if (batches.size() >= accept_) {
    ++refused;
    return false;
  }
  batches.push_back(std::move(batch));
  return true;
}

std::vector<sdk::RawRecord> RecordingSink::records() const {
  std::vector<sdk::RawRecord> all;
  for (const auto& batch : batches) all.insert(all.end(), batch.records.begin(), batch.records.end());
  return all;
}

std::vector<sdk::Rejection> RecordingSink::rejections() const {
  std::vector<sdk::Rejection> all;
  for (const auto& batch : batches) all.insert(all.end(), batch.rejections.begin(), batch.rejections.end());
  return all;
}

TextSource::Result StringTextSource::read(std::string& out) {
  if (position_ >= text_.size()) return Result::end;
  out = text_.substr(position_, chunk_);
  position_ += out.size();
  return Result::text;
}

sdk::ConfigValue scalar(std::string text) {
  return sdk::ConfigValue::make_scalar(std::move(text));
}

sdk::ConfigValue mapping(std::vector<sdk::ConfigValue::Entry> entries) {
  return sdk::ConfigValue::make_mapping(std::move(entries));
}

sdk::ConfigValue customer_stream() {
  return mapping({{"entity", scalar("customer")},
                  {"pattern", scalar("*customers*.csv")},
                  {"id_column", scalar("id")},
                  {"columns", mapping({{"name", scalar("name")}, {"email", scalar("email")}})}});
}

sdk::ConfigValue order_stream() {
  return mapping({{"entity", scalar("order")},
                  {"pattern", scalar("*orders*.csv")},
                  {"id_column", scalar("order")},
                  {"columns", mapping({{"customer_ref", scalar("customer")}, {"total", scalar("total")}})},
                  {"line_columns", mapping({{"sku", scalar("sku")}, {"quantity", scalar("qty")}})}});
}

sdk::ConfigValue options(const std::filesystem::path& inbox, sdk::ConfigValue streams,
                         std::vector<sdk::ConfigValue::Entry> extra) {
  std::vector<sdk::ConfigValue::Entry> entries = {{"directory", scalar(inbox.string())},
                                                  {"streams", std::move(streams)}};
  for (auto& entry : extra) entries.push_back(std::move(entry));
  return mapping(std::move(entries));
}

}  // namespace crmsync::csv_drop::testing
