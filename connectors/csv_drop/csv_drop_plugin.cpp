// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "csv_drop_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::csv_drop::CsvDropConnector, "csv_drop", "1.0.0",
                  "Partner CSV file drops: customers, orders and feedback from an inbox directory")
