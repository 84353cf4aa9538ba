#include "salesforce_source.hpp"

#include <exception>
#include <utility>

#include "salesforce_api.hpp"
#include "salesforce_cursor.hpp"
#include "stream_reader.hpp"

namespace crmsync::salesforce {

SalesforceSource::SalesforceSource(SalesforceSettings settings, std::string instance_name,
                                   sdk::HostServices host)
    : settings_(std::move(settings)),
      instance_name_(std::move(instance_name)),
      host_(host),
      token_source_(settings_),
      mapper_(settings_.currency) {}

std::vector<sdk::StreamInfo> SalesforceSource::streams() const {
  std::vector<sdk::StreamInfo> streams;
  for (const auto& stream : SalesforceStream::all()) streams.push_back({stream.name, stream.entity});
  return streams;
}

sdk::Status SalesforceSource::read(const std::string& stream, const std::string& cursor,
                                   sdk::BatchSink& sink) {
  const std::string place = "salesforce instance '" + instance_name_ + "', stream '" + stream + "'";
  try {
    return read_checked(stream, cursor, sink, place);
  } catch (const std::exception& e) {
    return sdk::Status::failure(place + ": " + e.what());
  }
}

sdk::Status SalesforceSource::read_checked(const std::string& stream_name, const std::string& cursor_text,
                                           sdk::BatchSink& sink, const std::string& place) {
  const SalesforceStream* stream = SalesforceStream::find(stream_name);
  if (stream == nullptr) return sdk::Status::failure(place + ": no such stream");
  std::string error;
  std::optional<SalesforceCursor> cursor = SalesforceCursor::parse(cursor_text, error);
  if (!cursor) return sdk::Status::failure(place + ": unreadable cursor: " + error);
  if (!client_) {
    if (host_.http == nullptr) return sdk::Status::failure(place + ": the host offers no HTTP service");
    sdk::HttpClientOptions options;
    // One budget per credential: every stream of the instance draws on the org's limit.
    options.budget_key = "salesforce:" + settings_.token_url + ":" + settings_.client_id;
    options.requests_per_second = settings_.requests_per_second;
    options.burst = static_cast<int>(settings_.requests_per_second);
    options.ca_file = settings_.ca_file;
    options.token_source = &token_source_;
    client_ = host_.http->create_client(options);
    if (!client_) return sdk::Status::failure(place + ": the host could not create an HTTP client");
  }
  SalesforceApi api(settings_, *client_, token_source_.api_origin(), place);
  StreamReader reader(*stream, api, mapper_, settings_.sync_deletions, settings_.currency.empty());
  return reader.read(std::move(*cursor), sink);
}

}  // namespace crmsync::salesforce
