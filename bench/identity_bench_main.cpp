// bench/identity: resolves Febrl or synthetic records and prints one line of
// pair precision/recall/F1, time and peak memory.
#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <sys/resource.h>

#include "bench/febrl_csv_reader.hpp"
#include "bench/pair_metrics.hpp"
#include "bench/synthetic_customer_generator.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/identity_resolver.hpp"

namespace {

struct Options {
  std::string input;
  std::string format = "febrl";
  std::optional<std::size_t> synthetic;
  crmsync::identity::ResolutionConfig config;
};

constexpr std::string_view kUsage =
    "usage: bench/identity --input FILE.csv --format febrl\n"
    "       bench/identity --synthetic N\n"
    "options: --auto-merge-at BITS --review-from BITS (thresholds; defaults from ResolutionConfig)\n";

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return std::nullopt;
    const std::string value = argv[++i];
    if (arg == "--input") {
      o.input = value;
    } else if (arg == "--format") {
      o.format = value;
    } else if (arg == "--synthetic") {
      o.synthetic = std::stoull(value);
    } else if (arg == "--auto-merge-at") {
      o.config.thresholds.auto_merge_at = std::stod(value);
    } else if (arg == "--review-from") {
      o.config.thresholds.review_from = std::stod(value);
    } else {
      return std::nullopt;
    }
  }
  if (o.synthetic.has_value() == !o.input.empty() || o.format != "febrl") return std::nullopt;
  return o;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

int run(const Options& options) {
  using crmsync::bench::FebrlCsvReader;
  using crmsync::bench::SyntheticCustomerGenerator;
  std::vector<crmsync::identity::IdentityRecord> records;
  std::vector<std::uint64_t> truth;
  if (options.synthetic) {
    auto data = SyntheticCustomerGenerator().generate(*options.synthetic);
    records = std::move(data.records);
    truth = std::move(data.truth);
  } else {
    auto data = FebrlCsvReader::read(options.input);
    records = std::move(data.records);
    truth = std::move(data.truth);
  }

  // Timed: what the daemon would do with the records, from raw values to clusters.
  const auto start = std::chrono::steady_clock::now();
  const crmsync::identity::IdentityRecordBuilder builder;
  for (auto& r : records) builder.normalize(r);
  const auto result = crmsync::identity::IdentityResolver(options.config).resolve(records);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<std::uint64_t> predicted(records.size());
  for (std::size_t c = 0; c < result.clusters.size(); ++c) {
    for (const auto i : result.clusters[c]) predicted[i] = c;
  }
  const auto m = crmsync::bench::PairMetrics::of(predicted, truth);
  std::printf(
      "records=%zu pairs_true=%llu pairs_predicted=%llu precision=%.4f recall=%.4f f1=%.4f seconds=%.3f "
      "peak_rss_mib=%.0f\n",
      records.size(), static_cast<unsigned long long>(m.pairs_true),
      static_cast<unsigned long long>(m.pairs_predicted), m.precision(), m.recall(), m.f1(), seconds,
      peak_rss_mib());
  std::fprintf(stderr, "candidate_pairs=%zu oversized_blocks=%zu refused_merges=%zu review_pairs=%zu\n",
               result.candidate_pairs, result.oversized_blocks, result.refused_merges, result.review.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse(argc, argv);
  if (!options) {
    std::cerr << kUsage;
    return 2;
  }
  try {
    return run(*options);
  } catch (const std::exception& e) {
    std::cerr << "bench/identity: " << e.what() << "\n";
    return 1;
  }
}
