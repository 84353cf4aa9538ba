#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "model_stream.hpp"
#include "odoo_settings.hpp"
#include "odoo_transport.hpp"

namespace crmsync::odoo {

// One configured Odoo instance. Each read opens its own transport (an HTTP
// client is not shared between threads) in the protocol the options chose.
class OdooSource final : public sdk::SourceConnector {
 public:
  OdooSource(std::string instance, OdooSettings settings, sdk::HostServices host);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  // A transport in the configured protocol over the host's HTTP service;
  // nullptr when the host lends none.
  [[nodiscard]] std::unique_ptr<OdooTransport> open_transport() const;

  std::string instance_;
  OdooSettings settings_;
  sdk::HostServices host_;
  std::vector<ModelStream> streams_;
};

}  // namespace crmsync::odoo
