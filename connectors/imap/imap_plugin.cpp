// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "imap_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::imap::ImapConnector, "imap", "1.0.0",
                  "Survey replies from an IMAP mailbox: scores and comments as feedback")
