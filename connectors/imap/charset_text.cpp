#include "charset_text.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace crmsync::imap {
namespace {

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Mail clients label GBK text as gb2312 all the time; GB18030 is a superset of
// both, so decoding with it never loses characters they actually sent.
std::string effective_charset(const std::string& charset) {
  const std::string name = lowered(charset);
  if (name.empty() || name == "us-ascii" || name == "ascii") return "UTF-8";
  if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "cp936") return "GB18030";
  return charset;
}

}  // namespace

std::string CharsetText::to_utf8(const std::string& bytes, const std::string& charset) {
  const std::string name = effective_charset(charset);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    converter = ucnv_open("UTF-8", &status);  // unknown label: read as UTF-8
    if (U_FAILURE(status)) return bytes;
  }
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return bytes;
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace crmsync::imap
