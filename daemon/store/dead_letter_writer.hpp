#pragma once

#include <string>

#include <soci/soci.h>

#include "daemon/store/batch_writer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {

// Stores the dead letters of one stream. A letter already stored (same
// external id, location, reason and payload) is not stored again, so that
// replaying a batch adds nothing.
class DeadLetterWriter {
 public:
  DeadLetterWriter(Database& database, std::string instance, std::string stream);
  DeadLetterWriter(const DeadLetterWriter&) = delete;
  DeadLetterWriter& operator=(const DeadLetterWriter&) = delete;

  // True when the letter was new.
  bool store(const DeadLetter& letter, const std::string& now);

 private:
  std::string instance_;
  std::string stream_;
  NullableText external_id_;
  NullableText location_;
  std::string reason_;
  NullableText payload_;
  std::string letter_hash_;
  std::string now_;
  int found_ = 0;

  soci::statement count_;
  soci::statement insert_;
};

}  // namespace crmsync::store
