// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "fxiaoke_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::fxiaoke::FxiaokeConnector, "fxiaoke", "1.0.0",
                  "Fxiaoke (纷享销客): accounts, contacts, sales orders with products, and cases")
