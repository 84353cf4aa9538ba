#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <sys/types.h>

#include "crmsync/sdk/connector.hpp"

#include "conformance_descriptor.hpp"
#include "daemon/pipeline/connector_instance.hpp"
#include "daemon/pipeline/sync_report.hpp"
#include "daemon/plugin_host/credential_secrets.hpp"
#include "daemon/plugin_host/plugin_registry.hpp"
#include "daemon/plugin_host/system_clock.hpp"
#include "daemon/store/database.hpp"
#include "mock_control.hpp"
#include "server_process.hpp"

namespace crmsync::conformance {

// What a complete sync must end with, per external id, as the mock says.
struct ExpectedRecord {
  bool deleted = false;
  std::string updated_at;
};
using ExpectedStream = std::map<std::string, ExpectedRecord>;

// One connector under test: its mock server, a generated daemon config, the
// instance made from it by the daemon's own plugin host and instance builder,
// and a temporary SQLite database with the daemon's schema.
class ConformanceHarness {
 public:
  ConformanceHarness(const ConformanceDescriptor& descriptor, const std::filesystem::path& scratch);
  ~ConformanceHarness();
  ConformanceHarness(const ConformanceHarness&) = delete;
  ConformanceHarness& operator=(const ConformanceHarness&) = delete;

  [[nodiscard]] testing::MockControl& mock() { return *control_; }
  [[nodiscard]] const std::string& instance_name() const { return instance_name_; }
  [[nodiscard]] const std::filesystem::path& config_file() const { return config_file_; }

  [[nodiscard]] ExpectedStream expected(const std::string& stream) const;
  // One read through the connector, exceptions turned into a failed Status.
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink);
  // One pass of the real pipeline (normalise, store, commit) into the SQLite file.
  pipeline::SyncReport sync_once();
  // What landed in source_record: external id -> deleted; `rows` counts every row.
  [[nodiscard]] std::map<std::string, bool> landed(const std::string& stream, std::size_t& rows) const;
  [[nodiscard]] std::size_t dead_letters() const;
  [[nodiscard]] std::size_t checkpoints() const;

  // `crmsyncd once` with the generated config, as a child process.
  [[nodiscard]] pid_t start_daemon_once() const;
  // Waits for a child started above; its exit code (128 + signal when killed).
  static int wait_for(pid_t child);

 private:
  void write_config(const ConformanceDescriptor& descriptor);
  void build_instance();

  std::filesystem::path directory_;
  std::string instance_name_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<testing::MockControl> control_;
  std::filesystem::path config_file_;
  std::filesystem::path database_file_;
  plugin_host::SystemClock clock_;
  plugin_host::CredentialSecrets secrets_;
  std::unique_ptr<plugin_host::PluginRegistry> registry_;
  std::unique_ptr<store::Database> database_;
  std::shared_ptr<pipeline::ConnectorInstance> instance_;
};

}  // namespace crmsync::conformance
