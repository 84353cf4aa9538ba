// Exports the alias, but the function behind it returns no descriptor.
#include "crmsync/sdk/connector.hpp"

namespace {
const crmsync::sdk::PluginDescriptor* descriptor() {
  return nullptr;
}
}  // namespace

BOOST_DLL_ALIAS(descriptor, crmsync_plugin)
