#pragma once

#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include <spdlog/sinks/base_sink.h>

namespace crmsync::app {

using Redactor = std::function<std::string(std::string_view)>;

// Writes formatted log lines to a stream after every known secret has been
// replaced: a token that slips into an error message never reaches the log.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit RedactingSink(std::FILE* out);
  void set_redactor(Redactor redactor);

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

 private:
  std::FILE* out_;
  Redactor redactor_;
};

}  // namespace crmsync::app
