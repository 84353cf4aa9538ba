#include "daemon/app/service_loop.hpp"

#include <algorithm>
#include <exception>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "daemon/app/config_reader.hpp"
#include "daemon/app/free_memory_release.hpp"
#include "daemon/app/key_version_check.hpp"
#include "daemon/app/signal_watcher.hpp"
#include "daemon/pipeline/sync_runner.hpp"
#include "daemon/plugin_host/plugin_directory.hpp"
#include "daemon/store/migration_runner.hpp"

namespace crmsync::app {
namespace {

using SteadyClock = SyncSchedule::Clock;

// Less than this back from the allocator after a sync is not worth a line.
constexpr std::size_t kReleaseWorthLogging = 1 << 20;

}  // namespace

ServiceLoop::ServiceLoop(std::string config_path, config::DaemonConfig config, LogSetup& logs)
    : config_path_(std::move(config_path)),
      config_(std::move(config)),
      logs_(logs),
      registry_(plugin_host::PluginRegistry::for_this_process()) {}

ServiceLoop::~ServiceLoop() {
  shut_down();
}

bool ServiceLoop::start() {
  try {
    database_ = store::Database::open(config_.database_url);
    const auto applied = store::MigrationRunner(*database_).run();
    if (!applied.empty())
      spdlog::info("database {}: applied {} migration(s)", database_->display_url(), applied.size());
    check_key_version(*database_);
  } catch (const std::exception& e) {
    spdlog::critical("cannot open the database: {}", e.what());
    return false;
  }
  for (const auto& refusal : registry_.scan(plugin_host::plugin_directory_of(config_))) {
    spdlog::error("plugin {} refused: {}", refusal.path.string(), refusal.reason);
  }
  InstanceBuild build = InstanceBuilder(registry_, clock_, secrets_).build(config_);
  // An instance that cannot start does not stop the others; STATUS= and the
  // log say which and why.
  for (const auto& problem : build.problems) spdlog::error("{}", problem);
  config_problems_ = build.problems.size();
  const auto now = SteadyClock::now();
  for (auto& instance : build.instances) {
    if (instance->config().enabled) schedule_.add(instance->name(), now);
    instances_.emplace(instance->name(), std::move(instance));
  }
  start_journey(build.actions);
  identity_settings_ = config_.identity;
  worker_ = std::thread([this] { worker_main(); });
  return true;
}

int ServiceLoop::run() {
  // Blocks the signals before the worker exists, so only the watcher sees them.
  SignalWatcher signals(
      [this] {
        stop_requested_.store(true);
        wake_.notify_all();
      },
      [this] {
        {
          const std::lock_guard<std::mutex> lock(mutex_);
          reload_requested_ = true;
        }
        wake_.notify_all();
      });
  if (!start()) return 1;
  notifier_.ready(status_line());
  spdlog::info("crmsyncd {} running with {} instance(s)", CRMSYNC_VERSION, instances_.size());

  const auto watchdog_interval = notifier_.watchdog_interval();
  auto next_watchdog = SteadyClock::now();
  while (!stop_requested_.load()) {
    bool reload_now = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      auto wake_at = SteadyClock::now() + std::chrono::hours(1);
      if (auto next = schedule_.next(); next && !job_running_) wake_at = std::min(wake_at, next->second);
      if (watchdog_interval) wake_at = std::min(wake_at, next_watchdog);
      wake_.wait_until(lock, wake_at, [&] {
        return stop_requested_.load() || reload_requested_ || job_result_.has_value() ||
               SteadyClock::now() >= wake_at;
      });
      reload_now = std::exchange(reload_requested_, false);
    }
    if (stop_requested_.load()) break;
    const auto now = SteadyClock::now();
    if (watchdog_interval && now >= next_watchdog) {
      notifier_.watchdog();
      next_watchdog = now + *watchdog_interval;
    }
    collect_finished_work();
    if (reload_now) reload();
    dispatch_due_work(SteadyClock::now());
  }
  notifier_.stopping("stopping: finishing the batch in flight");
  spdlog::info("stopping: finishing the batch in flight");
  shut_down();
  spdlog::info("stopped");
  return 0;
}

void ServiceLoop::collect_finished_work() {
  std::optional<pipeline::SyncReport> report;
  std::shared_ptr<pipeline::ConnectorInstance> finished;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!job_result_) return;
    report = std::move(job_result_);
    job_result_.reset();
    job_running_ = false;
    finished = std::move(job_);
  }
  // A run of an instance replaced or removed by a reload does not move the
  // schedule of what replaced it.
  auto current = instances_.find(report->instance);
  if (current != instances_.end() && current->second == finished) {
    schedule_.record(report->instance, *report, current->second->config().schedule, SteadyClock::now());
  }
  if (report->ok()) {
    spdlog::info("sync {}", report->summary());
  } else {
    spdlog::error("sync {}", report->summary());
  }
  last_report_ = std::move(report);
  notifier_.status(status_line());
}

void ServiceLoop::dispatch_due_work(SteadyClock::time_point now) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (job_running_) return;
  auto next = schedule_.next();
  if (!next || next->second > now) return;
  auto it = instances_.find(next->first);
  if (it == instances_.end()) {
    schedule_.remove(next->first);
    return;
  }
  job_ = it->second;
  job_running_ = true;
  wake_.notify_all();
}

void ServiceLoop::start_journey(const std::vector<std::shared_ptr<ActionInstance>>& actions) {
  if (!config_.journey.enabled) return;
  scheduler::ActionChannels channels;
  for (const auto& action : actions) channels.emplace(action->name(), &action->action());
  actions_ = actions;
  try {
    journey_ = std::make_unique<scheduler::JourneyRuntime>(config_.journey, std::move(channels), clock_,
                                                           fmt::format("crmsyncd-{}", ::getpid()));
  } catch (const std::exception& e) {
    spdlog::error("journey not started: {}", e.what());
    return;
  }
  if (journey_->journey().listen.empty()) return;
  try {
    survey_endpoint_ = std::make_unique<http::SurveyEndpoint>(config_.database_url, journey_->journey(),
                                                              journey_->signer(), clock_);
    listener_ = std::make_unique<http::HttpListener>(
        journey_->journey().listen,
        [this](const std::string& method, const std::string& target, const std::string& body) {
          return survey_endpoint_->handle(method, target, body);
        });
    spdlog::info("survey links served on {}", journey_->journey().listen);
  } catch (const std::exception& e) {
    spdlog::error("survey link listener not started: {}", e.what());
    survey_endpoint_.reset();
  }
}

void ServiceLoop::wait_for_work(std::unique_lock<std::mutex>& lock) {
  const auto has_job = [&] { return stop_requested_.load() || (job_ && !job_result_); };
  if (!journey_) {
    wake_.wait(lock, has_job);
    return;
  }
  // Sleeps until the next due row or sweep, never polls. The database is the
  // worker's own, so it is read with the lock released.
  lock.unlock();
  const auto wake_at = journey_->next_wake(*database_);
  lock.lock();
  wake_.wait_for(lock, std::max<std::chrono::system_clock::duration>(wake_at - clock_.now(), {}), has_job);
}

void ServiceLoop::worker_main() {
  // Identity settings are read once: changing thresholds is followed by
  // `crmsyncd resolve` and a restart, not a reload.
  pipeline::SyncRunner runner(*database_, stop_requested_, identity_settings_);
  if (journey_) {
    for (auto* observer : journey_->observers()) runner.add_observer(observer);
  }
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wait_for_work(lock);
    if (stop_requested_.load()) return;
    if (!job_ || job_result_) {
      if (journey_) {
        lock.unlock();
        journey_->run_due(*database_);
        lock.lock();
      }
      continue;
    }
    auto instance = job_;
    lock.unlock();
    pipeline::SyncReport report = runner.run(*instance);
    if (const auto released = release_free_memory(); released >= kReleaseWorthLogging) {
      spdlog::debug("sync {}: {:.1f} MiB of free memory returned to the system", report.instance,
                    static_cast<double>(released) / (1024.0 * 1024.0));
    }
    lock.lock();
    job_result_ = std::move(report);
    wake_.notify_all();
    if (stop_requested_.load()) return;
    if (journey_) {
      // What the sync planned may be due at once (an at-risk reminder).
      lock.unlock();
      journey_->run_due(*database_);
      lock.lock();
    }
  }
}

void ServiceLoop::reload() {
  notifier_.reloading();
  spdlog::info("reloading configuration from {}", config_path_);
  auto loaded = read_config(config_path_);
  if (!loaded) {
    for (const auto& problem : loaded.error()) spdlog::error("{}", problem);
    spdlog::error("reload failed with {} problem(s); the running configuration stays in force",
                  loaded.error().size());
    notifier_.ready(fmt::format("reload failed ({} problems), old config kept; {}", loaded.error().size(),
                                status_line()));
    return;
  }
  config::DaemonConfig fresh = std::move(loaded).value();
  if (fresh.database_url != config_.database_url) {
    spdlog::warn(
        "database.url changed: restart crmsyncd to switch databases; the new URL is ignored until then");
    fresh.database_url = config_.database_url;
  }
  for (const auto& refusal : registry_.scan(plugin_host::plugin_directory_of(fresh))) {
    spdlog::error("plugin {} refused: {}", refusal.path.string(), refusal.reason);
  }
  InstanceBuild build = InstanceBuilder(registry_, clock_, secrets_).build(fresh, instances_);
  if (!build.problems.empty()) {
    for (const auto& problem : build.problems) spdlog::error("{}", problem);
    spdlog::error("reload failed with {} problem(s); the running configuration stays in force",
                  build.problems.size());
    notifier_.ready(fmt::format("reload failed ({} problems), old config kept; {}", build.problems.size(),
                                status_line()));
    return;
  }

  std::map<std::string, std::shared_ptr<pipeline::ConnectorInstance>> next;
  for (auto& instance : build.instances) next.emplace(instance->name(), std::move(instance));
  const auto now = SteadyClock::now();
  int added = 0;
  int removed = 0;
  int changed = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [name, old] : instances_) {
      auto it = next.find(name);
      if (it == next.end() || it->second != old) {
        old->request_cancel();  // a run in progress stops after its batch in flight
        schedule_.remove(name);
        (it == next.end() ? removed : changed) += 1;
      }
    }
    for (const auto& [name, instance] : next) {
      auto old = instances_.find(name);
      const bool kept = old != instances_.end() && old->second == instance;
      if (!kept) {
        if (old == instances_.end()) ++added;
        if (instance->config().enabled) schedule_.add(name, now);
      }
    }
    instances_ = std::move(next);
  }
  config_problems_ = 0;
  logs_.apply(fresh);
  config_ = std::move(fresh);
  spdlog::info("configuration reloaded: {} added, {} removed, {} reconfigured, {} running", added, removed,
               changed, instances_.size());
  notifier_.ready(status_line());
}

void ServiceLoop::shut_down() {
  stop_requested_.store(true);
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  listener_.reset();  // first: its handler uses the endpoint and the journey's signer
  survey_endpoint_.reset();
  journey_.reset();  // before the action instances it delivers through
  actions_.clear();
  instances_.clear();
}

std::string ServiceLoop::status_line() const {
  std::string line = fmt::format("{} instance(s)", instances_.size());
  if (config_problems_ > 0) line += fmt::format("; {} config problem(s), see the log", config_problems_);
  if (last_report_) line += "; last sync " + last_report_->summary();
  return line;
}

}  // namespace crmsync::app
