#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace crmsync::testing {

// Talks to a test server's control endpoints (/__mock/... or /__script)
// with plain libcurl, independent of the HTTP client under test.
class MockControl {
 public:
  explicit MockControl(std::string base_url);

  nlohmann::json get(const std::string& path) const;
  nlohmann::json post(const std::string& path, const nlohmann::json& body) const;

 private:
  nlohmann::json exchange(const std::string& method, const std::string& path, const std::string& body) const;

  std::string base_url_;
};

}  // namespace crmsync::testing
