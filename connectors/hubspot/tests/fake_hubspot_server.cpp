#include "fake_hubspot_server.hpp"

#include <algorithm>
#include <cstdint>

#include "iso_timestamp.hpp"

namespace crmsync::hubspot::testing {
namespace {

using nlohmann::json;

std::string id_of(const json& record) {
  return record["id"].is_string() ? record["id"].get<std::string>() : "";
}

std::int64_t millis_of(const json& record, const std::string& property) {
  const json& value = record["properties"].value(property, json(nullptr));
  return value.is_string() ? parse_time_millis(value.get<std::string>()).value_or(0) : 0;
}

std::string query_value(const std::string& query, const std::string& name) {
  const std::string key = name + "=";
  std::size_t at = 0;
  while ((at = query.find(key, at)) != std::string::npos) {
    if (at == 0 || query[at - 1] == '&' || query[at - 1] == '?') {
      const std::size_t end = query.find('&', at);
      return query.substr(at + key.size(),
                          end == std::string::npos ? std::string::npos : end - at - key.size());
    }
    at += key.size();
  }
  return {};
}

}  // namespace

sdk::HttpResult answer(long status, const std::string& body) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::response;
  result.response.status = status;
  result.response.body = body;
  return result;
}

void FakeHubSpotServer::add(const std::string& type, json record) {
  auto& rows = records_[type];
  const std::string id = id_of(record);
  if (!id.empty() && !ids_[type].insert(id).second)
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json& r) { return id_of(r) == id; }),
               rows.end());
  rows.push_back(std::move(record));
}

void FakeHubSpotServer::archive(const std::string& type, const std::string& id,
                                const std::string& archived_at) {
  ids_[type].erase(id);
  auto& rows = records_[type];
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json& r) { return id_of(r) == id; }),
             rows.end());
  archive_[type].push_back(
      json{{"id", id}, {"properties", json::object()}, {"archived", true}, {"archivedAt", archived_at}});
}

sdk::HttpResult FakeHubSpotServer::send(sdk::HttpRequest request) {
  requests.push_back(request);
  if (!queued_.empty()) {
    auto result = std::move(queued_.front());
    queued_.pop_front();
    return result;
  }
  const std::string marker = "/crm/v3/objects/";
  const std::size_t at = request.url.find(marker);
  if (at == std::string::npos) return answer(404, R"({"status":"error","category":"OBJECT_NOT_FOUND"})");
  std::string path = request.url.substr(at + marker.size());
  std::string query;
  if (const std::size_t q = path.find('?'); q != std::string::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  const std::size_t slash = path.find('/');
  const std::string type = path.substr(0, slash);
  const std::string rest = slash == std::string::npos ? "" : path.substr(slash + 1);
  if (request.method == "POST" && rest == "search") return search(type, json::parse(request.body));
  if (request.method == "POST" && rest == "batch/read") return batch_read(type, json::parse(request.body));
  if (request.method == "GET" && rest.empty()) return archived(type, query);
  return single(type, rest);
}

sdk::HttpResult FakeHubSpotServer::search(const std::string& type, const json& body) {
  const std::string property = body["sorts"][0]["propertyName"];
  const int limit = std::min(200, body.value("limit", 10));
  const std::int64_t offset = body.contains("after") ? std::stoll(body["after"].get<std::string>()) : 0;
  if (offset + limit > 10000)
    return answer(
        400,
        R"({"status":"error","message":"Cannot page beyond 10000 results","category":"VALIDATION_ERROR"})");
  std::int64_t since = -1;
  std::int64_t until = INT64_MAX;
  for (const auto& group : body["filterGroups"]) {
    for (const auto& filter : group["filters"]) {
      const std::int64_t value = std::stoll(filter["value"].get<std::string>());
      if (filter["operator"] == "GTE") since = value;
      if (filter["operator"] == "LTE") until = value;
    }
  }
  // Sort keys once, not per comparison: the tests search tens of thousands of records.
  struct Hit {
    std::int64_t millis;
    std::string id;
    const json* row;
  };
  std::vector<Hit> hits;
  for (const auto& row : records_[type]) {
    const auto millis = millis_of(row, property);
    if (millis >= since && millis <= until) hits.push_back({millis, id_of(row), &row});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.millis != b.millis ? a.millis < b.millis : a.id < b.id;
  });
  json results = json::array();
  for (std::size_t i = static_cast<std::size_t>(offset);
       i < hits.size() && i < static_cast<std::size_t>(offset + limit); ++i) {
    json found = *hits[i].row;
    found.erase("associations");
    results.push_back(std::move(found));
  }
  const auto& rows = hits;
  json out{{"total", rows.size()}, {"results", results}};
  if (static_cast<std::size_t>(offset + limit) < rows.size())
    out["paging"] = {{"next", {{"after", std::to_string(offset + limit)}}}};
  return answer(200, out.dump());
}

sdk::HttpResult FakeHubSpotServer::single(const std::string& type, const std::string& id) {
  for (const auto& row : records_[type]) {
    if (id_of(row) == id) return answer(200, row.dump());
  }
  return answer(404, R"({"status":"error","message":"resource not found","category":"OBJECT_NOT_FOUND"})");
}

sdk::HttpResult FakeHubSpotServer::batch_read(const std::string& type, const json& body) {
  json results = json::array();
  for (const auto& input : body["inputs"]) {
    for (const auto& row : records_[type]) {
      if (id_of(row) == input["id"]) results.push_back(row);
    }
  }
  return answer(200, json{{"status", "COMPLETE"}, {"results", results}}.dump());
}

sdk::HttpResult FakeHubSpotServer::archived(const std::string& type, const std::string& query) {
  const std::size_t limit = std::min<std::size_t>(100, std::stoul(query_value(query, "limit")));
  const std::string after = query_value(query, "after");
  const std::size_t offset = after.empty() ? 0 : std::stoul(after);
  const auto& rows = archive_[type];
  json results = json::array();
  for (std::size_t i = offset; i < rows.size() && i < offset + limit; ++i) results.push_back(rows[i]);
  json out{{"results", results}};
  if (offset + limit < rows.size()) out["paging"] = {{"next", {{"after", std::to_string(offset + limit)}}}};
  return answer(200, out.dump());
}

bool RecordingSink::emit(sdk::RecordBatch batch) {
  if (batches.size() >= accept_) return false;
  batches.push_back(std::move(batch));
  return true;
}

std::vector<sdk::RawRecord> RecordingSink::records() const {
  std::vector<sdk::RawRecord> out;
  for (const auto& batch : batches) out.insert(out.end(), batch.records.begin(), batch.records.end());
  return out;
}

}  // namespace crmsync::hubspot::testing
