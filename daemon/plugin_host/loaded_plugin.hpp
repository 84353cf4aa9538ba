#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "crmsync/sdk/connector.hpp"

#include "daemon/common/expected.hpp"

namespace boost::dll {
class shared_library;
}

namespace crmsync::plugin_host {

// A plugin library and the Connector it exported. Every object that comes out
// of the library (the Connector, each source or action instance) holds a
// reference to the library, so the .so can never be unloaded under it.
class LoadedPlugin {
 public:
  LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library, const sdk::PluginDescriptor& descriptor,
               std::filesystem::path path);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& version() const { return version_; }
  [[nodiscard]] const std::string& build_id() const { return build_id_; }
  [[nodiscard]] const std::string& description() const { return description_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::uint32_t abi_version() const { return abi_version_; }

  // The plugin's option table and validation; plugin exceptions become problems.
  [[nodiscard]] Expected<sdk::ConfigSpec, std::string> config_spec() const;
  [[nodiscard]] std::vector<sdk::ConfigProblem> validate(const sdk::ConfigValue& options) const;

  // New instances, owned together with the library. nullptr-free: an error
  // says why no instance could be made.
  [[nodiscard]] Expected<std::shared_ptr<sdk::SourceConnector>, std::string> create_source(
      const sdk::InstanceContext& context) const;
  [[nodiscard]] Expected<std::shared_ptr<sdk::ActionConnector>, std::string> create_action(
      const sdk::InstanceContext& context) const;

  // Only for the loader: takes ownership of the factory made by the descriptor.
  void adopt_connector(sdk::Connector* connector);
  [[nodiscard]] bool has_connector() const { return connector_ != nullptr; }

 private:
  std::shared_ptr<boost::dll::shared_library> library_;
  std::shared_ptr<sdk::Connector> connector_;  // declared after library_: destroyed first
  std::string name_;
  std::string version_;
  std::string build_id_;
  std::string description_;
  std::uint32_t abi_version_;
  std::filesystem::path path_;
};

}  // namespace crmsync::plugin_host
