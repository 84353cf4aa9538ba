#include "daemon/store/dead_letter_writer.hpp"

#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <openssl/evp.h>

#include "daemon/store/utf8_text.hpp"

namespace crmsync::store {
namespace {

std::string sha256_hex(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4U];
    hex += kHex[digest[i] & 0x0FU];
  }
  return hex;
}

}  // namespace

DeadLetterWriter::DeadLetterWriter(Database& database, std::string instance, std::string stream)
    : instance_(std::move(instance)),
      stream_(std::move(stream)),
      count_((database.session().prepare << "SELECT COUNT(*) FROM dead_letter WHERE instance = :instance"
                                            " AND stream = :stream AND letter_hash = :letter_hash",
              soci::use(instance_), soci::use(stream_), soci::use(letter_hash_), soci::into(found_))),
      insert_(
          (database.session().prepare
               << "INSERT INTO dead_letter (instance, stream, external_id, location, reason, payload,"
                  " letter_hash, created_at) VALUES (:instance, :stream, :external_id, :location, :reason,"
                  " :payload, :letter_hash, :created_at)",
           soci::use(instance_), soci::use(stream_), soci::use(external_id_.value, external_id_.indicator),
           soci::use(location_.value, location_.indicator), soci::use(reason_),
           soci::use(payload_.value, payload_.indicator), soci::use(letter_hash_), soci::use(now_))) {}

bool DeadLetterWriter::store(const DeadLetter& letter, const std::string& now) {
  // The raw bytes are hashed, the text is stored readable: a letter is often
  // dead for its encoding, and the database accepts only valid UTF-8.
  std::string identity = letter.external_id;
  for (const auto* part : {&letter.location, &letter.reason, &letter.payload}) {
    identity += '\0';
    identity += *part;
  }
  letter_hash_ = sha256_hex(identity);
  count_.execute(true);
  if (found_ > 0) return false;
  set_text(external_id_, Utf8Text::sanitized(letter.external_id));
  set_text(location_, Utf8Text::sanitized(letter.location));
  reason_ = Utf8Text::sanitized(letter.reason);
  set_text(payload_, Utf8Text::sanitized(letter.payload));
  now_ = now;
  insert_.execute(true);
  return true;
}

}  // namespace crmsync::store
