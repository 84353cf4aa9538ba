#include "mail_test_support.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <thread>

#include <curl/curl.h>

namespace crmsync::mail_testing {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0')
    throw std::runtime_error(std::string(name) +
                             " is not set: run these tests through ctest, which starts the servers");
  return value;
}

struct Upload {
  const std::string* data;
  std::size_t position = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t chunk = std::min(size * count, upload->data->size() - upload->position);
  std::memcpy(buffer, upload->data->data() + upload->position, chunk);
  upload->position += chunk;
  return chunk;
}

std::size_t discard(char* /*data*/, std::size_t size, std::size_t count, void* /*user*/) {
  return size * count;
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

CurlHandle imap_handle(const MailServers& servers, const std::string& url) {
  CurlHandle handle(curl_easy_init(), &curl_easy_cleanup);
  curl_easy_setopt(handle.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_USERNAME, kImapUser);
  curl_easy_setopt(handle.get(), CURLOPT_PASSWORD, kImapPassword);
  const std::string ca = servers.imap_ca_file();
  curl_easy_setopt(handle.get(), CURLOPT_CAINFO, ca.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(handle.get(), CURLOPT_TIMEOUT, 30L);
  return handle;
}

}  // namespace

MailServers MailServers::from_environment() {
  MailServers servers;
  servers.smtp_port = std::stoi(environment("CRMSYNC_TEST_SMTP_PORT"));
  servers.imap_port = std::stoi(environment("CRMSYNC_TEST_IMAP_PORT"));
  servers.smtp_dir = environment("CRMSYNC_TEST_SMTP_DIR");
  servers.imap_dir = environment("CRMSYNC_TEST_IMAP_DIR");
  return servers;
}

std::optional<nlohmann::json> received_message(const MailServers& servers, const std::string& message_id) {
  const auto spool = servers.smtp_dir / "spool";
  for (int attempt = 0; attempt < 50; ++attempt) {
    for (const auto& entry : std::filesystem::directory_iterator(spool)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      const auto summary = nlohmann::json::parse(in);
      const auto& headers = summary.at("headers");
      if (headers.contains("message-id") && headers.at("message-id").get<std::string>() == message_id)
        return summary;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return std::nullopt;
}

TestMailbox::TestMailbox(const MailServers& servers, std::string name)
    : servers_(servers), name_(std::move(name)) {}

std::string TestMailbox::url() const {
  return "imaps://127.0.0.1:" + std::to_string(servers_.imap_port + 1) + "/" + name_;
}

void TestMailbox::command(const std::string& custom_request, bool must_succeed) const {
  auto handle = imap_handle(servers_, "imaps://127.0.0.1:" + std::to_string(servers_.imap_port + 1) + "/");
  curl_easy_setopt(handle.get(), CURLOPT_CUSTOMREQUEST, custom_request.c_str());
  const CURLcode code = curl_easy_perform(handle.get());
  if (must_succeed && code != CURLE_OK)
    throw std::runtime_error(custom_request + " failed: " + curl_easy_strerror(code));
}

void TestMailbox::recreate() const {
  command("DELETE \"" + name_ + "\"", false);  // absent the first time
  command("CREATE \"" + name_ + "\"", true);
}

void TestMailbox::append(const std::string& raw_message) const {
  auto handle = imap_handle(servers_, url());
  Upload upload{&raw_message};
  curl_easy_setopt(handle.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle.get(), CURLOPT_READFUNCTION, &read_upload);
  curl_easy_setopt(handle.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle.get(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw_message.size()));
  const CURLcode code = curl_easy_perform(handle.get());
  if (code != CURLE_OK)
    throw std::runtime_error("APPEND to " + name_ + " failed: " + curl_easy_strerror(code));
}

bool CapturingLogger::has(sdk::LogLevel level, const std::string& part) const {
  for (const auto& [l, text] : lines)
    if (l == level && text.find(part) != std::string::npos) return true;
  return false;
}

std::vector<sdk::RawRecord> RecordingSink::records() const {
  std::vector<sdk::RawRecord> all;
  for (const auto& batch : batches) all.insert(all.end(), batch.records.begin(), batch.records.end());
  return all;
}

sdk::ConfigValue options(const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<sdk::ConfigValue::Entry> entries;
  for (const auto& [key, value] : values) entries.emplace_back(key, sdk::ConfigValue::make_scalar(value));
  return sdk::ConfigValue::make_mapping(std::move(entries));
}

}  // namespace crmsync::mail_testing
