#include "file_fingerprint.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include "utf8_validator.hpp"

namespace crmsync::csv_drop {
namespace {

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

std::string to_hex(const unsigned char* bytes, unsigned int length) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string text;
  text.reserve(static_cast<std::size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) {
    text += kHex[bytes[i] >> 4];
    text += kHex[bytes[i] & 0xF];
  }
  return text;
}

}  // namespace

std::optional<FileFingerprint> FileFingerprint::compute(const std::filesystem::path& path,
                                                        std::string& error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = "cannot open the file: " + std::string(std::strerror(errno));
    return std::nullopt;
  }
  const std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    error = "cannot set up SHA-256";
    return std::nullopt;
  }

  FileFingerprint fingerprint;
  Utf8Validator validator;
  std::vector<char> buffer(std::size_t{1024} * 1024);
  std::string head;
  while (file) {
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(file.gcount());
    if (file.bad()) {
      error = "read error";
      return std::nullopt;
    }
    if (got == 0) break;
    if (head.size() < 4) head.append(buffer.data(), std::min<std::size_t>(got, 4 - head.size()));
    if (EVP_DigestUpdate(context.get(), buffer.data(), got) != 1) {
      error = "SHA-256 failed";
      return std::nullopt;
    }
    validator.feed(std::string_view(buffer.data(), got));
    fingerprint.size += got;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    error = "SHA-256 failed";
    return std::nullopt;
  }
  fingerprint.sha256 = to_hex(digest.data(), length);
  fingerprint.bom = detect_byte_order_mark(head);
  fingerprint.valid_utf8 = validator.finish();
  return fingerprint;
}

}  // namespace crmsync::csv_drop
