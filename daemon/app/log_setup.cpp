#include "daemon/app/log_setup.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

namespace crmsync::app {
namespace {

// "%P" in a pattern: the syslog priority of the line's level, for journald.
class SyslogPriorityFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm& /*time*/,
              spdlog::memory_buf_t& dest) override {
    const char* priority = "6";
    switch (msg.level) {
      case spdlog::level::trace:
      case spdlog::level::debug:
        priority = "7";
        break;
      case spdlog::level::info:
        priority = "6";
        break;
      case spdlog::level::warn:
        priority = "4";
        break;
      case spdlog::level::err:
        priority = "3";
        break;
      case spdlog::level::critical:
        priority = "2";
        break;
      default:
        break;
    }
    dest.append(priority, priority + 1);
  }
  [[nodiscard]] std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<SyslogPriorityFlag>();
  }
};

spdlog::level::level_enum level_from(const std::string& name) {
  if (name == "debug") return spdlog::level::debug;
  if (name == "warning") return spdlog::level::warn;
  if (name == "error") return spdlog::level::err;
  return spdlog::level::info;
}

}  // namespace

LogSetup::LogSetup() : sink_(std::make_shared<RedactingSink>(stderr)) {
  auto logger = std::make_shared<spdlog::logger>("crmsyncd", sink_);
  spdlog::set_default_logger(logger);
  apply(config::LoggingConfig{});
}

bool LogSetup::stderr_is_journal() {
  const char* stream = std::getenv("JOURNAL_STREAM");  // NOLINT(concurrency-mt-unsafe): read at start-up
  if (stream == nullptr) return false;
  struct stat info {};
  if (fstat(2, &info) != 0) return false;
  const std::string expected = std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
  return expected == stream;
}

void LogSetup::apply(const config::DaemonConfig& config) {
  apply(config.logging);
  set_redactor([secrets = config.secrets](std::string_view text) { return secrets->redact(text); });
}

void LogSetup::apply(const config::LoggingConfig& logging) {
  const bool journal = logging.format == "journal" || (logging.format == "auto" && stderr_is_journal());
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  if (journal) {
    formatter->add_flag<SyslogPriorityFlag>('P').set_pattern("<%P>%v");
  } else {
    formatter->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
  }
  sink_->set_formatter(std::move(formatter));
  spdlog::set_level(level_from(logging.level));
}

}  // namespace crmsync::app
