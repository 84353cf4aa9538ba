#include "daemon/plugin_host/plugin_loader.hpp"

#include <exception>

#include <boost/dll/shared_library.hpp>
#include <fmt/format.h>

#include "crmsync/sdk/version.hpp"

namespace crmsync::plugin_host {
namespace {

using LoadResult = Expected<std::shared_ptr<LoadedPlugin>, std::string>;

LoadResult refuse(std::string reason) {
  return Unexpected<std::string>(std::move(reason));
}

}  // namespace

PluginLoader::PluginLoader(PluginFileAuditor auditor) : auditor_(auditor) {}

LoadResult PluginLoader::load(const std::filesystem::path& file) const {
  if (auto problem = auditor_.audit(file)) return refuse(*problem);

  auto library = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code error;
  // RTLD_LOCAL keeps each plugin's symbols to itself; RTLD_NOW surfaces
  // missing symbols at load time instead of mid-sync.
  library->load(boost::dll::fs::path(file.string()),
                boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, error);
  if (error) return refuse(fmt::format("cannot load library: {}", error.message()));

  if (!library->has(sdk::kDescriptorAlias)) {
    return refuse(fmt::format("no '{}' export: not a crmsync connector (use CRMSYNC_CONNECTOR)",
                              sdk::kDescriptorAlias));
  }
  using DescriptorFn = const sdk::PluginDescriptor*();
  const sdk::PluginDescriptor* descriptor = nullptr;
  try {
    descriptor = library->get_alias<DescriptorFn>(sdk::kDescriptorAlias)();
  } catch (...) {
    return refuse("its descriptor function failed");
  }
  if (descriptor == nullptr) return refuse("its descriptor function returned nothing");
  if (descriptor->abi_version != sdk::kAbiVersion) {
    const char* name = descriptor->name != nullptr ? descriptor->name : "?";
    return refuse(fmt::format("connector '{}' built against SDK {}, daemon speaks {}", name,
                              descriptor->abi_version, sdk::kAbiVersion));
  }
  if (descriptor->name == nullptr || *descriptor->name == '\0' || descriptor->create == nullptr) {
    return refuse("its descriptor has no name or no factory");
  }

  auto plugin = std::make_shared<LoadedPlugin>(library, *descriptor, file);
  sdk::Connector* connector = nullptr;
  try {
    connector = descriptor->create();
  } catch (...) {
    connector = nullptr;
  }
  if (connector == nullptr)
    return refuse(fmt::format("connector '{}' failed to construct", descriptor->name));
  plugin->adopt_connector(connector);
  return plugin;
}

}  // namespace crmsync::plugin_host
