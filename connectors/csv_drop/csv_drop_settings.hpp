#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

#include "stream_mapping.hpp"
#include "text_encoding.hpp"

namespace crmsync::csv_drop {

// An instance's options, checked and typed. Built once when the instance is
// created; every read shares it.
// What happens to a file once its rows are committed: moved to done/ (an
// inbox partners upload to), or left where it is (a read-only share, the
// bundled sample data), the ledger alone remembering it was ingested.
enum class AfterIngest { move, keep };

struct CsvDropSettings {
  static constexpr std::int64_t kDefaultSettleSeconds = 5;
  static constexpr std::int64_t kDefaultBatchSize = 500;
  static constexpr std::int64_t kMaxBatchSize = 100000;
  static constexpr std::int64_t kMaxSettleSeconds = 86400;

  std::filesystem::path directory;
  std::filesystem::path done_directory;
  std::filesystem::path quarantine_directory;
  AfterIngest after_ingest = AfterIngest::move;
  std::filesystem::path ledger_file;  // the content hashes already ingested
  std::chrono::seconds settle_time{kDefaultSettleSeconds};
  std::size_t batch_size = kDefaultBatchSize;
  EncodingOption encoding = EncodingOption::automatic;
  char delimiter = ',';
  std::vector<StreamMapping> streams;

  // The option table: one source for the daemon's checks, defaults and
  // `crmsyncd describe csv_drop`.
  static sdk::ConfigSpec spec();

  // Reads the options, reporting every problem with its dotted path.
  // Returns nothing when there was any problem.
  static std::optional<CsvDropSettings> parse(const sdk::ConfigValue& options,
                                              std::vector<sdk::ConfigProblem>& problems);

  [[nodiscard]] const StreamMapping* find_stream(const std::string& name) const;
};

}  // namespace crmsync::csv_drop
