#include "zoho_crm_source.hpp"

#include <exception>
#include <utility>

#include "module_reader.hpp"
#include "zoho_api.hpp"
#include "zoho_cursor.hpp"
#include "zoho_module.hpp"

namespace crmsync::zoho_crm {

ZohoCrmSource::ZohoCrmSource(ZohoSettings settings, std::string instance_name, sdk::HostServices host)
    : settings_(std::move(settings)),
      instance_name_(std::move(instance_name)),
      host_(host),
      token_source_(settings_) {}

std::vector<sdk::StreamInfo> ZohoCrmSource::streams() const {
  std::vector<sdk::StreamInfo> streams;
  for (const auto& module : zoho_modules()) streams.push_back({module.stream, module.entity});
  return streams;
}

sdk::Status ZohoCrmSource::read(const std::string& stream, const std::string& cursor_text,
                                sdk::BatchSink& sink) {
  const std::string place = "zoho_crm instance '" + instance_name_ + "', stream '" + stream + "'";
  try {
    const ZohoModule* module = find_zoho_module(stream);
    if (module == nullptr) return sdk::Status::failure(place + ": no such stream");
    std::string error;
    auto cursor = ZohoCursor::parse(cursor_text, error);
    if (!cursor) return sdk::Status::failure(place + ": unreadable cursor: " + error);
    if (host_.http == nullptr) return sdk::Status::failure(place + ": the host offers no HTTP service");
    if (!client_) {
      sdk::HttpClientOptions options;
      // One budget per credential: every stream of the instance draws on it.
      options.budget_key = "zoho_crm:" + settings_.token_url + ":" + settings_.client_id;
      options.requests_per_second = settings_.requests_per_second;
      options.burst = settings_.requests_per_second;
      options.ca_file = settings_.ca_file;
      options.token_source = &token_source_;
      client_ = host_.http->create_client(options);
      if (!client_) return sdk::Status::failure(place + ": the host could not create an HTTP client");
    }
    ZohoApi api(settings_, *client_, instance_name_);
    ModuleReader reader(*module, api, settings_.page_size, settings_.sync_deletions);
    return reader.read(std::move(*cursor), sink);
  } catch (const std::exception& e) {
    return sdk::Status::failure(place + ": " + e.what());
  }
}

}  // namespace crmsync::zoho_crm
