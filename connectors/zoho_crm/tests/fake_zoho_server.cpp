#include "fake_zoho_server.hpp"

#include <algorithm>

#include "iso_timestamp.hpp"

namespace crmsync::zoho_crm::testing {
namespace {

using nlohmann::json;

std::string url_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::map<std::string, std::string> parse_query(const std::string& query) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos) out[pair.substr(0, eq)] = url_decode(pair.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

std::string id_of(const json& record) {
  return record["id"].is_string() ? record["id"].get<std::string>() : "";
}

std::int64_t time_of(const json& record, const char* key) {
  return parse_iso_timestamp(record.value(key, std::string("1970-01-01T00:00:00Z"))).value_or(0);
}

sdk::HttpResult error_answer(long status, const std::string& code) {
  return answer(
      status,
      json{{"code", code}, {"details", json::object()}, {"message", code}, {"status", "error"}}.dump());
}

// Serves `rows` (already filtered and ordered) by page or page token.
sdk::HttpResult page_of(const std::vector<json>& rows, const std::map<std::string, std::string>& query) {
  const int per_page = std::min(200, query.count("per_page") ? std::stoi(query.at("per_page")) : 200);
  std::size_t offset = 0;
  int page = 1;
  if (query.count("page_token")) {
    if (query.count("page")) return error_answer(400, "AMBIGUITY_DURING_PROCESSING");
    offset = std::stoul(query.at("page_token").substr(4));
    page = static_cast<int>(offset / static_cast<std::size_t>(per_page)) + 1;
  } else {
    page = query.count("page") ? std::stoi(query.at("page")) : 1;
    if (page * per_page > 2000) return error_answer(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED");
    offset = static_cast<std::size_t>((page - 1) * per_page);
  }
  if (offset >= rows.size() && offset == 0) return answer(304, "");
  json data = json::array();
  for (std::size_t i = offset; i < rows.size() && i < offset + static_cast<std::size_t>(per_page); ++i)
    data.push_back(rows[i]);
  const bool more = offset + static_cast<std::size_t>(per_page) < rows.size();
  json info{{"per_page", per_page}, {"count", data.size()}, {"page", page}, {"more_records", more}};
  if (more) info["next_page_token"] = "tok:" + std::to_string(offset + static_cast<std::size_t>(per_page));
  return answer(200, json{{"data", data}, {"info", info}}.dump());
}

std::optional<std::int64_t> since_of(const sdk::HttpRequest& request) {
  for (const auto& [name, value] : request.headers) {
    if (name == "If-Modified-Since") return parse_iso_timestamp(value);
  }
  return std::nullopt;
}

}  // namespace

sdk::HttpResult answer(long status, const std::string& body) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::response;
  result.response.status = status;
  result.response.body = body;
  return result;
}

void FakeZohoServer::add(const std::string& module, json record) {
  auto& rows = records_[module];
  const std::string id = id_of(record);
  if (!id.empty())
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json& r) { return id_of(r) == id; }),
               rows.end());
  rows.push_back(std::move(record));
}

void FakeZohoServer::remove(const std::string& module, const std::string& id,
                            const std::string& deleted_time) {
  auto& rows = records_[module];
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json& r) { return r["id"] == id; }),
             rows.end());
  recycle_bin_[module].push_back(
      json{{"id", id}, {"display_name", "gone"}, {"type", "recycle"}, {"deleted_time", deleted_time}});
}

sdk::HttpResult FakeZohoServer::send(sdk::HttpRequest request) {
  requests.push_back(request);
  if (!queued_.empty()) {
    auto result = std::move(queued_.front());
    queued_.pop_front();
    return result;
  }
  const std::string marker = "/crm/v2/";
  const std::size_t at = request.url.find(marker);
  if (at == std::string::npos) return error_answer(404, "INVALID_URL_PATTERN");
  std::string path = request.url.substr(at + marker.size());
  std::string query;
  if (const std::size_t q = path.find('?'); q != std::string::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  if (expire_next_token_ && query.find("page_token=") != std::string::npos) {
    expire_next_token_ = false;
    return error_answer(400, "EXPIRED_VALUE");
  }
  const std::size_t slash = path.find('/');
  const std::string module = path.substr(0, slash);
  if (slash == std::string::npos) return list(module, parse_query(query), request);
  const std::string rest = path.substr(slash + 1);
  if (rest == "deleted") return deleted(module, parse_query(query), request);
  return single(module, rest);
}

sdk::HttpResult FakeZohoServer::list(const std::string& module,
                                     const std::map<std::string, std::string>& query,
                                     const sdk::HttpRequest& request) {
  const auto since = since_of(request);
  std::vector<json> rows;
  for (json row : records_[module]) {
    if (since && time_of(row, "Modified_Time") < *since) continue;
    row.erase("Ordered_Items");  // subforms only come with a single-record GET
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    const auto ta = time_of(a, "Modified_Time");
    const auto tb = time_of(b, "Modified_Time");
    if (ta != tb) return ta < tb;
    return id_of(a) < id_of(b);
  });
  return page_of(rows, query);
}

sdk::HttpResult FakeZohoServer::single(const std::string& module, const std::string& id) {
  for (const auto& row : records_[module]) {
    if (row["id"] == id) return answer(200, json{{"data", json::array({row})}}.dump());
  }
  return answer(204, "");
}

sdk::HttpResult FakeZohoServer::deleted(const std::string& module,
                                        const std::map<std::string, std::string>& query,
                                        const sdk::HttpRequest& request) {
  const auto since = since_of(request);
  std::vector<json> rows;
  for (const auto& row : recycle_bin_[module]) {
    if (!since || time_of(row, "deleted_time") >= *since) rows.push_back(row);
  }
  // Newest first, as the recycle bin lists them.
  std::reverse(rows.begin(), rows.end());
  return page_of(rows, query);
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

}  // namespace crmsync::zoho_crm::testing
