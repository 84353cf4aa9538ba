#pragma once

#include <cstdint>
#include <string_view>

namespace crmsync::csv_drop {

// Checks that a byte stream is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), fed in pieces of any size.
class Utf8Validator {
 public:
  // Feeds the next bytes. Returns false at the first invalid byte and from
  // then on.
  bool feed(std::string_view bytes);
  // Ends the input. Returns false when it stopped inside a character.
  bool finish();

  [[nodiscard]] bool valid() const { return !failed_; }
  // Byte offset of the first byte of the offending sequence, once invalid.
  [[nodiscard]] std::uint64_t error_offset() const { return sequence_start_; }

 private:
  bool fail();

  int needed_ = 0;  // continuation bytes still expected
  unsigned char lower_ = 0x80;
  unsigned char upper_ = 0xBF;
  std::uint64_t offset_ = 0;
  std::uint64_t sequence_start_ = 0;
  bool failed_ = false;
};

}  // namespace crmsync::csv_drop
