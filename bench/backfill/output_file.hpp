#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace crmsync::bench {

// A file written through one large buffer; throws std::runtime_error naming
// the path when it cannot be opened or written.
class OutputFile {
 public:
  explicit OutputFile(const std::filesystem::path& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view text);
  void close();

 private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

}  // namespace crmsync::bench
