#include "truth_writer.hpp"

#include <string>

#include "output_file.hpp"
#include "salesforce_page_writer.hpp"

namespace crmsync::bench {

void TruthWriter::write(const std::filesystem::path& directory) const {
  std::filesystem::create_directories(directory);
  const BackfillShape& shape = backfill_.shape();
  OutputFile csv(directory / "csv_customers.tsv");
  OutputFile crm(directory / "crm_customers.tsv");
  for (std::size_t n = 0; n < shape.customers; ++n) {
    // Only re-sends need their record built: an original is its own person.
    const bool original = n < shape.base_customers();
    const std::size_t person = original ? n : backfill_.customer(n).duplicate_of.value_or(n);
    const std::string tail = "\t" + std::to_string(person) + (original ? "\t1\n" : "\t0\n");
    csv.write(backfill_.customer_id(n) + tail);
    crm.write(SalesforcePageWriter::record_id(n) + tail);
  }
  csv.close();
  crm.close();
}

}  // namespace crmsync::bench
