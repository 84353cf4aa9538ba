#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crmsync::fxiaoke {

// Where a stream's read stands, as a keyset: the last_modified_time (epoch
// ms) of the last record committed and the largest _id committed at exactly
// that time. Records arrive ordered by (last_modified_time, _id), so
// everything at or before that pair has been read. A keyset instead of an
// offset: the query API stops at offset 10,000, and offsets shift when
// records change during a read.
class FxiaokeCursor {
 public:
  // "" is the start of history. nullopt with `error` for text no version wrote.
  [[nodiscard]] static std::optional<FxiaokeCursor> parse(const std::string& text, std::string& error);
  [[nodiscard]] std::string to_text() const;

  [[nodiscard]] std::optional<std::int64_t> modified_millis() const { return modified_millis_; }
  [[nodiscard]] const std::string& last_id() const { return last_id_; }

  [[nodiscard]] bool covers(std::int64_t modified_millis, const std::string& id) const;
  void advance(std::int64_t modified_millis, const std::string& id);

 private:
  std::optional<std::int64_t> modified_millis_;
  std::string last_id_;  // "" when no record with an _id was read at that time
};

}  // namespace crmsync::fxiaoke
