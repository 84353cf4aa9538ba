#include "sample_connector.hpp"

#include "sample_settings.hpp"
#include "sample_source.hpp"

namespace crmsync::conformance::sample {

sdk::ConfigSpec SampleConnector::config_spec() const {
  return SampleSettings::spec();
}

std::vector<sdk::ConfigProblem> SampleConnector::validate(const sdk::ConfigValue& options) const {
  std::vector<sdk::ConfigProblem> problems;
  const SampleSettings settings = SampleSettings::from(options);
  if (settings.page_size < 1 || settings.page_size > 50)
    problems.push_back({"page_size", "must be between 1 and 50"});
  if (settings.requests_per_second < 1) problems.push_back({"requests_per_second", "must be at least 1"});
  return problems;
}

std::unique_ptr<sdk::SourceConnector> SampleConnector::create_source(
    const sdk::InstanceContext& context) const {
  if (context.host.http == nullptr) return nullptr;
  return std::make_unique<SampleSource>(context);
}

}  // namespace crmsync::conformance::sample
