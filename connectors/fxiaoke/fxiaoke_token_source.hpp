#pragma once

#include <string>

#include "crmsync/sdk/http.hpp"

#include "fxiaoke_settings.hpp"

namespace crmsync::fxiaoke {

// Fxiaoke's corpAccessToken flow: appId + appSecret + permanentCode give a
// token valid for up to 7200 s, and every business call carries it in its
// JSON body together with corpId and currentOpenUserId. Errors, including an
// expired token (errorCode 20016), come back in HTTP 200 bodies.
class FxiaokeTokenSource final : public sdk::TokenSource {
 public:
  static constexpr const char* kCorpId = "corpId";
  static constexpr int kTokenExpired = 20016;

  explicit FxiaokeTokenSource(const FxiaokeSettings& settings);

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

 private:
  const FxiaokeSettings& settings_;
};

}  // namespace crmsync::fxiaoke
