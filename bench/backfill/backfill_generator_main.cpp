// backfill_generator: writes N synthetic records (customers, orders with lines,
// feedback) as partner CSV files, as Salesforce query rows for the bench mock
// CRM, and as COPY / per-row SQL for the reference cases of bench/run.
//
//   backfill_generator --records N --out DIR [--duplicate-share 0.1]
//                      [--bad-share 0.0005] [--seed 42] [--only csv|crm|reference|truth]
//
// DIR/csv, DIR/crm, DIR/reference, DIR/truth (which person each customer
// record is), and DIR/manifest (key=value counts).
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

#include "backfill_shape.hpp"
#include "csv_drop_writer.hpp"
#include "output_file.hpp"
#include "reference_row_writer.hpp"
#include "salesforce_page_writer.hpp"
#include "synthetic_backfill.hpp"
#include "truth_writer.hpp"

namespace {

struct Arguments {
  std::size_t records = 100000;
  double duplicate_share = 0.1;
  double bad_share = 0.0005;
  std::uint64_t seed = 42;
  std::filesystem::path out;
  std::string only;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr
      << "backfill_generator: " << problem << "\n"
      << "usage: backfill_generator --records N --out DIR [--duplicate-share S] [--bad-share S] [--seed N]"
         " [--only csv|crm|reference|truth]\n";
  std::exit(2);
}

Arguments parse(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) usage("missing value after " + std::string(flag));
    const std::string value = argv[++i];
    try {
      if (flag == "--records") {
        args.records = std::stoull(value);
      } else if (flag == "--out") {
        args.out = value;
      } else if (flag == "--duplicate-share") {
        args.duplicate_share = std::stod(value);
      } else if (flag == "--bad-share") {
        args.bad_share = std::stod(value);
      } else if (flag == "--seed") {
        args.seed = std::stoull(value);
      } else if (flag == "--only") {
        args.only = value;
      } else {
        usage("unknown option " + std::string(flag));
      }
    } catch (const std::logic_error&) {
      usage("bad value '" + value + "' for " + std::string(flag));
    }
  }
  if (args.out.empty()) usage("--out is required");
  if (args.records < 20) usage("--records must be at least 20");
  if (args.duplicate_share < 0.0 || args.duplicate_share > 0.5) usage("--duplicate-share must be in 0..0.5");
  if (args.bad_share < 0.0 || args.bad_share > 0.1) usage("--bad-share must be in 0..0.1");
  if (!args.only.empty() && args.only != "csv" && args.only != "crm" && args.only != "reference" &&
      args.only != "truth") {
    usage("--only takes csv, crm, reference or truth");
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using crmsync::bench::BackfillShape;
  const Arguments args = parse(argc, argv);
  try {
    const auto started = std::chrono::steady_clock::now();
    const BackfillShape shape =
        BackfillShape::of(args.records, args.duplicate_share, args.bad_share, args.seed);
    const crmsync::bench::SyntheticBackfill backfill(shape);
    std::filesystem::create_directories(args.out);
    std::string manifest =
        "records=" + std::to_string(shape.records) + "\ncustomers=" + std::to_string(shape.customers) +
        "\nduplicates=" + std::to_string(shape.duplicates) + "\norders=" + std::to_string(shape.orders) +
        "\nfeedback=" + std::to_string(shape.feedback) + "\nseed=" + std::to_string(shape.seed) + "\n";
    if (args.only.empty() || args.only == "csv") {
      const auto counts = crmsync::bench::CsvDropWriter(backfill).write(args.out / "csv");
      manifest += "csv_records=" + std::to_string(counts.records) +
                  "\ncsv_rows=" + std::to_string(counts.rows) +
                  "\ncsv_rejected_rows=" + std::to_string(counts.rejected_rows) +
                  "\norder_lines=" + std::to_string(counts.order_lines) + "\n";
    }
    if (args.only.empty() || args.only == "crm") {
      const auto counts = crmsync::bench::SalesforcePageWriter(backfill).write(args.out / "crm");
      manifest += "crm_records=" + std::to_string(counts.records) +
                  "\ncrm_rejected_rows=" + std::to_string(counts.rejected_rows) + "\n";
    }
    if (args.only.empty() || args.only == "reference") {
      crmsync::bench::ReferenceRowWriter(backfill).write(args.out / "reference");
    }
    if (args.only.empty() || args.only == "truth") {
      crmsync::bench::TruthWriter(backfill).write(args.out / "truth");
    }
    crmsync::bench::OutputFile file(args.out / "manifest");
    file.write(manifest);
    file.close();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << manifest << "generator_seconds=" << seconds << "\n";
  } catch (const std::exception& problem) {
    std::cerr << "backfill_generator: " << problem.what() << "\n";
    return 1;
  }
  return 0;
}
