#include "fxiaoke_cursor.hpp"

#include <nlohmann/json.hpp>

namespace crmsync::fxiaoke {

std::optional<FxiaokeCursor> FxiaokeCursor::parse(const std::string& text, std::string& error) {
  FxiaokeCursor cursor;
  if (text.empty()) return cursor;
  const nlohmann::json stored = nlohmann::json::parse(text, nullptr, false);
  if (stored.is_discarded() || !stored.is_object() || !stored.contains("modified_ms") ||
      !stored["modified_ms"].is_number_integer() ||
      (stored.contains("last_id") && !stored["last_id"].is_string())) {
    error = "expected {\"modified_ms\": <epoch ms>, \"last_id\": \"...\"}, got '" + text + "'";
    return std::nullopt;
  }
  cursor.modified_millis_ = stored["modified_ms"].get<std::int64_t>();
  cursor.last_id_ = stored.value("last_id", std::string());
  return cursor;
}

std::string FxiaokeCursor::to_text() const {
  if (!modified_millis_) return {};
  return nlohmann::json{{"modified_ms", *modified_millis_}, {"last_id", last_id_}}.dump();
}

bool FxiaokeCursor::covers(std::int64_t modified_millis, const std::string& id) const {
  if (!modified_millis_) return false;
  return modified_millis < *modified_millis_ || (modified_millis == *modified_millis_ && id <= last_id_);
}

void FxiaokeCursor::advance(std::int64_t modified_millis, const std::string& id) {
  if (!modified_millis_ || modified_millis > *modified_millis_) {
    modified_millis_ = modified_millis;
    last_id_ = id;
  } else if (modified_millis == *modified_millis_ && id > last_id_) {
    last_id_ = id;
  }
}

}  // namespace crmsync::fxiaoke
