#include "zoho_cursor.hpp"

#include <nlohmann/json.hpp>

#include "iso_timestamp.hpp"

namespace crmsync::zoho_crm {
namespace {

std::optional<SyncPosition> read_position(const nlohmann::json& cursor, const char* key, std::string& error) {
  const auto it = cursor.find(key);
  if (it == cursor.end() || it->is_null()) return SyncPosition{};
  if (!it->is_object() || !it->contains("time") || !(*it)["time"].is_string()) {
    error = std::string("\"") + key + "\" needs a \"time\" string";
    return std::nullopt;
  }
  const auto time = parse_iso_timestamp((*it)["time"].get<std::string>());
  if (!time) {
    error = std::string("\"") + key + ".time\" is not an ISO 8601 time";
    return std::nullopt;
  }
  std::set<std::string> ids;
  if (it->contains("ids")) {
    for (const auto& id : (*it)["ids"]) {
      if (!id.is_string()) {
        error = std::string("\"") + key + ".ids\" must hold strings";
        return std::nullopt;
      }
      ids.insert(id.get<std::string>());
    }
  }
  return SyncPosition{*time, std::move(ids)};
}

nlohmann::json write_position(const SyncPosition& position) {
  if (!position.started()) return nullptr;
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& id : position.ids_at_time()) ids.push_back(id);
  return {{"time", format_utc_timestamp(*position.time())}, {"ids", std::move(ids)}};
}

}  // namespace

std::optional<ZohoCursor> ZohoCursor::parse(const std::string& text, std::string& error) {
  ZohoCursor cursor;
  if (text.empty()) return cursor;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    error = "the cursor is not a JSON object";
    return std::nullopt;
  }
  auto modified = read_position(json, "modified", error);
  if (!modified) return std::nullopt;
  auto deleted = read_position(json, "deleted", error);
  if (!deleted) return std::nullopt;
  cursor.modified = std::move(*modified);
  cursor.deleted = std::move(*deleted);
  return cursor;
}

std::string ZohoCursor::serialize() const {
  return nlohmann::json{
      {"v", 1}, {"modified", write_position(modified)}, {"deleted", write_position(deleted)}}
      .dump();
}

}  // namespace crmsync::zoho_crm
