// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "hubspot_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::hubspot::HubSpotConnector, "hubspot", "1.0.0",
                  "HubSpot CRM: contacts, companies, deals with line items, and notes")
