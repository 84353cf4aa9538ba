#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "text_encoding.hpp"
#include "utf8_validator.hpp"

struct UConverter;

namespace crmsync::csv_drop {

// Turns a file's bytes into UTF-8, piece by piece, so a file of any size
// passes through a fixed amount of memory. UTF-8 input is checked and passed
// through; the rest goes through ICU. A leading byte order mark is dropped.
// Invalid input stops decoding: a file is never silently half-converted.
class TextDecoder {
 public:
  explicit TextDecoder(TextEncoding encoding);
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;
  TextDecoder(TextDecoder&&) = delete;
  TextDecoder& operator=(TextDecoder&&) = delete;

  // Appends the UTF-8 text of `bytes` to `out`; `last` marks the end of the
  // input. Returns false on invalid input; error() then says what and where.
  bool decode(std::string_view bytes, bool last, std::string& out);
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  bool decode_utf8(std::string_view bytes, bool last, std::string& out);
  bool decode_with_icu(std::string_view bytes, bool last, std::string& out);
  void strip_byte_order_mark(std::string& out, std::size_t start, bool last);
  bool fail(std::string message);

  TextEncoding encoding_;
  Utf8Validator validator_;
  UConverter* source_converter_ = nullptr;
  UConverter* utf8_converter_ = nullptr;
  std::array<char16_t, 1024> pivot_{};
  char16_t* pivot_source_ = nullptr;
  char16_t* pivot_target_ = nullptr;
  bool started_ = false;
  std::string head_;  // first output bytes, held until the BOM question is settled
  bool head_done_ = false;
  std::uint64_t consumed_ = 0;  // input bytes before the current call
  std::string error_;
};

}  // namespace crmsync::csv_drop
