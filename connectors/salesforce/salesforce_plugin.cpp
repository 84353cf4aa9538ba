// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "salesforce_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::salesforce::SalesforceConnector, "salesforce", "1.0.0",
                  "Salesforce: accounts, contacts, orders with order items, and cases")
