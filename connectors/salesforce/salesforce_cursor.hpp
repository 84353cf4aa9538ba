#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace crmsync::salesforce {

// Where a stream's read stands: the SystemModstamp of the last record
// committed and the ids committed at exactly that instant. The next query
// asks for SystemModstamp >= that second (SOQL literals have no fractions),
// so every record at the boundary comes again and is skipped by id, and none
// that shares the timestamp is lost when a page or batch ends between them.
class SalesforceCursor {
 public:
  // "" is the start of history. nullopt with `error` for text no version wrote.
  [[nodiscard]] static std::optional<SalesforceCursor> parse(const std::string& text, std::string& error);
  [[nodiscard]] std::string to_text() const;

  [[nodiscard]] bool at_start() const { return !modstamp_millis_.has_value(); }
  [[nodiscard]] std::optional<std::int64_t> modstamp_millis() const { return modstamp_millis_; }
  [[nodiscard]] const std::set<std::string>& ids_at_modstamp() const { return ids_at_modstamp_; }

  // True when a record with this modstamp and id was committed before.
  [[nodiscard]] bool covers(std::int64_t modstamp_millis, const std::string& id) const;
  // Moves past one more record (records arrive in SystemModstamp order).
  void advance(std::int64_t modstamp_millis, const std::string& id);

 private:
  std::optional<std::int64_t> modstamp_millis_;
  std::set<std::string> ids_at_modstamp_;
};

}  // namespace crmsync::salesforce
