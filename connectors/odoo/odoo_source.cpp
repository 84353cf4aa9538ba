#include "odoo_source.hpp"

#include <exception>
#include <utility>

#include "json2_transport.hpp"
#include "json_rpc_transport.hpp"
#include "model_stream_reader.hpp"

namespace crmsync::odoo {

OdooSource::OdooSource(std::string instance, OdooSettings settings, sdk::HostServices host)
    : instance_(std::move(instance)),
      settings_(std::move(settings)),
      host_(host),
      streams_(ModelStream::all(settings_)) {}

std::vector<sdk::StreamInfo> OdooSource::streams() const {
  std::vector<sdk::StreamInfo> out;
  out.reserve(streams_.size());
  for (const auto& stream : streams_) out.push_back({stream.name, stream.entity});
  return out;
}

std::unique_ptr<OdooTransport> OdooSource::open_transport() const {
  if (host_.http == nullptr) return nullptr;
  sdk::HttpClientOptions options;
  // One budget per server and credential: all streams of the instance slow
  // down together.
  options.budget_key = "odoo:" + settings_.base_url + ":" + settings_.database + ":" + settings_.login;
  options.requests_per_second = settings_.requests_per_second;
  options.burst = static_cast<int>(settings_.requests_per_second) * 2;
  options.ca_file = settings_.ca_file;
  if (settings_.protocol == OdooProtocol::json2) {
    return std::make_unique<Json2Transport>(settings_, *host_.http, options);
  }
  return std::make_unique<JsonRpcTransport>(settings_, *host_.http, options);
}

sdk::Status OdooSource::read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) {
  const std::string where = "instance '" + instance_ + "' stream '" + stream + "'";
  try {
    const ModelStream* found = nullptr;
    for (const auto& candidate : streams_) {
      if (candidate.name == stream) found = &candidate;
    }
    if (found == nullptr) return sdk::Status::failure(where + ": odoo has no such stream");
    auto transport = open_transport();
    if (!transport) return sdk::Status::failure(where + ": the host lends no HTTP service to connectors");
    ModelStreamReader reader(instance_, *found, settings_, *transport, host_.clock);
    return reader.read(cursor, sink);
  } catch (const std::exception& e) {
    return sdk::Status::failure(where + ": " + e.what());
  }
}

}  // namespace crmsync::odoo
