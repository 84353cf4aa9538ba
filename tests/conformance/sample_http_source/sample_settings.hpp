#pragma once

#include <string>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

namespace crmsync::conformance::sample {

// The sample source's options, read once from the validated option table.
struct SampleSettings {
  std::string base_url;
  std::string client_id;
  std::string client_secret;
  int page_size = 20;
  double requests_per_second = 10.0;

  static sdk::ConfigSpec spec();
  static SampleSettings from(const sdk::ConfigValue& options);
};

}  // namespace crmsync::conformance::sample
