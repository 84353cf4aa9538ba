#include "module_reader.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "iso_timestamp.hpp"
#include "json_text.hpp"
#include "url_encoding.hpp"

namespace crmsync::zoho_crm {
namespace {

using nlohmann::json;

// Deletions are few; this bounds memory should a recycle bin be enormous.
constexpr std::size_t kMaxDeletionsPerRead = 100000;

std::string location_of(const ZohoModule& module, const PageRequest& request) {
  std::string text = "zoho " + module.api_name;
  if (request.since) text += " modified since " + format_utc_timestamp(*request.since);
  return text + (request.page_token.empty() ? " page " + std::to_string(request.page) : " page by token");
}

std::optional<std::int64_t> time_of(const json& record, const char* key) {
  const auto text = member_text(record, key);
  return text ? parse_iso_timestamp(*text) : std::nullopt;
}

}  // namespace

ModuleReader::ModuleReader(const ZohoModule& module, ZohoApi& api, int page_size, bool sync_deletions)
    : module_(module),
      api_(api),
      planner_(page_size),
      page_size_(page_size),
      sync_deletions_(sync_deletions) {}

sdk::Status ModuleReader::read(ZohoCursor cursor, sdk::BatchSink& sink) {
  Flow flow = Flow::go_on;
  sdk::Status status = read_changes(cursor, sink, flow);
  if (!status.ok() || flow == Flow::sink_stopped || !sync_deletions_) return status;
  return read_deletions(cursor, sink, flow);
}

sdk::Status ModuleReader::read_changes(ZohoCursor& cursor, sdk::BatchSink& sink, Flow& flow) {
  std::optional<PageRequest> request = planner_.first(cursor.modified);
  while (request) {
    const ZohoReply reply = api_.get(
        module_.stream, module_.api_name + "?" + planner_.query(*request, module_.fields), request->since);
    if (reply.outcome == ZohoReply::Outcome::stop) return reply.status;
    if (reply.outcome == ZohoReply::Outcome::nothing) return sdk::Status::success();
    if (reply.outcome == ZohoReply::Outcome::stale_page_token) {
      // The cursor is always a safe place to start again from.
      request = planner_.first(cursor.modified);
      continue;
    }
    const json& data = reply.body.contains("data") ? reply.body["data"] : json::array();
    sdk::RecordBatch batch;
    if (sdk::Status taken = take_page(data, location_of(module_, *request), cursor, batch); !taken.ok())
      return taken;
    if (!batch.records.empty() || !batch.rejections.empty()) {
      batch.cursor = cursor.serialize();
      if (!sink.emit(std::move(batch))) {
        flow = Flow::sink_stopped;
        return sdk::Status::success();
      }
    }
    std::string error;
    request = planner_.next(*request, PageInfo::from_body(reply.body), cursor.modified, error);
    if (!error.empty())
      return sdk::Status::failure("zoho_crm stream '" + module_.stream + "' (" + module_.api_name +
                                  "): " + error);
  }
  return sdk::Status::success();
}

sdk::Status ModuleReader::take_page(const json& data, const std::string& location, ZohoCursor& cursor,
                                    sdk::RecordBatch& batch) {
  if (!data.is_array()) return sdk::Status::success();
  for (std::size_t index = 0; index < data.size(); ++index) {
    json record = data[index];
    const std::string record_location = location + " record " + std::to_string(index + 1);
    const auto id = member_text(record, "id");
    const auto modified = time_of(record, "Modified_Time");
    if (id && modified && cursor.modified.covers(*modified, *id)) continue;
    if (id && module_.needs_detail) {
      if (sdk::Status fetched = fetch_detail(*id, record); !fetched.ok()) return fetched;
    }
    auto mapped = mapper_.map(module_, record, record_location);
    if (auto* rejection = std::get_if<sdk::Rejection>(&mapped)) {
      batch.rejections.push_back(std::move(*rejection));
      continue;
    }
    // A record whose time cannot be read still lands; it just cannot move the cursor.
    if (modified) cursor.modified.advance(*modified, *id);
    batch.records.push_back(std::get<sdk::RawRecord>(std::move(mapped)));
  }
  return sdk::Status::success();
}

sdk::Status ModuleReader::fetch_detail(const std::string& id, json& record) {
  const ZohoReply reply = api_.get(module_.stream, module_.api_name + "/" + url_encode(id), std::nullopt);
  if (reply.outcome == ZohoReply::Outcome::stop) return reply.status;
  // Gone since it was listed: keep what the list said; the recycle bin tells the rest.
  if (reply.outcome != ZohoReply::Outcome::data) return sdk::Status::success();
  const json& data = reply.body.contains("data") ? reply.body["data"] : json();
  if (data.is_array() && !data.empty() && data[0].is_object()) record = data[0];
  return sdk::Status::success();
}

sdk::Status ModuleReader::read_deletions(ZohoCursor& cursor, sdk::BatchSink& sink, Flow& flow) {
  // The recycle bin has no sort order to rely on, so collect it whole and
  // take it in (deleted_time, id) order.
  std::vector<std::pair<std::optional<std::int64_t>, json>> entries;
  std::optional<PageRequest> request = PageRequest{cursor.deleted.time(), 1, {}};
  while (request && entries.size() < kMaxDeletionsPerRead) {
    std::string path = module_.api_name + "/deleted?type=all&per_page=" + std::to_string(page_size_);
    path += request->page_token.empty() ? "&page=" + std::to_string(request->page)
                                        : "&page_token=" + url_encode(request->page_token);
    const ZohoReply reply = api_.get(module_.stream, path, request->since);
    if (reply.outcome == ZohoReply::Outcome::stop) return reply.status;
    if (reply.outcome == ZohoReply::Outcome::nothing) break;
    if (reply.outcome == ZohoReply::Outcome::stale_page_token) {
      entries.clear();
      request = PageRequest{cursor.deleted.time(), 1, {}};
      continue;
    }
    const json& data = reply.body.contains("data") ? reply.body["data"] : json::array();
    for (const auto& entry : data) {
      const auto id = member_text(entry, "id");
      const auto deleted_at = time_of(entry, "deleted_time");
      if (id && deleted_at && cursor.deleted.covers(*deleted_at, *id)) continue;
      entries.emplace_back(deleted_at, entry);
    }
    // Without a moving position, the planner walks page by page (and by token past 2,000).
    std::string error;
    request = planner_.next(*request, PageInfo::from_body(reply.body), SyncPosition{}, error);
    if (!error.empty())
      return sdk::Status::failure("zoho_crm stream '" + module_.stream + "' (" + module_.api_name +
                                  "/deleted): " + error);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return member_text(a.second, "id") < member_text(b.second, "id");
  });
  for (std::size_t start = 0; start < entries.size(); start += static_cast<std::size_t>(page_size_)) {
    sdk::RecordBatch batch;
    const std::size_t end = std::min(entries.size(), start + static_cast<std::size_t>(page_size_));
    for (std::size_t index = start; index < end; ++index) {
      const auto& [deleted_at, entry] = entries[index];
      auto mapped = mapper_.map_deletion(
          module_, entry, "zoho " + module_.api_name + "/deleted entry " + std::to_string(index + 1));
      if (auto* rejection = std::get_if<sdk::Rejection>(&mapped)) {
        batch.rejections.push_back(std::move(*rejection));
        continue;
      }
      auto& record = std::get<sdk::RawRecord>(mapped);
      if (deleted_at) cursor.deleted.advance(*deleted_at, record.external_id);
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

}  // namespace crmsync::zoho_crm
