#include "mock_control.hpp"

#include <memory>
#include <stdexcept>

#include <curl/curl.h>

namespace crmsync::testing {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

}  // namespace

MockControl::MockControl(std::string base_url) : base_url_(std::move(base_url)) {}

nlohmann::json MockControl::get(const std::string& path) const {
  return exchange("GET", path, "");
}

nlohmann::json MockControl::post(const std::string& path, const nlohmann::json& body) const {
  return exchange("POST", path, body.dump());
}

nlohmann::json MockControl::exchange(const std::string& method, const std::string& path,
                                     const std::string& body) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(), &curl_easy_cleanup);
  if (!handle) throw std::runtime_error("curl_easy_init failed");
  const std::string url = base_url_ + path;
  std::string answer;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(handle.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle.get(), CURLOPT_WRITEFUNCTION, &collect);
  curl_easy_setopt(handle.get(), CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(handle.get(), CURLOPT_TIMEOUT, 30L);
  if (method == "POST") {
    curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  const CURLcode code = curl_easy_perform(handle.get());
  curl_slist_free_all(headers);
  long status = 0;
  curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK || status != 200) {
    throw std::runtime_error(method + " " + url + " failed: " + curl_easy_strerror(code) + ", HTTP " +
                             std::to_string(status) + " " + answer);
  }
  return answer.empty() ? nlohmann::json::object() : nlohmann::json::parse(answer);
}

}  // namespace crmsync::testing
