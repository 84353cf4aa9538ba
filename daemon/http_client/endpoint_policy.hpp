#pragma once

#include <optional>
#include <string>

namespace crmsync::http_client {

// Which URLs the host will talk to: https anywhere (always verified), plain
// http only to the loopback interface, where tests run their mock servers.
class EndpointPolicy {
 public:
  // Why `url` is refused, or nullopt when it may be used.
  [[nodiscard]] static std::optional<std::string> refusal(const std::string& url);
  [[nodiscard]] static bool is_loopback_host(const std::string& host);
};

}  // namespace crmsync::http_client
