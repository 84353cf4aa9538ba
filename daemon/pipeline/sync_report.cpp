#include "daemon/pipeline/sync_report.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace crmsync::pipeline {

bool SyncReport::ok() const {
  return error.empty() && std::all_of(streams.begin(), streams.end(), [](const auto& s) { return s.ok; });
}

std::optional<std::chrono::milliseconds> SyncReport::retry_after() const {
  std::optional<std::chrono::milliseconds> longest;
  for (const auto& s : streams) {
    if (s.retry_after && (!longest || *s.retry_after > *longest)) longest = s.retry_after;
  }
  return longest;
}

store::BatchOutcome SyncReport::totals() const {
  store::BatchOutcome sum;
  for (const auto& s : streams) {
    sum.inserted += s.totals.inserted;
    sum.updated += s.totals.updated;
    sum.unchanged += s.totals.unchanged;
    sum.dead_lettered += s.totals.dead_lettered;
  }
  return sum;
}

std::string SyncReport::summary() const {
  const store::BatchOutcome sum = totals();
  std::string text = fmt::format("{}: {} new, {} updated, {} unchanged, {} dead letters", instance,
                                 sum.inserted, sum.updated, sum.unchanged, sum.dead_lettered);
  if (!error.empty()) text += fmt::format("; failed: {}", error);
  for (const auto& s : streams) {
    if (!s.ok) text += fmt::format("; stream {} failed: {}", s.stream, s.error);
  }
  if (interrupted) text += "; interrupted";
  return text;
}

}  // namespace crmsync::pipeline
