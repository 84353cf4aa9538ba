#include "salesforce_cursor.hpp"

#include <nlohmann/json.hpp>

namespace crmsync::salesforce {

std::optional<SalesforceCursor> SalesforceCursor::parse(const std::string& text, std::string& error) {
  SalesforceCursor cursor;
  if (text.empty()) return cursor;
  const nlohmann::json stored = nlohmann::json::parse(text, nullptr, false);
  if (stored.is_discarded() || !stored.is_object() || !stored.contains("modstamp_ms") ||
      !stored["modstamp_ms"].is_number_integer()) {
    error = "expected {\"modstamp_ms\": <epoch ms>, \"ids\": [...]}, got '" + text + "'";
    return std::nullopt;
  }
  cursor.modstamp_millis_ = stored["modstamp_ms"].get<std::int64_t>();
  if (const auto ids = stored.find("ids"); ids != stored.end() && ids->is_array()) {
    for (const auto& id : *ids) {
      if (id.is_string()) cursor.ids_at_modstamp_.insert(id.get<std::string>());
    }
  }
  return cursor;
}

std::string SalesforceCursor::to_text() const {
  if (!modstamp_millis_) return {};
  nlohmann::json stored = {{"modstamp_ms", *modstamp_millis_}, {"ids", ids_at_modstamp_}};
  return stored.dump();
}

bool SalesforceCursor::covers(std::int64_t modstamp_millis, const std::string& id) const {
  if (!modstamp_millis_) return false;
  if (modstamp_millis < *modstamp_millis_) return true;
  return modstamp_millis == *modstamp_millis_ && ids_at_modstamp_.count(id) > 0;
}

void SalesforceCursor::advance(std::int64_t modstamp_millis, const std::string& id) {
  if (!modstamp_millis_ || modstamp_millis > *modstamp_millis_) {
    modstamp_millis_ = modstamp_millis;
    ids_at_modstamp_.clear();
  }
  if (modstamp_millis == *modstamp_millis_) ids_at_modstamp_.insert(id);
}

}  // namespace crmsync::salesforce
