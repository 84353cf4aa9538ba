#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "odoo_transport.hpp"

namespace crmsync::odoo::testing {

// An in-memory Odoo behind the OdooTransport interface: search_read and
// search over rows, with the domain leaves (=, !=, >, >=, in, not in), the
// prefix operators |, & and ! with implicit AND, orderings, limits and
// active_test handling the connector relies on.
class FakeOdooServer final : public OdooTransport {
 public:
  struct Call {
    std::string model;
    std::string method;
    nlohmann::json kwargs;
  };

  OdooReply call(const std::string& model, const std::string& method, const nlohmann::json& kwargs) override;

  void add(const std::string& model, nlohmann::json row) { rows_[model].push_back(std::move(row)); }
  // The row with this id, to change in place; fails the test when absent.
  nlohmann::json& row(const std::string& model, long long id);
  void unlink(const std::string& model, long long id);
  // The next `count` calls answer `reply` instead of running.
  void fail_next(int count, OdooReply reply);

  std::vector<Call> calls;

 private:
  [[nodiscard]] std::vector<nlohmann::json> matching(const std::string& model,
                                                     const nlohmann::json& kwargs) const;

  std::map<std::string, std::vector<nlohmann::json>> rows_;
  int failures_left_ = 0;
  OdooReply failure_;
};

}  // namespace crmsync::odoo::testing
