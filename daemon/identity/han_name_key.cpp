#include "daemon/identity/han_name_key.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "daemon/identity/token_set_similarity.hpp"

namespace crmsync::identity {

namespace {

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    throw std::runtime_error(std::string("ICU transliterator unavailable: ") + id + " (" +
                             u_errorName(status) + ")");
  }
  return t;
}

constexpr std::size_t kRemembered = 1 << 16;

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Keeps [a-z0-9], lower-cases A-Z, turns everything else into a single space.
std::string letters_and_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    char folded = c;
    if (c >= 'A' && c <= 'Z') folded = static_cast<char>(c - 'A' + 'a');
    const bool keep = (folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9');
    if (!keep) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += folded;
  }
  return out;
}

}  // namespace

struct HanNameKey::IcuTransforms {
  std::unique_ptr<icu::Transliterator> to_simplified = make_transliterator("Traditional-Simplified");
  std::unique_ptr<icu::Transliterator> to_ascii = make_transliterator("Han-Latin; Latin-ASCII; Lower");
};

HanNameKey::HanNameKey() : icu_(std::make_unique<IcuTransforms>()) {}

HanNameKey::~HanNameKey() = default;

std::string HanNameKey::ascii_fold(std::string_view text) const {
  if (is_ascii(text)) return letters_and_digits(text);
  std::string key(text);
  const std::lock_guard lock(mutex_);
  if (const auto found = folded_.find(key); found != folded_.end()) return found->second;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
  icu_->to_simplified->transliterate(u);
  icu_->to_ascii->transliterate(u);
  std::string utf8;
  u.toUTF8String(utf8);
  if (folded_.size() >= kRemembered) folded_.clear();
  return folded_.emplace(std::move(key), letters_and_digits(utf8)).first->second;
}

std::string HanNameKey::key(std::string_view name) const {
  const std::string folded = ascii_fold(name);
  auto tokens = TokenSetSimilarity::tokens(folded);
  std::sort(tokens.begin(), tokens.end());
  std::string out;
  for (const auto token : tokens) out += token;
  return out;
}

}  // namespace crmsync::identity
