#include "sample_source.hpp"

#include "url_encoding.hpp"
#include "utc_time_text.hpp"

namespace crmsync::conformance::sample {
namespace {

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

}  // namespace

SampleSource::SampleSource(const sdk::InstanceContext& context)
    : settings_(SampleSettings::from(context.options)),
      tokens_(settings_),
      logger_(context.host.logger),
      instance_(context.instance_name) {
  sdk::HttpClientOptions options;
  options.requests_per_second = settings_.requests_per_second;
  options.burst = 5;
  options.token_source = &tokens_;
  client_ = context.host.http->create_client(options);
}

std::vector<sdk::StreamInfo> SampleSource::streams() const {
  return {{"customers", sdk::EntityType::customer}};
}

std::string SampleSource::page_url(const std::string& cursor, const std::string& page_token) const {
  std::string url = settings_.base_url + "/api/v1/customers?limit=" + std::to_string(settings_.page_size);
  if (!page_token.empty()) return url + "&cursor=" + url_encode(page_token);
  if (!cursor.empty()) url += "&updated_since=" + url_encode(cursor);
  return url;
}

sdk::RecordBatch SampleSource::batch_of(const nlohmann::json& page, std::string& cursor) const {
  sdk::RecordBatch batch;
  const auto& data = page.at("data");
#ifdef SAMPLE_HTTP_SOURCE_BROKEN
  // The deliberate bug of the broken variant: the last record of every full page is skipped.
  const std::size_t usable =
      data.size() == static_cast<std::size_t>(settings_.page_size) ? data.size() - 1 : data.size();
#else
  const std::size_t usable = data.size();
#endif
  for (std::size_t i = 0; i < usable; ++i) {
    const auto& item = data[i];
    const std::string location = "customers page item " + std::to_string(i);
    const auto updated =
        item.contains("updated_at") ? to_utc_text(text_of(item["updated_at"])) : std::nullopt;
    if (!item.contains("id") || text_of(item["id"]).empty() || !updated) {
      batch.rejections.push_back({item.contains("id") ? text_of(item["id"]) : "", location,
                                  !updated ? "record without a readable updated_at" : "record without an id",
                                  item.dump()});
      continue;
    }
    sdk::RawRecord record;
    record.external_id = text_of(item["id"]);
    record.entity = sdk::EntityType::customer;
    record.fields[sdk::field::kName] = text_of(item.value("name", nlohmann::json()));
    if (item.contains("email") && !item["email"].is_null())
      record.fields[sdk::field::kEmail] = text_of(item["email"]);
    record.fields[sdk::field::kUpdatedAt] = *updated;
    record.deleted = item.value("deleted", false);
    record.payload = item.dump();
    record.location = location;
    batch.records.push_back(std::move(record));
    if (*updated > cursor) cursor = *updated;
  }
  batch.cursor = cursor;
  return batch;
}

sdk::Status SampleSource::read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) {
  if (stream != "customers")
    return sdk::Status::failure("instance " + instance_ + ": no stream '" + stream + "'");
  std::string position = cursor;
  std::string page_token;
  for (;;) {
    sdk::HttpRequest request;
    request.url = page_url(cursor, page_token);
    const sdk::HttpResult result = client_->send(request);
    if (result.kind == sdk::HttpResult::Kind::retry_later) {
      return sdk::Status::retry_after(result.retry_after,
                                      "instance " + instance_ + ", stream customers: " + result.error);
    }
    if (result.kind == sdk::HttpResult::Kind::failed) {
      return sdk::Status::failure("instance " + instance_ + ", stream customers: " + result.error);
    }
    const auto page = nlohmann::json::parse(result.response.body, nullptr, false);
    if (result.response.status != 200 || !page.is_object() || !page.contains("data") ||
        !page["data"].is_array()) {
      return sdk::Status::failure("instance " + instance_ + ", stream customers: HTTP " +
                                  std::to_string(result.response.status) + ": " +
                                  result.response.body.substr(0, 300));
    }
    sdk::RecordBatch batch = batch_of(page, position);
    const bool last_page = !page.contains("next_cursor") || page["next_cursor"].is_null();
    if (!batch.records.empty() || !batch.rejections.empty()) {
      if (!sink.emit(std::move(batch))) return sdk::Status::success();
    }
    if (last_page) return sdk::Status::success();
    page_token = page["next_cursor"].get<std::string>();
  }
}

}  // namespace crmsync::conformance::sample
