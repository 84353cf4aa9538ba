#pragma once

#include <memory>
#include <string>

#include "daemon/app/redacting_sink.hpp"
#include "daemon/config/daemon_config.hpp"

namespace crmsync::app {

// Sets up the process-wide spdlog logger: journal-style lines ("<3>message",
// which journald turns into priorities) when stderr is connected to the
// journal, readable timestamped lines otherwise; secrets always redacted.
class LogSetup {
 public:
  LogSetup();
  void apply(const config::LoggingConfig& logging);
  void set_redactor(Redactor redactor) { sink_->set_redactor(std::move(redactor)); }
  // Level, format and secret redaction from a loaded config.
  void apply(const config::DaemonConfig& config);
  // True when $JOURNAL_STREAM names our stderr (systemd connected it to journald).
  static bool stderr_is_journal();

 private:
  std::shared_ptr<RedactingSink> sink_;
};

}  // namespace crmsync::app
