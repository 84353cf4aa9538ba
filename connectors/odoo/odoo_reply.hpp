#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"

namespace crmsync::odoo {

// What one call of a model method ended in, whichever protocol carried it.
struct OdooReply {
  enum class Kind {
    ok,      // `result` holds the method's return value
    retry,   // will likely pass later: the host should try again after `retry_after`
    failed,  // needs an operator: bad credentials, a missing model, a refused domain
  };
  Kind kind = Kind::failed;
  nlohmann::json result;
  std::chrono::seconds retry_after{0};
  std::string error;  // names the URL and model.method; never a secret

  [[nodiscard]] static OdooReply success(nlohmann::json result);
  [[nodiscard]] static OdooReply retry(std::chrono::seconds delay, std::string error);
  [[nodiscard]] static OdooReply failure(std::string error);
  // For a send that did not end in an HTTP answer to look at.
  [[nodiscard]] static OdooReply from_transport_trouble(const sdk::HttpResult& result,
                                                        const std::string& where);
  // For an answer whose status says the server is busy or broken (429, 5xx).
  [[nodiscard]] static bool is_temporary_status(long status);

  [[nodiscard]] bool ok() const { return kind == Kind::ok; }
};

}  // namespace crmsync::odoo
