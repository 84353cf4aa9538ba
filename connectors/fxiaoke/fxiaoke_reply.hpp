#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"

namespace crmsync::fxiaoke {

// An Fxiaoke answer: HTTP 200 with {"errorCode": 0 | n, "errorMessage",
// "errorDescription", ...}. Only errorCode decides; messages are for people.
class FxiaokeReply {
 public:
  [[nodiscard]] static FxiaokeReply parse(const sdk::HttpResponse& response);

  [[nodiscard]] bool ok() const { return http_status_ == 200 && error_code_ == 0 && body_.is_object(); }
  [[nodiscard]] long long error_code() const { return error_code_; }
  [[nodiscard]] const nlohmann::json& body() const { return body_; }
  // "HTTP 200 errorCode 10013: offset out of range 10000 (offset 不能超过10000)"
  [[nodiscard]] std::string describe() const;

  // Codes that pass with time: frequency limits (30004, 14001) and the daily quota (30002).
  [[nodiscard]] bool is_rate_limited() const;
  [[nodiscard]] bool is_daily_quota() const { return error_code_ == 30002; }

 private:
  long http_status_ = 0;
  long long error_code_ = -1;  // -1: the body had no errorCode
  nlohmann::json body_;
  std::string message_;
};

}  // namespace crmsync::fxiaoke
