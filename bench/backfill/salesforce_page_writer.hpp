#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "synthetic_backfill.hpp"

namespace crmsync::bench {

// Writes a backfill as the rows a Salesforce org answers SOQL queries with
// (the field lists the salesforce connector selects), one file per sObject:
// Account.jsonl, Contact.jsonl, Order.jsonl (OrderItems as a child page),
// Case.jsonl. Each line is one row followed by ",\n", in SystemModstamp, Id
// order, so bench/salesforce_bench_mock.py serves any page as one slice of
// the file. Every tenth customer is an Account, the rest are Contacts of the
// account before them; duplicates and bad values come along from the
// customers, and each rejected CSV row becomes a Contact without an Id.
class SalesforcePageWriter {
 public:
  struct Counts {
    std::size_t records = 0;
    std::size_t rejected_rows = 0;
  };

  explicit SalesforcePageWriter(const SyntheticBackfill& backfill) : backfill_(backfill) {}

  Counts write(const std::filesystem::path& directory) const;
  // The Id of customer `number`'s row: an Account's or a Contact's.
  [[nodiscard]] static std::string record_id(std::size_t number);

 private:
  const SyntheticBackfill& backfill_;
};

}  // namespace crmsync::bench
