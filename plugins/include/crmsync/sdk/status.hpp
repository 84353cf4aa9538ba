#pragma once

#include <chrono>
#include <string>
#include <utility>

namespace crmsync::sdk {

// The outcome of a call across the plugin boundary. Plugins return a Status
// instead of throwing: expected trouble (a vendor 5xx, a missing directory) is
// data the host counts, logs and retries.
class Status {
 public:
  enum class Code { ok, retry, failed };

  static Status success() { return Status{Code::ok, {}, {}}; }
  static Status retry_after(std::chrono::milliseconds delay, std::string reason) {
    return Status{Code::retry, std::move(reason), delay};
  }
  static Status failure(std::string reason) { return Status{Code::failed, std::move(reason), {}}; }

  [[nodiscard]] Code code() const { return code_; }
  [[nodiscard]] bool ok() const { return code_ == Code::ok; }
  [[nodiscard]] const std::string& reason() const { return reason_; }
  [[nodiscard]] std::chrono::milliseconds delay() const { return delay_; }

 private:
  Status(Code code, std::string reason, std::chrono::milliseconds delay)
      : code_(code), reason_(std::move(reason)), delay_(delay) {}

  Code code_;
  std::string reason_;
  std::chrono::milliseconds delay_;
};

}  // namespace crmsync::sdk
