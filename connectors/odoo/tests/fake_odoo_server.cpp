#include "fake_odoo_server.hpp"

#include <algorithm>
#include <stdexcept>

namespace crmsync::odoo::testing {
namespace {

bool contains_value(const nlohmann::json& list, const nlohmann::json& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// many2one values compare by their id, as Odoo does in a domain.
nlohmann::json comparable(const nlohmann::json& value) {
  return value.is_array() && !value.empty() ? value[0] : value;
}

bool matches(const nlohmann::json& row, const nlohmann::json& leaf) {
  if (!leaf.is_array() || leaf.size() != 3)
    throw std::runtime_error("unsupported domain term " + leaf.dump());
  const std::string field = leaf[0];
  const std::string op = leaf[1];
  const nlohmann::json& value = leaf[2];
  const nlohmann::json actual = comparable(row.value(field, nlohmann::json(false)));
  if (op == "=") return actual == value;
  if (op == "!=") return actual != value;
  if (op == ">") return actual > value;
  if (op == ">=") return actual >= value;
  if (op == "in") return contains_value(value, actual);
  if (op == "not in") return !contains_value(value, actual);
  throw std::runtime_error("unsupported operator " + op);
}

// Evaluates the expression starting at `pos` of a prefix-notation domain.
bool evaluate(const nlohmann::json& row, const nlohmann::json& domain, std::size_t& pos) {
  if (pos >= domain.size()) throw std::runtime_error("domain ends early: " + domain.dump());
  const nlohmann::json& term = domain[pos++];
  if (term == "|") {
    const bool left = evaluate(row, domain, pos);
    return evaluate(row, domain, pos) || left;
  }
  if (term == "&") {
    const bool left = evaluate(row, domain, pos);
    return evaluate(row, domain, pos) && left;
  }
  if (term == "!") return !evaluate(row, domain, pos);
  return matches(row, term);
}

bool satisfies(const nlohmann::json& row, const nlohmann::json& domain) {
  std::size_t pos = 0;
  bool all = true;
  while (pos < domain.size()) all = evaluate(row, domain, pos) && all;  // implicit AND
  return all;
}

}  // namespace

nlohmann::json& FakeOdooServer::row(const std::string& model, long long id) {
  for (auto& r : rows_[model]) {
    if (r["id"] == id) return r;
  }
  throw std::runtime_error(model + " has no row " + std::to_string(id));
}

void FakeOdooServer::unlink(const std::string& model, long long id) {
  auto& rows = rows_[model];
  std::erase_if(rows, [id](const nlohmann::json& r) { return r["id"] == id; });
}

void FakeOdooServer::fail_next(int count, OdooReply reply) {
  failures_left_ = count;
  failure_ = std::move(reply);
}

std::vector<nlohmann::json> FakeOdooServer::matching(const std::string& model,
                                                     const nlohmann::json& kwargs) const {
  const auto found = rows_.find(model);
  std::vector<nlohmann::json> out;
  if (found == rows_.end()) return out;
  const bool active_test = kwargs.value("context", nlohmann::json::object()).value("active_test", true);
  const nlohmann::json domain = kwargs.value("domain", nlohmann::json::array());
  for (const auto& r : found->second) {
    if (active_test && r.value("active", true) == false) continue;
    if (satisfies(r, domain)) out.push_back(r);
  }
  const std::string order = kwargs.value("order", std::string("id asc"));
  std::stable_sort(out.begin(), out.end(), [&order](const nlohmann::json& a, const nlohmann::json& b) {
    if (order.rfind("write_date", 0) == 0 && a["write_date"] != b["write_date"]) {
      return a["write_date"] < b["write_date"];
    }
    return a["id"] < b["id"];
  });
  if (const auto limit = kwargs.find("limit"); limit != kwargs.end() && limit->is_number_integer()) {
    if (out.size() > limit->get<std::size_t>()) out.resize(limit->get<std::size_t>());
  }
  return out;
}

OdooReply FakeOdooServer::call(const std::string& model, const std::string& method,
                               const nlohmann::json& kwargs) {
  calls.push_back({model, method, kwargs});
  if (failures_left_ > 0) {
    --failures_left_;
    return failure_;
  }
  const auto rows = matching(model, kwargs);
  nlohmann::json result = nlohmann::json::array();
  if (method == "search") {
    for (const auto& r : rows) result.push_back(r["id"]);
    return OdooReply::success(result);
  }
  if (method != "search_read") return OdooReply::failure("fake has no method " + method);
  const nlohmann::json fields = kwargs.value("fields", nlohmann::json::array());
  for (const auto& r : rows) {
    if (fields.empty()) {
      result.push_back(r);
      continue;
    }
    nlohmann::json picked = {{"id", r["id"]}};
    for (const auto& f : fields) {
      const std::string name = f;
      if (r.contains(name)) picked[name] = r[name];
    }
    result.push_back(picked);
  }
  return OdooReply::success(result);
}

}  // namespace crmsync::odoo::testing
