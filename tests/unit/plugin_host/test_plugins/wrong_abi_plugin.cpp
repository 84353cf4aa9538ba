// A plugin built against another SDK: its descriptor carries a different ABI version.
#include "crmsync/sdk/connector.hpp"

namespace {
const crmsync::sdk::PluginDescriptor kDescriptor{crmsync::sdk::kAbiVersion + 1, "wrong_abi", "1.0.0", "test",
                                                 "built against a future SDK",  nullptr};
const crmsync::sdk::PluginDescriptor* descriptor() {
  return &kDescriptor;
}
}  // namespace

BOOST_DLL_ALIAS(descriptor, crmsync_plugin)
