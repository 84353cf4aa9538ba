// The plugin's entry: its descriptor, exported as `crmsync_plugin`.
#include "crmsync/sdk/connector.hpp"

#include "smtp_connector.hpp"

CRMSYNC_CONNECTOR(crmsync::smtp::SmtpConnector, "smtp", "1.0.0",
                  "Survey and reminder emails over SMTP (STARTTLS or TLS, one-click unsubscribe)")
