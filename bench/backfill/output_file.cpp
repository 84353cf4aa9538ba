#include "output_file.hpp"

#include <stdexcept>

namespace crmsync::bench {
namespace {
constexpr std::size_t kFlushAt = 1 << 20;
}

OutputFile::OutputFile(const std::filesystem::path& path)
    : path_(path), file_(std::fopen(path.c_str(), "wb")) {
  if (file_ == nullptr) throw std::runtime_error("cannot create " + path.string());
  buffer_.reserve(kFlushAt * 2);
}

OutputFile::~OutputFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void OutputFile::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() < kFlushAt) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw std::runtime_error("cannot write " + path_.string());
  }
  buffer_.clear();
}

void OutputFile::close() {
  if (file_ == nullptr) return;
  const bool written = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  buffer_.clear();
  if (!written || !closed) throw std::runtime_error("cannot write " + path_.string());
}

}  // namespace crmsync::bench
