#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "daemon/app/instance_builder.hpp"
#include "daemon/app/log_setup.hpp"
#include "daemon/app/sync_schedule.hpp"
#include "daemon/app/systemd_notifier.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/http/http_listener.hpp"
#include "daemon/http/survey_endpoint.hpp"
#include "daemon/pipeline/connector_instance.hpp"
#include "daemon/pipeline/sync_report.hpp"
#include "daemon/plugin_host/credential_secrets.hpp"
#include "daemon/plugin_host/plugin_registry.hpp"
#include "daemon/plugin_host/system_clock.hpp"
#include "daemon/scheduler/journey_runtime.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::app {

// `crmsyncd run`: keeps every instance syncing on its schedule until SIGTERM,
// re-reads the config on SIGHUP, and speaks sd_notify throughout. The main
// thread schedules and pings the watchdog; one worker thread runs syncs, so
// the only database session is used by one thread.
class ServiceLoop {
 public:
  ServiceLoop(std::string config_path, config::DaemonConfig config, LogSetup& logs);
  ~ServiceLoop();
  ServiceLoop(const ServiceLoop&) = delete;
  ServiceLoop& operator=(const ServiceLoop&) = delete;

  // Returns the process exit code: 0 after a clean stop, non-zero when start-up failed.
  int run();

 private:
  bool start();
  void reload();
  void dispatch_due_work(SyncSchedule::Clock::time_point now);
  void collect_finished_work();
  void worker_main();
  void start_journey(const std::vector<std::shared_ptr<ActionInstance>>& actions);
  // The worker's wait: until a job, a stop, or the journey's next due work.
  void wait_for_work(std::unique_lock<std::mutex>& lock);
  void shut_down();
  [[nodiscard]] std::string status_line() const;

  std::string config_path_;
  config::DaemonConfig config_;
  identity::IdentitySettings identity_settings_;  // the worker's copy, taken at start
  LogSetup& logs_;
  SystemdNotifier notifier_;
  plugin_host::SystemClock clock_;
  plugin_host::CredentialSecrets secrets_;
  plugin_host::PluginRegistry registry_;
  std::unique_ptr<store::Database> database_;
  std::map<std::string, std::shared_ptr<pipeline::ConnectorInstance>> instances_;
  // Journey channels and the journey itself; fixed at start (a reload leaves them).
  std::vector<std::shared_ptr<ActionInstance>> actions_;
  std::unique_ptr<scheduler::JourneyRuntime> journey_;
  // Survey and unsubscribe links, on the listener's thread with its own session.
  std::unique_ptr<http::SurveyEndpoint> survey_endpoint_;
  std::unique_ptr<http::HttpListener> listener_;
  SyncSchedule schedule_;
  std::optional<pipeline::SyncReport> last_report_;
  std::size_t config_problems_ = 0;  // instances that could not be started, shown in STATUS=

  // Shared between the main thread, the worker and the signal watcher.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stop_requested_{false};
  bool reload_requested_ = false;
  std::shared_ptr<pipeline::ConnectorInstance> job_;  // handed to the worker
  bool job_running_ = false;
  std::optional<pipeline::SyncReport> job_result_;
  std::thread worker_;
};

}  // namespace crmsync::app
