#include "fxiaoke_source.hpp"

#include <exception>
#include <utility>

#include "fxiaoke_api.hpp"
#include "fxiaoke_cursor.hpp"
#include "object_reader.hpp"

namespace crmsync::fxiaoke {

FxiaokeSource::FxiaokeSource(FxiaokeSettings settings, std::string instance_name, sdk::HostServices host)
    : settings_(std::move(settings)),
      instance_name_(std::move(instance_name)),
      host_(host),
      token_source_(settings_),
      mapper_(settings_.currency) {}

std::vector<sdk::StreamInfo> FxiaokeSource::streams() const {
  std::vector<sdk::StreamInfo> streams;
  for (const auto& stream : FxiaokeStream::all()) streams.push_back({stream.name, stream.entity});
  return streams;
}

sdk::Status FxiaokeSource::read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) {
  const std::string place = "fxiaoke instance '" + instance_name_ + "', stream '" + stream + "'";
  try {
    return read_checked(stream, cursor, sink, place);
  } catch (const std::exception& e) {
    return sdk::Status::failure(place + ": " + e.what());
  }
}

sdk::Status FxiaokeSource::read_checked(const std::string& stream_name, const std::string& cursor_text,
                                        sdk::BatchSink& sink, const std::string& place) {
  const FxiaokeStream* stream = FxiaokeStream::find(stream_name);
  if (stream == nullptr) return sdk::Status::failure(place + ": no such stream");
  std::string error;
  std::optional<FxiaokeCursor> cursor = FxiaokeCursor::parse(cursor_text, error);
  if (!cursor) return sdk::Status::failure(place + ": unreadable cursor: " + error);
  if (!client_) {
    if (host_.http == nullptr) return sdk::Status::failure(place + ": the host offers no HTTP service");
    sdk::HttpClientOptions options;
    // One budget per credential: every stream of the instance shares the tenant's limits.
    options.budget_key = "fxiaoke:" + settings_.base_url + ":" + settings_.app_id;
    options.requests_per_second = settings_.requests_per_second;
    options.burst = static_cast<int>(settings_.requests_per_second);
    options.ca_file = settings_.ca_file;
    options.token_source = &token_source_;
    client_ = host_.http->create_client(options);
    if (!client_) return sdk::Status::failure(place + ": the host could not create an HTTP client");
  }
  FxiaokeApi api(settings_, *client_, place);
  ObjectReader reader(*stream, api, mapper_, settings_.page_size);
  return reader.read(std::move(*cursor), sink);
}

}  // namespace crmsync::fxiaoke
