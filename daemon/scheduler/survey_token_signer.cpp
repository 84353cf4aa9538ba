#include "daemon/scheduler/survey_token_signer.hpp"

#include <stdexcept>
#include <utility>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace crmsync::scheduler {
namespace {

std::string base64url(const unsigned char* bytes, std::size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int pending = 0;
  for (std::size_t i = 0; i < size; ++i) {
    bits = (bits << 8U) | bytes[i];
    pending += 8;
    while (pending >= 6) {
      pending -= 6;
      out += kAlphabet[(bits >> static_cast<unsigned>(pending)) & 0x3FU];
    }
  }
  if (pending > 0) out += kAlphabet[(bits << static_cast<unsigned>(6 - pending)) & 0x3FU];
  return out;
}

}  // namespace

SurveyTokenSigner::SurveyTokenSigner(std::string signing_key) : signing_key_(std::move(signing_key)) {
  if (signing_key_.size() < 16)
    throw std::invalid_argument("the journey signing key must have at least 16 characters");
}

std::string SurveyTokenSigner::sign(const std::string& idempotency_key) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), signing_key_.data(), static_cast<int>(signing_key_.size()),
           reinterpret_cast<const unsigned char*>(idempotency_key.data()), idempotency_key.size(), digest,
           &length) == nullptr) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return base64url(digest, length);
}

bool SurveyTokenSigner::verify(const std::string& token, const std::string& idempotency_key) const {
  const std::string expected = sign(idempotency_key);
  return token.size() == expected.size() &&
         CRYPTO_memcmp(token.data(), expected.data(), expected.size()) == 0;
}

}  // namespace crmsync::scheduler
