#include "fxiaoke_connector.hpp"

#include "fxiaoke_settings.hpp"
#include "fxiaoke_source.hpp"

namespace crmsync::fxiaoke {

sdk::ConfigSpec FxiaokeConnector::config_spec() const {
  return FxiaokeSettings::spec();
}

std::vector<sdk::ConfigProblem> FxiaokeConnector::validate(const sdk::ConfigValue& options) const {
  return FxiaokeSettings::check(options);
}

std::unique_ptr<sdk::SourceConnector> FxiaokeConnector::create_source(
    const sdk::InstanceContext& context) const {
  return std::make_unique<FxiaokeSource>(FxiaokeSettings::from(context.options), context.instance_name,
                                         context.host);
}

}  // namespace crmsync::fxiaoke
