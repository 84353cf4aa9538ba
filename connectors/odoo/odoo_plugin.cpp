// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "odoo_connector.hpp"

CRMSYNC_CONNECTOR(
    crmsync::odoo::OdooConnector, "odoo", "1.0.0",
    "Odoo: partners, sale orders with lines, chatter notes and helpdesk tickets via JSON-RPC or JSON-2")
