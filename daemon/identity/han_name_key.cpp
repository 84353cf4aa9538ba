#include "daemon/identity/han_name_key.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "daemon/identity/token_set_similarity.hpp"
#include "daemon/model/unicode_text.hpp"

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

namespace {

icu::UnicodeSet han_script() {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8("[:Han:]"), status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU [:Han:] unavailable: ") + u_errorName(status));
  set.freeze();
  return set;
}

}  // namespace

struct HanNameKey::IcuTransforms {
  std::unique_ptr<icu::Transliterator> to_simplified = make_transliterator("Traditional-Simplified");
  std::unique_ptr<icu::Transliterator> to_ascii = make_transliterator("Han-Latin; Latin-ASCII; Lower");
  // Text without Han characters: Traditional-Simplified and Han-Latin change
  // nothing in it, yet running their rules cost about 150 us per string
  // against 7 us for Latin-ASCII alone ("Müller", "Schillerstraße").
  std::unique_ptr<icu::Transliterator> latin_to_ascii = make_transliterator("Latin-ASCII; Lower");
  icu::UnicodeSet han = han_script();
};

HanNameKey::HanNameKey() : icu_(std::make_unique<IcuTransforms>()) {}

HanNameKey::~HanNameKey() = default;

std::string HanNameKey::ascii_fold(std::string_view text) const {
  if (model::unicode_text::is_ascii(text)) return letters_and_digits(text);
  return fold_with_han(text).ascii;
}

HanNameKey::FoldedText HanNameKey::fold_with_han(std::string_view text) const {
  if (model::unicode_text::is_ascii(text)) return {letters_and_digits(text), {}};
  // Transliterated piece by piece between runs of ASCII digits: Han-Latin
  // reads Han characters as words (重庆 is "chong qing") but never across a
  // digit, and writes no space next to one, so the result is the same. The
  // pieces repeat where whole values do not: "南京市长安街" and "号" of
  // every house number in the street, at about 100 us of ICU each.
  std::string joined;
  std::string han;
  std::size_t at = 0;
  while (at < text.size()) {
    const bool digits = text[at] >= '0' && text[at] <= '9';
    std::size_t end = at;
    while (end < text.size() && (text[end] >= '0' && text[end] <= '9') == digits) ++end;
    const auto piece = text.substr(at, end - at);
    if (digits || model::unicode_text::is_ascii(piece)) {
      joined += piece;
    } else {
      auto folded = transliterated(piece);
      joined += folded.ascii;
      han += folded.han;
    }
    at = end;
  }
  return {letters_and_digits(joined), std::move(han)};
}

HanNameKey::FoldedText HanNameKey::transliterated(std::string_view piece) const {
  std::string key(piece);
  const std::lock_guard lock(mutex_);
  if (const auto found = transliterated_.find(key); found != transliterated_.end()) return found->second;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
  FoldedText folded;
  if (icu_->han.containsSome(u)) {
    icu_->to_simplified->transliterate(u);
    icu::UnicodeString han;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
      if (const UChar32 c = u.char32At(i); icu_->han.contains(c)) han.append(c);
    }
    han.toUTF8String(folded.han);
    icu_->to_ascii->transliterate(u);
  } else {
    icu_->latin_to_ascii->transliterate(u);
  }
  u.toUTF8String(folded.ascii);
  if (transliterated_.size() >= kRemembered) transliterated_.clear();
  return transliterated_.emplace(std::move(key), std::move(folded)).first->second;
}

std::string HanNameKey::key(std::string_view name) const {
  return key_of_folded(ascii_fold(name));
}

std::string HanNameKey::key_of_folded(std::string_view folded) {
  auto tokens = TokenSetSimilarity::tokens(folded);
  std::sort(tokens.begin(), tokens.end());
  std::string out;
  for (const auto token : tokens) out += token;
  return out;
}

}  // namespace crmsync::identity
