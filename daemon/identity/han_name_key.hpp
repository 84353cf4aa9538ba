#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crmsync::identity {

// A key for personal names that is equal for 张伟, 張偉, "Zhang Wei" and
// "wei zhang": Traditional->Simplified, Han->pinyin, tone marks dropped, lower
// case, syllables sorted and joined without spaces (so family/given order and
// spacing do not matter). ASCII names skip ICU entirely (the common, fast case).
//
// icu::Transliterator is not thread-safe: the two instances are created once
// and used under a mutex. Transliteration costs tens of microseconds per name
// and matching folds the same candidates' names again and again, so recent
// results are remembered (a bounded table, emptied when full), piece by piece
// between digits so that addresses share their street's piece.
class HanNameKey {
 public:
  HanNameKey();  // throws std::runtime_error if ICU lacks the transforms
  ~HanNameKey();
  HanNameKey(const HanNameKey&) = delete;
  HanNameKey& operator=(const HanNameKey&) = delete;

  [[nodiscard]] std::string key(std::string_view name) const;
  // key() of a name ascii_fold() has folded already: one fold where a caller
  // needs both.
  [[nodiscard]] static std::string key_of_folded(std::string_view folded);
  // Lower-case ASCII letters/digits of the name with other characters as
  // spaces, transliterating non-ASCII first ("José" -> "jose", "张伟" -> "zhang wei").
  [[nodiscard]] std::string ascii_fold(std::string_view text) const;
  // ascii_fold() of the text, and its Han characters in Simplified form,
  // nothing else ("張 偉" -> "zhang wei", "张伟"; "Zhang Wei" -> "zhang wei",
  // ""): what tells 于鑫 from 于欣, which fold alike. One transliteration.
  struct FoldedText {
    std::string ascii;
    std::string han;
  };
  [[nodiscard]] FoldedText fold_with_han(std::string_view text) const;

 private:
  // ICU's lower-case ASCII of non-ASCII text without digits, and its Han
  // characters once Simplified, remembered.
  [[nodiscard]] FoldedText transliterated(std::string_view piece) const;

  struct IcuTransforms;  // keeps ICU headers out of this one
  std::unique_ptr<IcuTransforms> icu_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, FoldedText> transliterated_;  // piece -> transliterated()
};

}  // namespace crmsync::identity
