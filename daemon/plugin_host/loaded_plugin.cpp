#include "daemon/plugin_host/loaded_plugin.hpp"

#include <exception>

#include <boost/dll/shared_library.hpp>

namespace crmsync::plugin_host {
namespace {

// Runs a call into plugin code; whatever it throws is caught here, while the
// library is still loaded, and turned into a message.
template <typename Fn>
auto guarded(const std::string& plugin, const char* what, Fn&& fn) -> Expected<decltype(fn()), std::string> {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Unexpected<std::string>("plugin '" + plugin + "' threw from " + what + ": " + e.what());
  } catch (...) {
    return Unexpected<std::string>("plugin '" + plugin + "' threw a non-standard exception from " + what);
  }
}

}  // namespace

LoadedPlugin::LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library,
                           const sdk::PluginDescriptor& descriptor, std::filesystem::path path)
    : library_(std::move(library)),
      name_(descriptor.name != nullptr ? descriptor.name : ""),
      version_(descriptor.version != nullptr ? descriptor.version : ""),
      build_id_(descriptor.build_id != nullptr ? descriptor.build_id : ""),
      description_(descriptor.description != nullptr ? descriptor.description : ""),
      abi_version_(descriptor.abi_version),
      path_(std::move(path)) {}

void LoadedPlugin::adopt_connector(sdk::Connector* connector) {
  auto library = library_;
  connector_ = std::shared_ptr<sdk::Connector>(connector, [library](sdk::Connector* c) { delete c; });
}

Expected<sdk::ConfigSpec, std::string> LoadedPlugin::config_spec() const {
  return guarded(name_, "config_spec()", [&] { return connector_->config_spec(); });
}

std::vector<sdk::ConfigProblem> LoadedPlugin::validate(const sdk::ConfigValue& options) const {
  auto problems = guarded(name_, "validate()", [&] { return connector_->validate(options); });
  if (problems) return std::move(problems).value();
  return {sdk::ConfigProblem{"", problems.error()}};
}

Expected<std::shared_ptr<sdk::SourceConnector>, std::string> LoadedPlugin::create_source(
    const sdk::InstanceContext& context) const {
  auto made = guarded(name_, "create_source()", [&] { return connector_->create_source(context); });
  if (!made) return Unexpected<std::string>(made.error());
  if (!made.value()) return Unexpected<std::string>("plugin '" + name_ + "' is not a source connector");
  auto library = library_;
  auto connector = connector_;  // the factory outlives what it made, too
  return std::shared_ptr<sdk::SourceConnector>(made.value().release(),
                                               [library, connector](sdk::SourceConnector* s) { delete s; });
}

Expected<std::shared_ptr<sdk::ActionConnector>, std::string> LoadedPlugin::create_action(
    const sdk::InstanceContext& context) const {
  auto made = guarded(name_, "create_action()", [&] { return connector_->create_action(context); });
  if (!made) return Unexpected<std::string>(made.error());
  if (!made.value()) return Unexpected<std::string>("plugin '" + name_ + "' is not an action connector");
  auto library = library_;
  auto connector = connector_;
  return std::shared_ptr<sdk::ActionConnector>(made.value().release(),
                                               [library, connector](sdk::ActionConnector* a) { delete a; });
}

}  // namespace crmsync::plugin_host
