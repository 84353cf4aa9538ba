#include "encoded_word_decoder.hpp"

#include <regex>

#include "charset_text.hpp"
#include "transfer_decoding.hpp"

namespace crmsync::imap {

std::string EncodedWordDecoder::decode(const std::string& value) {
  static const std::regex word(R"(=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=)");
  std::string out;
  std::size_t copied = 0;
  bool previous_was_word = false;
  for (auto it = std::sregex_iterator(value.begin(), value.end(), word); it != std::sregex_iterator(); ++it) {
    const auto& match = *it;
    const auto start = static_cast<std::size_t>(match.position(0));
    const std::string between = value.substr(copied, start - copied);
    // RFC 2047 section 6.2: whitespace between two encoded words is not text.
    if (!(previous_was_word && between.find_first_not_of(" \t\r\n") == std::string::npos)) out += between;
    std::string charset = match[1].str();
    if (const auto star = charset.find('*'); star != std::string::npos)
      charset.resize(star);  // RFC 2231 language
    const std::string encoded = match[3].str();
    const bool is_base64 = match[2].str() == "B" || match[2].str() == "b";
    const std::string bytes =
        is_base64 ? TransferDecoding::base64(encoded) : TransferDecoding::quoted_printable(encoded, true);
    out += CharsetText::to_utf8(bytes, charset);
    copied = start + static_cast<std::size_t>(match.length(0));
    previous_was_word = true;
  }
  out += value.substr(copied);
  return out;
}

}  // namespace crmsync::imap
