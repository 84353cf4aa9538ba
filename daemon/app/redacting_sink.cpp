#include "daemon/app/redacting_sink.hpp"

namespace crmsync::app {

RedactingSink::RedactingSink(std::FILE* out) : out_(out) {}

void RedactingSink::set_redactor(Redactor redactor) {
  const std::lock_guard<std::mutex> lock(mutex_);
  redactor_ = std::move(redactor);
}

void RedactingSink::sink_it_(const spdlog::details::log_msg& msg) {
  spdlog::memory_buf_t formatted;
  formatter_->format(msg, formatted);
  std::string_view text(formatted.data(), formatted.size());
  if (redactor_) {
    const std::string clean = redactor_(text);
    std::fwrite(clean.data(), 1, clean.size(), out_);
  } else {
    std::fwrite(text.data(), 1, text.size(), out_);
  }
  std::fflush(out_);
}

void RedactingSink::flush_() {
  std::fflush(out_);
}

}  // namespace crmsync::app
