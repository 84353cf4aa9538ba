#include "daemon/identity/incremental_linker.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "daemon/identity/name_conflict.hpp"

namespace crmsync::identity {
namespace {

struct CustomerEvidence {
  double total = 0.0;
  double best = -std::numeric_limits<double>::infinity();
  double worst = std::numeric_limits<double>::infinity();
  std::size_t pairs = 0;
  std::size_t best_other = 0;
  std::string identifier_rule;  // set when an identifier matched
  bool same_record = false;     // a source says the incoming record is one of this customer's
  bool forbidden = false;

  [[nodiscard]] double mean() const { return pairs == 0 ? 0.0 : total / static_cast<double>(pairs); }
};

}  // namespace

std::string IncrementalLinker::identifier_rule(std::size_t a, std::size_t b) const {
  const auto levels = scorer_.compare(a, b);
  // A shared identifier decides only when the names do not contradict it: a
  // couple or a parent and child sharing one mailbox or landline are still
  // two customers. Different given names contradict every identifier; a
  // different whole name (unsplit Han names, companies) contradicts a shared
  // mailbox or phone, but not a tax id: a company's English and Chinese
  // names differ while its tax id is its own.
  const auto names = name_conflict(levels);
  if (names == NameConflict::kGivenName || names == NameConflict::kBothNames) return {};
  if (levels[index_of(MatchField::kTaxId)] == AgreementLevel::kExact) return "tax_id";
  if (names == NameConflict::kWholeName) return {};
  if (levels[index_of(MatchField::kEmail)] == AgreementLevel::kExact) return "email";
  if (levels[index_of(MatchField::kPhone)] == AgreementLevel::kExact) return "phone";
  return {};
}

LinkDecision IncrementalLinker::decide(std::size_t record, const std::vector<LinkedRecord>& candidates,
                                       const Forbidden& forbidden) const {
  std::map<long long, CustomerEvidence> by_customer;
  std::vector<ReviewCandidate> review_band;
  for (const auto& candidate : candidates) {
    if (candidate.index == record) continue;
    auto& evidence = by_customer[candidate.customer_id];
    if (forbidden && forbidden(record, candidate.index)) evidence.forbidden = true;
    if (name_the_same_record(scorer_.record(record), scorer_.record(candidate.index)))
      evidence.same_record = true;
    const double score = scorer_.score(record, candidate.index);
    evidence.total += score;
    ++evidence.pairs;
    evidence.worst = std::min(evidence.worst, score);
    if (score > evidence.best) {
      evidence.best = score;
      evidence.best_other = candidate.index;
    }
    // An identifier decides only when the pair as a whole points the same way:
    // a shared switchboard number does not make "Customer 1" and "Customer 7" one.
    if (evidence.identifier_rule.empty() && score >= config_.thresholds.review_from) {
      evidence.identifier_rule = identifier_rule(record, candidate.index);
    }
    if (score >= config_.thresholds.review_from && score < config_.thresholds.auto_merge_at) {
      review_band.push_back({candidate.index, candidate.customer_id, score});
    }
  }

  LinkDecision decision;
  decision.rule = "new";
  std::vector<std::pair<long long, const CustomerEvidence*>> qualified;
  for (const auto& [customer_id, evidence] : by_customer) {
    if (evidence.forbidden) continue;
    const bool strong =
        evidence.best >= config_.thresholds.auto_merge_at || !evidence.identifier_rule.empty();
    // An identifier match stands unless some record of the customer clearly differs.
    const bool coherent = evidence.worst > config_.clustering.veto_below &&
                          (evidence.mean() >= config_.clustering.min_average_linkage ||
                           (!evidence.identifier_rule.empty() && evidence.pairs == 1));
    // A source's word that two records are one outweighs what their values say.
    if (evidence.same_record || (strong && coherent)) qualified.emplace_back(customer_id, &evidence);
  }
  std::sort(qualified.begin(), qualified.end(), [](const auto& a, const auto& b) {
    if (a.second->same_record != b.second->same_record) return a.second->same_record;
    return a.second->mean() > b.second->mean();
  });
  if (!qualified.empty()) {
    const auto& [customer_id, evidence] = qualified.front();
    decision.customer_id = customer_id;
    decision.score = evidence->mean();
    decision.rule = evidence->same_record               ? "same_record"
                    : evidence->identifier_rule.empty() ? "probabilistic"
                                                        : evidence->identifier_rule;
    // The other customers it would also have joined: a person decides.
    for (std::size_t i = 1; i < qualified.size(); ++i) {
      decision.review.push_back(
          {qualified[i].second->best_other, qualified[i].first, qualified[i].second->best});
    }
  } else {
    // Strong pairs kept apart by the customer as a whole are worth a look too.
    for (const auto& [customer_id, evidence] : by_customer) {
      if (!evidence.forbidden && evidence.best >= config_.thresholds.auto_merge_at) {
        decision.review.push_back({evidence.best_other, customer_id, evidence.best});
      }
    }
  }
  for (const auto& pair : review_band) {
    if (decision.customer_id && pair.customer_id == *decision.customer_id) continue;
    if (by_customer[pair.customer_id].forbidden) continue;
    decision.review.push_back(pair);
  }
  return decision;
}

}  // namespace crmsync::identity
