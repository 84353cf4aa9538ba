// The entry file: only the export. The daemon finds the descriptor under the
// alias `crmsync_plugin` and checks its SDK ABI version before anything else.
#include "crmsync/sdk/connector.hpp"

#include "template_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::connectors::template_connector::TemplateConnector, "template", "1.0.0",
                  "Example source connector: generated customers (copy me)")
