#include "conformance_harness.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fcntl.h>
#include <signal.h>
#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "daemon/app/config_reader.hpp"
#include "daemon/app/instance_builder.hpp"
#include "daemon/pipeline/sync_runner.hpp"
#include "daemon/store/migration_runner.hpp"

namespace crmsync::conformance {
namespace {

std::string unique_instance_name() {
  // Unique per harness: budgets and pauses are kept per instance name for the
  // life of the process, and one test's 429 storm must not slow the next.
  static std::atomic<int> counter{0};
  return "conformance_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + '\n';
  return text;
}

}  // namespace

ConformanceHarness::ConformanceHarness(const ConformanceDescriptor& descriptor,
                                       const std::filesystem::path& scratch)
    : directory_(scratch / unique_instance_name()), instance_name_(directory_.filename().string()) {
  std::filesystem::remove_all(directory_);
  std::filesystem::create_directories(directory_ / "state");
  for (const auto& [name, value] : descriptor.environment) ::setenv(name.c_str(), value.c_str(), 1);
  server_ =
      std::make_unique<testing::ServerProcess>(descriptor.mock_script, descriptor.mock_arguments, directory_);
  control_ = std::make_unique<testing::MockControl>(server_->url());
  write_config(descriptor);
  build_instance();
}

ConformanceHarness::~ConformanceHarness() {
  instance_.reset();  // before the registry that holds its library
  database_.reset();
  server_.reset();
  std::filesystem::remove_all(directory_);
}

void ConformanceHarness::write_config(const ConformanceDescriptor& descriptor) {
  database_file_ = directory_ / "crmsync.db";
  YAML::Node instance;
  instance["name"] = instance_name_;
  instance["connector"] = descriptor.plugin;
  instance["schedule"] = "1h";
  if (descriptor.instance_settings && descriptor.instance_settings.IsMap()) {
    for (const auto& entry : descriptor.instance_settings)
      instance[entry.first.as<std::string>()] = entry.second;
  }
  instance["options"] = YAML::Load(descriptor.options_yaml(server_->url()));
  YAML::Node root;
  root["state_directory"] = (directory_ / "state").string();
  root["database"]["url"] = "sqlite://" + database_file_.string();
  root["logging"]["level"] = "info";
  root["plugins"]["directory"] = descriptor.plugin_directory.string();
  root["instances"].push_back(instance);
  config_file_ = directory_ / "crmsync.yaml";
  YAML::Emitter out;
  out << root;
  std::ofstream(config_file_) << out.c_str() << '\n';
}

void ConformanceHarness::build_instance() {
  auto config = app::read_config(config_file_.string());
  if (!config) throw std::runtime_error("generated config refused:\n" + joined(config.error()));
  registry_ = std::make_unique<plugin_host::PluginRegistry>(plugin_host::PluginRegistry::for_this_process());
  std::vector<std::string> problems;
  for (const auto& refusal : registry_->scan(config.value().plugin_directory)) {
    problems.push_back(refusal.path.string() + ": " + refusal.reason);
  }
  app::InstanceBuild build = app::InstanceBuilder(*registry_, clock_, secrets_).build(config.value());
  problems.insert(problems.end(), build.problems.begin(), build.problems.end());
  if (build.instances.size() != 1) {
    throw std::runtime_error("the instance could not be made from " + config_file_.string() + ":\n" +
                             joined(problems));
  }
  instance_ = build.instances.front();
  database_ = store::Database::open(config.value().database_url);
  store::MigrationRunner(*database_).run();
}

ExpectedStream ConformanceHarness::expected(const std::string& stream) const {
  ExpectedStream records;
  const nlohmann::json answer = control_->get("/__mock/expected");  // kept: the loop reads into it
  for (const auto& item : answer.at("records")) {
    if (item.value("stream", "") != stream) continue;
    records[item.at("external_id").get<std::string>()] =
        ExpectedRecord{item.value("deleted", false), item.value("updated_at", "")};
  }
  return records;
}

sdk::Status ConformanceHarness::read(const std::string& stream, const std::string& cursor,
                                     sdk::BatchSink& sink) {
  try {
    return instance_->source().read(stream, cursor, sink);
  } catch (const std::exception& e) {
    return sdk::Status::failure(std::string("read() threw: ") + e.what());
  } catch (...) {
    return sdk::Status::failure("read() threw a non-standard exception");
  }
}

pipeline::SyncReport ConformanceHarness::sync_once() {
  const std::atomic<bool> stop{false};
  pipeline::SyncRunner runner(*database_, stop);
  return runner.run(*instance_);
}

std::map<std::string, bool> ConformanceHarness::landed(const std::string& stream, std::size_t& rows) const {
  auto check = store::Database::open("sqlite://" + database_file_.string());
  soci::rowset<soci::row> found =
      (check->session().prepare << "SELECT external_id, deleted FROM source_record"
                                   " WHERE instance = :instance AND stream = :stream",
       soci::use(instance_name_), soci::use(stream));
  std::map<std::string, bool> records;
  rows = 0;
  for (const auto& row : found) {
    ++rows;
    records[row.get<std::string>(0)] = row.get<int>(1) != 0;
  }
  return records;
}

std::size_t ConformanceHarness::dead_letters() const {
  auto check = store::Database::open("sqlite://" + database_file_.string());
  int count = 0;
  check->session() << "SELECT COUNT(*) FROM dead_letter WHERE instance = :instance",
      soci::use(instance_name_), soci::into(count);
  return static_cast<std::size_t>(count);
}

std::size_t ConformanceHarness::checkpoints() const {
  // Polled while crmsyncd writes: a locked database reads as "none yet".
  try {
    auto check = store::Database::open("sqlite://" + database_file_.string());
    int count = 0;
    check->session() << "SELECT COUNT(*) FROM checkpoint WHERE instance = :instance",
        soci::use(instance_name_), soci::into(count);
    return static_cast<std::size_t>(count);
  } catch (const std::exception&) {
    return 0;
  }
}

pid_t ConformanceHarness::start_daemon_once() const {
  const std::string log = (directory_ / "crmsyncd.log").string();
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    ::execl(CRMSYNCD_PATH, CRMSYNCD_PATH, "--config", config_file_.c_str(), "once",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return child;
}

int ConformanceHarness::wait_for(pid_t child) {
  int status = 0;
  if (::waitpid(child, &status, 0) != child) return -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace crmsync::conformance
