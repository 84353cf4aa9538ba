#include "base64_text.hpp"

#include <vector>

#include <openssl/evp.h>

namespace crmsync::smtp {

std::string Base64Text::encode(std::string_view bytes) {
  if (bytes.empty()) return {};
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  const int written = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(written));
}

std::string Base64Text::encode_lines(std::string_view bytes) {
  constexpr std::size_t kLine = 76;
  const std::string flat = encode(bytes);
  std::string out;
  out.reserve(flat.size() + flat.size() / kLine * 2 + 2);
  for (std::size_t position = 0; position < flat.size(); position += kLine) {
    out += flat.substr(position, kLine);
    out += "\r\n";
  }
  return out;
}

}  // namespace crmsync::smtp
