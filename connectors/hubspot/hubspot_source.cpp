#include "hubspot_source.hpp"

#include <chrono>
#include <exception>
#include <optional>
#include <utility>

#include "hubspot_api.hpp"
#include "hubspot_cursor.hpp"
#include "hubspot_object.hpp"
#include "object_reader.hpp"

namespace crmsync::hubspot {

HubSpotSource::HubSpotSource(HubSpotSettings settings, std::string instance_name, sdk::HostServices host)
    : settings_(std::move(settings)),
      instance_name_(std::move(instance_name)),
      host_(host),
      token_source_(settings_) {}

std::vector<sdk::StreamInfo> HubSpotSource::streams() const {
  std::vector<sdk::StreamInfo> streams;
  for (const auto& object : hubspot_objects()) streams.push_back({object.stream, object.entity});
  return streams;
}

sdk::Status HubSpotSource::read(const std::string& stream, const std::string& cursor_text,
                                sdk::BatchSink& sink) {
  const std::string place = "hubspot instance '" + instance_name_ + "', stream '" + stream + "'";
  try {
    const HubSpotObject* object = find_hubspot_object(stream);
    if (object == nullptr) return sdk::Status::failure(place + ": no such stream");
    std::string error;
    auto cursor = HubSpotCursor::parse(cursor_text, error);
    if (!cursor) return sdk::Status::failure(place + ": unreadable cursor: " + error);
    if (host_.http == nullptr) return sdk::Status::failure(place + ": the host offers no HTTP service");
    if (!client_) {
      sdk::HttpClientOptions options;
      // One budget per credential: every stream of the instance draws on it.
      options.budget_key = "hubspot:" + settings_.base_url + ":" +
                           (settings_.uses_oauth() ? settings_.client_id : instance_name_);
      options.requests_per_second = settings_.requests_per_second;
      options.burst = settings_.requests_per_second;
      options.ca_file = settings_.ca_file;
      options.token_source = settings_.uses_oauth() ? &token_source_ : nullptr;
      client_ = host_.http->create_client(options);
      if (!client_) return sdk::Status::failure(place + ": the host could not create an HTTP client");
    }
    HubSpotApi api(settings_, *client_, instance_name_);
    std::optional<std::int64_t> settled_before;
    if (host_.clock != nullptr && settings_.search_settle.count() > 0) {
      const auto now =
          std::chrono::duration_cast<std::chrono::milliseconds>(host_.clock->now().time_since_epoch());
      settled_before = (now - settings_.search_settle).count();
    }
    ObjectReader reader(*object, api, settings_.page_size, settings_.sync_deletions, settled_before);
    return reader.read(std::move(*cursor), sink);
  } catch (const std::exception& e) {
    return sdk::Status::failure(place + ": " + e.what());
  }
}

}  // namespace crmsync::hubspot
