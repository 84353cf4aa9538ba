#pragma once

#include <chrono>
#include <string>

namespace crmsync::smtp {

// One message ready to be written out as MIME: every text is UTF-8, every
// address already checked.
struct OutgoingEmail {
  std::string from_address;
  std::string from_name;
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string text_body;
  std::string html_body;           // empty: a text/plain message only
  std::string message_id;          // "<local@domain>"
  std::string unsubscribe_url;     // https, for List-Unsubscribe (RFC 8058)
  std::string unsubscribe_mailto;  // optional second List-Unsubscribe target
  std::string language;            // Content-Language, optional
  std::chrono::system_clock::time_point date;
};

}  // namespace crmsync::smtp
