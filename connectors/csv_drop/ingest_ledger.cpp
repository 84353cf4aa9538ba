#include "ingest_ledger.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace crmsync::csv_drop {
namespace {

bool is_hash(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string system_error(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

// Makes a new directory entry durable.
void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

IngestLedger::IngestLedger(std::filesystem::path file) : file_(std::move(file)) {}

bool IngestLedger::load(std::string& error) {
  hashes_.clear();
  std::error_code ec;
  if (!std::filesystem::exists(file_, ec)) {
    if (!ec) return true;
    error = "cannot read the ledger " + file_.string() + ": " + ec.message();
    return false;
  }
  std::ifstream in(file_);
  if (!in) {
    error = system_error("cannot open the ledger " + file_.string());
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_hash(line)) hashes_.insert(line);
  }
  if (in.bad()) {
    error = "cannot read the ledger " + file_.string();
    return false;
  }
  return true;
}

bool IngestLedger::contains(const std::string& sha256) const {
  return hashes_.contains(sha256);
}

bool IngestLedger::append(const std::string& sha256, std::string& error) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(file_, ec);
  const int fd = ::open(file_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = system_error("cannot open the ledger " + file_.string());
    return false;
  }
  // One write of a whole line: with O_APPEND it cannot interleave with another.
  // After a torn write (a full disk), start on a fresh line.
  char last = '\n';
  const off_t size = ::lseek(fd, 0, SEEK_END);
  const bool torn = size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n';
  std::string line = torn ? "\n" : "";
  line += sha256;
  line += '\n';
  const ssize_t written = ::write(fd, line.data(), line.size());
  const bool ok = written == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  if (!ok) error = system_error("cannot write the ledger " + file_.string());
  ::close(fd);
  if (!ok) return false;
  if (!existed) sync_directory(file_.parent_path());
  hashes_.insert(sha256);
  return true;
}

}  // namespace crmsync::csv_drop
