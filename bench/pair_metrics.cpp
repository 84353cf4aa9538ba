#include "bench/pair_metrics.hpp"

#include <algorithm>
#include <utility>

namespace crmsync::bench {

namespace {

std::uint64_t pairs_within_groups(std::vector<std::uint64_t> labels) {
  std::sort(labels.begin(), labels.end());
  std::uint64_t pairs = 0;
  std::size_t begin = 0;
  while (begin < labels.size()) {
    std::size_t end = begin;
    while (end < labels.size() && labels[end] == labels[begin]) ++end;
    const std::uint64_t k = end - begin;
    pairs += k * (k - 1) / 2;
    begin = end;
  }
  return pairs;
}

}  // namespace

PairMetrics PairMetrics::of(const std::vector<std::uint64_t>& predicted,
                            const std::vector<std::uint64_t>& truth) {
  PairMetrics m;
  m.pairs_true = pairs_within_groups(truth);
  m.pairs_predicted = pairs_within_groups(predicted);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> both(predicted.size());
  for (std::size_t i = 0; i < predicted.size(); ++i) both[i] = {predicted[i], truth[i]};
  std::sort(both.begin(), both.end());
  std::size_t begin = 0;
  while (begin < both.size()) {
    std::size_t end = begin;
    while (end < both.size() && both[end] == both[begin]) ++end;
    const std::uint64_t k = end - begin;
    m.pairs_correct += k * (k - 1) / 2;
    begin = end;
  }
  return m;
}

double PairMetrics::precision() const {
  return pairs_predicted == 0 ? 1.0
                              : static_cast<double>(pairs_correct) / static_cast<double>(pairs_predicted);
}

double PairMetrics::recall() const {
  return pairs_true == 0 ? 1.0 : static_cast<double>(pairs_correct) / static_cast<double>(pairs_true);
}

double PairMetrics::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

}  // namespace crmsync::bench
