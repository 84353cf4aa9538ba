#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/http.hpp"

namespace crmsync::odoo::testing {

// The host's HTTP service as the SDK describes it, over a function that
// answers requests: it fetches a token through the TokenSource before the
// first authorized request, applies it, and on a rejected answer refreshes
// once and resends. Every request that reached the "server" is kept.
class ScriptedHttpHost final : public sdk::HttpService {
 public:
  using Server = std::function<sdk::HttpResponse(const sdk::HttpRequest&)>;

  explicit ScriptedHttpHost(Server server) : server_(std::move(server)) {}

  [[nodiscard]] std::unique_ptr<sdk::HttpClient> create_client(
      const sdk::HttpClientOptions& options) override;

  // The next send answers this instead of asking the server.
  void queue_result(sdk::HttpResult result) { queued_.push_back(std::move(result)); }

  std::vector<sdk::HttpRequest> requests;
  std::vector<sdk::HttpClientOptions> clients;

 private:
  friend class ScriptedHttpClient;
  Server server_;
  std::deque<sdk::HttpResult> queued_;
};

class ScriptedHttpClient final : public sdk::HttpClient {
 public:
  ScriptedHttpClient(ScriptedHttpHost& host, sdk::TokenSource* tokens) : host_(host), tokens_(tokens) {}
  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override { token_.reset(); }

 private:
  sdk::HttpResponse ask(const sdk::HttpRequest& request);
  bool refresh(sdk::HttpResult& failure);

  ScriptedHttpHost& host_;
  sdk::TokenSource* tokens_;
  std::optional<sdk::AccessToken> token_;
};

}  // namespace crmsync::odoo::testing
