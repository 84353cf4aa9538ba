#pragma once

#include <optional>
#include <string_view>

namespace crmsync::csv_drop {

// The `encoding` option.
enum class EncodingOption { automatic, utf8, gbk, gb18030 };

// What a file's first bytes announce.
enum class ByteOrderMark { none, utf8, utf16le, utf16be, gb18030 };

// The encoding a file is decoded with.
enum class TextEncoding { utf8, utf16, gbk, gb18030 };

[[nodiscard]] std::optional<EncodingOption> parse_encoding_option(std::string_view text);
[[nodiscard]] const char* to_string(TextEncoding encoding);
[[nodiscard]] ByteOrderMark detect_byte_order_mark(std::string_view first_bytes);

// `automatic`: a byte order mark wins; else UTF-8 when the whole file is
// valid UTF-8; else GB18030 (a superset of GBK and GB2312).
[[nodiscard]] TextEncoding choose_encoding(EncodingOption option, ByteOrderMark bom, bool valid_utf8);

}  // namespace crmsync::csv_drop
