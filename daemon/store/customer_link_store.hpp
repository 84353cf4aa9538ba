#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/database.hpp"
#include "daemon/store/multi_row_insert.hpp"

namespace crmsync::store {

struct CustomerLink {
  long long source_record_id = 0;
  long long customer_id = 0;
  std::optional<long long> merged_from;  // the customer it belonged to before a merge moved it
  std::string linked_at;
  std::string rule;  // why it joined: "source" (it started the customer), "email", "probabilistic", ...
};

// Which source records make up which golden customer (`customer_link`).
class CustomerLinkStore {
 public:
  explicit CustomerLinkStore(Database& database) : database_(database) {}

  [[nodiscard]] std::map<long long, long long> customer_of(const std::vector<long long>& source_record_ids);
  [[nodiscard]] std::vector<CustomerLink> members_of(const std::vector<long long>& customer_ids);
  // Links (or relinks) a record. `part`: the merged-in customer whose records
  // it matched, when it joins a customer built by a manual merge, so that an
  // unmerge takes it along with that part.
  void link(long long source_record_id, long long customer_id, const std::string& rule, double score,
            const std::string& now, std::optional<long long> part = std::nullopt);
  // The same for many records: queued, then written by flush_links() in a
  // few statements. Reads do not see queued links before the flush.
  void queue_link(long long source_record_id, long long customer_id, const std::string& rule, double score,
                  const std::string& now, std::optional<long long> part = std::nullopt);
  void flush_links();
  void unlink(long long source_record_id);
  // Moves every record of `from` into `into`, remembering where each came from.
  void move_all(long long from, long long into, const std::string& now);
  // Sends records that a merge brought into `customer` back where they were.
  void restore_merged(long long customer, long long part);
  // Customers that held records before a merge into `customer`.
  [[nodiscard]] std::vector<long long> merged_parts(long long customer);

 private:
  Database& database_;
  std::vector<long long> queued_ids_;
  MultiRowInsert queued_{
      "customer_link",
      {"source_record_id", "customer_id", "match_rule", "score", "linked_at", "merged_from"}};
};

}  // namespace crmsync::store
