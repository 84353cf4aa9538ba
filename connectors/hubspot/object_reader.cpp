#include "object_reader.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "iso_timestamp.hpp"
#include "json_text.hpp"
#include "url_encoding.hpp"

namespace crmsync::hubspot {
namespace {

using nlohmann::json;

constexpr std::size_t kBatchReadLimit = 100;
constexpr int kListLimit = 100;
constexpr std::size_t kMaxArchivedPerRead = 100000;

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

std::optional<std::string> next_after(const json& body) {
  if (!body.contains("paging") || !body["paging"].is_object()) return std::nullopt;
  const json& paging = body["paging"];
  if (!paging.contains("next") || !paging["next"].is_object()) return std::nullopt;
  return member_text(paging["next"], "after");
}

std::optional<std::int64_t> modified_of(const json& record, const std::string& property) {
  std::optional<std::string> text;
  if (record.is_object() && record.contains("properties"))
    text = member_text(record["properties"], property.c_str());
  if (!text) text = member_text(record, "updatedAt");
  return text ? parse_time_millis(*text) : std::nullopt;
}

}  // namespace

ObjectReader::ObjectReader(const HubSpotObject& object, HubSpotApi& api, int page_size, bool sync_deletions,
                           std::optional<std::int64_t> settled_before)
    : object_(object),
      api_(api),
      planner_(page_size, settled_before),
      page_size_(page_size),
      sync_deletions_(sync_deletions) {}

sdk::Status ObjectReader::read(HubSpotCursor cursor, sdk::BatchSink& sink) {
  Flow flow = Flow::go_on;
  sdk::Status status = read_changes(cursor, sink, flow);
  if (!status.ok() || flow == Flow::sink_stopped || !sync_deletions_) return status;
  return read_archived(cursor, sink, flow);
}

sdk::Status ObjectReader::read_changes(HubSpotCursor& cursor, sdk::BatchSink& sink, Flow& flow) {
  std::optional<SearchRequest> request = planner_.first(cursor.modified);
  const std::string path = "/crm/v3/objects/" + object_.type + "/search";
  while (request) {
    const HubSpotReply reply = api_.post(object_.stream, path, planner_.body(*request, object_));
    if (reply.outcome != HubSpotReply::Outcome::data) {
      return reply.outcome == HubSpotReply::Outcome::stop
                 ? reply.status
                 : sdk::Status::failure("hubspot stream '" + object_.stream + "': " + path + " answered 404");
    }
    const json results = reply.body.contains("results") && reply.body["results"].is_array()
                             ? reply.body["results"]
                             : json::array();
    const std::string location =
        "hubspot " + object_.type + " search" +
        (request->since ? " since " + format_time_millis(*request->since) : std::string()) +
        (request->after.empty() ? "" : " after " + request->after);
    // New records of this page, with what the stream needs besides the search answer.
    std::vector<std::pair<std::size_t, json>> fresh;
    std::vector<std::string> line_item_ids;
    for (std::size_t index = 0; index < results.size(); ++index) {
      json record = results[index];
      const auto id = member_text(record, "id");
      const auto modified = modified_of(record, object_.modified_property);
      if (id && modified && cursor.modified.covers(*modified, *id)) continue;
      if (id && !object_.associations.empty()) {
        if (sdk::Status fetched = fetch_with_associations(record); !fetched.ok()) return fetched;
      }
      if (object_.shape == HubSpotObject::Shape::deal) {
        for (auto& item : HubSpotRecordMapper::associated_ids(record, "line_items"))
          line_item_ids.push_back(item);
      }
      fresh.emplace_back(index, std::move(record));
    }
    std::map<std::string, json> line_items;
    if (sdk::Status fetched = fetch_line_items(line_item_ids, line_items); !fetched.ok()) return fetched;

    sdk::RecordBatch batch;
    for (auto& [index, record] : fresh) {
      std::vector<json> items;
      for (const auto& item_id : HubSpotRecordMapper::associated_ids(record, "line_items")) {
        if (const auto it = line_items.find(item_id); it != line_items.end()) items.push_back(it->second);
      }
      auto mapped = mapper_.map(object_, record, items, location + " result " + std::to_string(index + 1));
      if (auto* rejection = std::get_if<sdk::Rejection>(&mapped)) {
        batch.rejections.push_back(std::move(*rejection));
        continue;
      }
      auto& raw = std::get<sdk::RawRecord>(mapped);
      // A record whose time cannot be read still lands; it just cannot move the cursor.
      if (const auto modified = modified_of(results[index], object_.modified_property))
        cursor.modified.advance(*modified, raw.external_id);
      batch.records.push_back(std::move(raw));
    }
    if (!batch.records.empty() || !batch.rejections.empty()) {
      batch.cursor = cursor.serialize();
      if (!sink.emit(std::move(batch))) {
        flow = Flow::sink_stopped;
        return sdk::Status::success();
      }
    }
    std::string error;
    request = planner_.next(*request, next_after(reply.body), cursor.modified, error);
    if (!error.empty()) return sdk::Status::failure("hubspot stream '" + object_.stream + "': " + error);
  }
  return sdk::Status::success();
}

sdk::Status ObjectReader::fetch_with_associations(json& record) {
  const auto id = member_text(record, "id");
  const std::string path = "/crm/v3/objects/" + object_.type + "/" + url_encode(*id) +
                           "?properties=" + url_encode(joined(object_.properties)) +
                           "&associations=" + url_encode(object_.associations);
  const HubSpotReply reply = api_.get(object_.stream, path);
  if (reply.outcome == HubSpotReply::Outcome::stop) return reply.status;
  // Archived since the search: keep the search answer; the archive tells the rest.
  if (reply.outcome == HubSpotReply::Outcome::data) record = reply.body;
  return sdk::Status::success();
}

sdk::Status ObjectReader::fetch_line_items(const std::vector<std::string>& ids,
                                           std::map<std::string, json>& items) {
  for (std::size_t start = 0; start < ids.size(); start += kBatchReadLimit) {
    json inputs = json::array();
    for (std::size_t i = start; i < std::min(ids.size(), start + kBatchReadLimit); ++i)
      inputs.push_back({{"id", ids[i]}});
    const HubSpotReply reply = api_.post(object_.stream, "/crm/v3/objects/line_items/batch/read",
                                         {{"properties", line_item_properties()}, {"inputs", inputs}});
    if (reply.outcome == HubSpotReply::Outcome::stop) return reply.status;
    if (reply.outcome != HubSpotReply::Outcome::data || !reply.body.contains("results")) continue;
    for (const auto& item : reply.body["results"]) {
      if (const auto id = member_text(item, "id")) items[*id] = item;
    }
  }
  return sdk::Status::success();
}

sdk::Status ObjectReader::read_archived(HubSpotCursor& cursor, sdk::BatchSink& sink, Flow& flow) {
  // The archive has no modified-since filter and no promised order: list it,
  // keep what lies past the cursor, take it in (archivedAt, id) order.
  std::vector<std::pair<std::optional<std::int64_t>, json>> entries;
  std::optional<std::string> after = std::string();
  std::size_t listed = 0;
  while (after && listed < kMaxArchivedPerRead) {
    std::string path = "/crm/v3/objects/" + object_.type +
                       "?archived=true&limit=" + std::to_string(kListLimit) +
                       "&properties=" + url_encode(object_.modified_property);
    if (!after->empty()) path += "&after=" + url_encode(*after);
    const HubSpotReply reply = api_.get(object_.stream, path);
    if (reply.outcome == HubSpotReply::Outcome::stop) return reply.status;
    if (reply.outcome != HubSpotReply::Outcome::data) break;
    if (reply.body.contains("results") && reply.body["results"].is_array()) {
      for (const auto& entry : reply.body["results"]) {
        ++listed;
        const auto id = member_text(entry, "id");
        const auto archived_text = member_text(entry, "archivedAt");
        const auto archived_at = archived_text ? parse_time_millis(*archived_text) : std::nullopt;
        if (id && archived_at && cursor.deleted.covers(*archived_at, *id)) continue;
        entries.emplace_back(archived_at, entry);
      }
    }
    after = next_after(reply.body);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return member_text(a.second, "id") < member_text(b.second, "id");
  });
  for (std::size_t start = 0; start < entries.size(); start += static_cast<std::size_t>(page_size_)) {
    sdk::RecordBatch batch;
    const std::size_t end = std::min(entries.size(), start + static_cast<std::size_t>(page_size_));
    for (std::size_t index = start; index < end; ++index) {
      const auto& [archived_at, entry] = entries[index];
      auto mapped = mapper_.map_archived(
          object_, entry, "hubspot archived " + object_.type + " " + std::to_string(index + 1));
      if (auto* rejection = std::get_if<sdk::Rejection>(&mapped)) {
        batch.rejections.push_back(std::move(*rejection));
        continue;
      }
      auto& record = std::get<sdk::RawRecord>(mapped);
      if (archived_at) cursor.deleted.advance(*archived_at, record.external_id);
      batch.records.push_back(std::move(record));
    }
    batch.cursor = cursor.serialize();
    if (!sink.emit(std::move(batch))) {
      flow = Flow::sink_stopped;
      return sdk::Status::success();
    }
  }
  return sdk::Status::success();
}

}  // namespace crmsync::hubspot
