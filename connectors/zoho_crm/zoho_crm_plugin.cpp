// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "zoho_crm_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::zoho_crm::ZohoCrmConnector, "zoho_crm", "1.0.0",
                  "Zoho CRM: contacts, accounts, sales orders with line items, notes and cases")
