#include "daemon/app/cli.hpp"

#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "crmsync/sdk/version.hpp"

#include "daemon/app/config_reader.hpp"
#include "daemon/app/instance_builder.hpp"
#include "daemon/app/key_version_check.hpp"
#include "daemon/app/service_loop.hpp"
#include "daemon/identity/blocking_keys.hpp"
#include "daemon/pipeline/sync_runner.hpp"
#include "daemon/plugin_host/credential_secrets.hpp"
#include "daemon/plugin_host/plugin_directory.hpp"
#include "daemon/plugin_host/plugin_registry.hpp"
#include "daemon/plugin_host/system_clock.hpp"
#include "daemon/scheduler/journey_runtime.hpp"
#include "daemon/scheduler/outbox_listing.hpp"
#include "daemon/store/customer_merger.hpp"
#include "daemon/store/customer_reresolver.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/migration_runner.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::app {
namespace {

void print_problems(const std::vector<std::string>& problems) {
  for (const auto& problem : problems) std::cerr << problem << '\n';
}

}  // namespace

Cli::Cli(CommandLine line) : line_(std::move(line)) {}

int Cli::run() {
  try {
    switch (line_.command) {
      case Command::help:
        std::cout << line_.usage;
        return 0;
      case Command::version:
        return print_version();
      case Command::check:
        return check();
      case Command::plugins:
        return list_plugins();
      case Command::describe:
        return describe();
      case Command::once:
        return sync_once();
      case Command::run:
        return serve();
      case Command::outbox:
        return list_outbox();
      case Command::merge:
        return merge_customers();
      case Command::unmerge:
        return unmerge_customer();
      case Command::resolve:
        return resolve_customers();
    }
  } catch (const std::invalid_argument& e) {
    // A request the data does not allow (an unknown or merged-away customer).
    std::cerr << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
  }
  return 1;
}

int Cli::print_version() {
  std::cout << fmt::format("crmsyncd {} (plugin SDK {}, ABI {}, build {})\n", CRMSYNC_VERSION,
                           sdk::kSdkVersion, sdk::kAbiVersion, CRMSYNC_BUILD_ID);
  return 0;
}

int Cli::check() {
  auto loaded = read_config(line_.config_path);
  if (!loaded) {
    print_problems(loaded.error());
    std::cerr << fmt::format("{}: {} problem(s)\n", line_.config_path, loaded.error().size());
    return 1;
  }
  const config::DaemonConfig& config = loaded.value();
  logs_.apply(config);
  std::vector<std::string> problems;
  auto registry = plugin_host::PluginRegistry::for_this_process();
  for (const auto& refusal : registry.scan(plugin_host::plugin_directory_of(config))) {
    problems.push_back(fmt::format("{}: plugin refused: {}", refusal.path.string(), refusal.reason));
  }
  plugin_host::SystemClock clock;
  plugin_host::CredentialSecrets secrets;
  InstanceBuild build = InstanceBuilder(registry, clock, secrets).build(config);
  problems.insert(problems.end(), build.problems.begin(), build.problems.end());
  try {
    auto database = store::Database::open(config.database_url);
    std::cout << fmt::format("database {}: reachable\n", database->display_url());
  } catch (const std::exception& e) {
    problems.push_back(fmt::format("{}: database: {}", config.file.string(), e.what()));
  }
  print_problems(problems);
  if (!problems.empty()) {
    std::cerr << fmt::format("{}: {} problem(s)\n", line_.config_path, problems.size());
    return 1;
  }
  std::cout << fmt::format("{}: OK ({} instance(s), {} plugin(s))\n", config.file.string(),
                           build.instances.size(), registry.plugins().size());
  return 0;
}

int Cli::list_plugins() const {
  std::filesystem::path directory = plugin_host::default_plugin_directory();
  if (std::filesystem::exists(line_.config_path)) {
    auto loaded = read_config(line_.config_path);
    if (!loaded) {
      print_problems(loaded.error());
      return 1;
    }
    directory = plugin_host::plugin_directory_of(loaded.value());
  }
  auto registry = plugin_host::PluginRegistry::for_this_process();
  const auto refusals = registry.scan(directory);
  std::cout << fmt::format("plugins in {}\n", directory.string());
  std::cout << fmt::format("{:<16} {:<10} {:<4} {:<40} {}\n", "NAME", "VERSION", "SDK", "BUILD", "PATH");
  for (const auto& plugin : registry.plugins()) {
    std::cout << fmt::format("{:<16} {:<10} {:<4} {:<40} {}\n", plugin->name(), plugin->version(),
                             plugin->abi_version(), plugin->build_id(), plugin->path().string());
  }
  for (const auto& refusal : refusals) {
    std::cerr << fmt::format("refused {}: {}\n", refusal.path.string(), refusal.reason);
  }
  return refusals.empty() ? 0 : 1;
}

int Cli::describe() {
  std::filesystem::path directory = plugin_host::default_plugin_directory();
  if (std::filesystem::exists(line_.config_path)) {
    if (auto loaded = read_config(line_.config_path))
      directory = plugin_host::plugin_directory_of(loaded.value());
  }
  auto registry = plugin_host::PluginRegistry::for_this_process();
  registry.scan(directory);
  auto plugin = registry.find(line_.describe_name);
  if (!plugin) {
    std::cerr << fmt::format("no connector named '{}' in {}\n", line_.describe_name, directory.string());
    return 1;
  }
  auto spec = plugin->config_spec();
  if (!spec) {
    std::cerr << spec.error() << '\n';
    return 1;
  }
  std::cout << fmt::format("{} {} — {}\n{}\n\noptions:\n", plugin->name(), plugin->version(),
                           plugin->description(), plugin->path().string());
  for (const auto& option : spec.value()) {
    std::string flags = option.required ? "required" : "optional";
    if (option.secret) flags += ", secret";
    std::cout << fmt::format("  {} ({}, {})\n", option.key, sdk::to_string(option.type), flags);
    if (option.default_value) std::cout << fmt::format("      default: {}\n", *option.default_value);
    std::cout << fmt::format("      {}\n", option.doc);
  }
  return 0;
}

int Cli::sync_once() {
  auto loaded = read_config(line_.config_path);
  if (!loaded) {
    print_problems(loaded.error());
    return 1;
  }
  const config::DaemonConfig& config = loaded.value();
  logs_.apply(config);
  auto database = store::Database::open(config.database_url);
  store::MigrationRunner(*database).run();
  check_key_version(*database);
  auto registry = plugin_host::PluginRegistry::for_this_process();
  bool all_ok = true;
  for (const auto& refusal : registry.scan(plugin_host::plugin_directory_of(config))) {
    spdlog::error("plugin {} refused: {}", refusal.path.string(), refusal.reason);
  }
  plugin_host::SystemClock clock;
  plugin_host::CredentialSecrets secrets;
  InstanceBuild build = InstanceBuilder(registry, clock, secrets).build(config);
  for (const auto& problem : build.problems) {
    spdlog::error("{}", problem);
    all_ok = false;
  }
  std::atomic<bool> stop{false};
  pipeline::SyncRunner runner(*database, stop, config.identity);
  // The journey plans in the syncs' transactions and delivers what is due after them.
  std::unique_ptr<scheduler::JourneyRuntime> journey;
  if (config.journey.enabled) {
    scheduler::ActionChannels channels;
    for (const auto& action : build.actions) channels.emplace(action->name(), &action->action());
    journey = std::make_unique<scheduler::JourneyRuntime>(config.journey, std::move(channels), clock,
                                                          fmt::format("crmsyncd-once-{}", ::getpid()));
    for (auto* observer : journey->observers()) runner.add_observer(observer);
  }
  for (const auto& instance : build.instances) {
    if (!instance->config().enabled) continue;
    const pipeline::SyncReport report = runner.run(*instance);
    if (report.ok()) {
      spdlog::info("sync {}", report.summary());
    } else {
      spdlog::error("sync {}", report.summary());
      all_ok = false;
    }
  }
  if (journey) journey->run_due(*database);
  return all_ok ? 0 : 1;
}

int Cli::serve() {
  auto loaded = read_config(line_.config_path);
  if (!loaded) {
    print_problems(loaded.error());
    return 1;
  }
  logs_.apply(loaded.value());
  ServiceLoop loop(line_.config_path, std::move(loaded).value(), logs_);
  return loop.run();
}

int Cli::list_outbox() {
  const auto config = load_config();
  if (!config) return 1;
  auto database = migrated_database(*config);
  scheduler::OutboxListing(*database).print(std::cout);
  return 0;
}

std::optional<config::DaemonConfig> Cli::load_config() {
  auto loaded = read_config(line_.config_path);
  if (!loaded) {
    print_problems(loaded.error());
    return std::nullopt;
  }
  logs_.apply(loaded.value());
  return std::move(loaded).value();
}

std::unique_ptr<store::Database> Cli::migrated_database(const config::DaemonConfig& config) {
  auto database = store::Database::open(config.database_url);
  store::MigrationRunner(*database).run();
  return database;
}

int Cli::merge_customers() {
  const auto config = load_config();
  if (!config) return 1;
  auto database = migrated_database(*config);
  const auto outcome = store::CustomerMerger(*database, config->identity)
                           .merge(line_.customer_ids.at(0), line_.customer_ids.at(1),
                                  {line_.actor, line_.reason, store::UtcTimestamp::now()});
  std::cout << fmt::format("merged customer {} into {}: {} record(s) moved, best match weight {:.1f}\n",
                           outcome.from, outcome.into, outcome.records_moved, outcome.score);
  return 0;
}

int Cli::unmerge_customer() {
  const auto config = load_config();
  if (!config) return 1;
  auto database = migrated_database(*config);
  const auto outcome =
      store::CustomerMerger(*database, config->identity)
          .unmerge(line_.customer_ids.at(0), {line_.actor, line_.reason, store::UtcTimestamp::now()});
  std::cout << fmt::format(
      "unmerged customer {}: restored customer(s) [{}], {} record(s) decided again,"
      " new customer(s) [{}]\n",
      outcome.customer, fmt::join(outcome.restored, ", "), outcome.split_records.size(),
      fmt::join(outcome.new_customers, ", "));
  return 0;
}

int Cli::resolve_customers() {
  const auto config = load_config();
  if (!config) return 1;
  auto database = migrated_database(*config);
  const auto outcome =
      store::CustomerReresolver(*database, config->identity).run(line_.actor, store::UtcTimestamp::now());
  std::cout << fmt::format(
      "resolved {} record(s) into {} customer(s): {} record(s) moved, {} customer(s) created, {} emptied,"
      " {} pair(s) for review, matching keys of {} record(s) rebuilt (key derivation version {}), {:.2f} s\n",
      outcome.records, outcome.customers, outcome.records_moved, outcome.customers_created,
      outcome.customers_emptied, outcome.review_pairs, outcome.keys_rebuilt,
      identity::BlockingKeys::kDerivationVersion, outcome.seconds);
  return 0;
}

}  // namespace crmsync::app
