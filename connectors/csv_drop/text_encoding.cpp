#include "text_encoding.hpp"

namespace crmsync::csv_drop {

std::optional<EncodingOption> parse_encoding_option(std::string_view text) {
  if (text == "auto") return EncodingOption::automatic;
  if (text == "utf-8") return EncodingOption::utf8;
  if (text == "gbk") return EncodingOption::gbk;
  if (text == "gb18030") return EncodingOption::gb18030;
  return std::nullopt;
}

const char* to_string(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8:
      return "utf-8";
    case TextEncoding::utf16:
      return "utf-16";
    case TextEncoding::gbk:
      return "gbk";
    case TextEncoding::gb18030:
      return "gb18030";
  }
  return "unknown";
}

ByteOrderMark detect_byte_order_mark(std::string_view first_bytes) {
  if (first_bytes.starts_with("\xEF\xBB\xBF")) return ByteOrderMark::utf8;
  if (first_bytes.starts_with("\xFF\xFE")) return ByteOrderMark::utf16le;
  if (first_bytes.starts_with("\xFE\xFF")) return ByteOrderMark::utf16be;
  if (first_bytes.starts_with("\x84\x31\x95\x33")) return ByteOrderMark::gb18030;
  return ByteOrderMark::none;
}

TextEncoding choose_encoding(EncodingOption option, ByteOrderMark bom, bool valid_utf8) {
  switch (option) {
    case EncodingOption::utf8:
      return TextEncoding::utf8;
    case EncodingOption::gbk:
      return TextEncoding::gbk;
    case EncodingOption::gb18030:
      return TextEncoding::gb18030;
    case EncodingOption::automatic:
      break;
  }
  switch (bom) {
    case ByteOrderMark::utf8:
      return TextEncoding::utf8;
    case ByteOrderMark::utf16le:
    case ByteOrderMark::utf16be:
      return TextEncoding::utf16;
    case ByteOrderMark::gb18030:
      return TextEncoding::gb18030;
    case ByteOrderMark::none:
      break;
  }
  return valid_utf8 ? TextEncoding::utf8 : TextEncoding::gb18030;
}

}  // namespace crmsync::csv_drop
