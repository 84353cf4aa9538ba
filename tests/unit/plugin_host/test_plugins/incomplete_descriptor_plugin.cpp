// Exports the alias, but its descriptor names no connector and has no factory:
// a hand-written export that skipped CRMSYNC_CONNECTOR.
#include "crmsync/sdk/connector.hpp"

namespace {
const crmsync::sdk::PluginDescriptor kDescriptor{crmsync::sdk::kAbiVersion, "", "1.0.0", "test", "", nullptr};
const crmsync::sdk::PluginDescriptor* descriptor() {
  return &kDescriptor;
}
}  // namespace

BOOST_DLL_ALIAS(descriptor, crmsync_plugin)
