#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>

namespace crmsync::csv_drop {

// The contents already ingested, by SHA-256: one hex hash per line in an
// append-only file. A hash is appended (and fsync'ed) after the file's last
// batch has committed, so the same content dropped again under any name is
// not read twice.
class IngestLedger {
 public:
  explicit IngestLedger(std::filesystem::path file);

  // Reads the ledger; a missing file is an empty ledger. Lines that are not a
  // hash are skipped. False (with `error`) when the file cannot be read.
  bool load(std::string& error);
  [[nodiscard]] bool contains(const std::string& sha256) const;
  // Appends one hash durably. False (with `error`) when it could not.
  bool append(const std::string& sha256, std::string& error);

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::unordered_set<std::string> hashes_;
};

}  // namespace crmsync::csv_drop
