#include "daemon/http_client/request_budget.hpp"

#include <algorithm>

namespace crmsync::http_client {
namespace {

constexpr double kMinimumRate = 0.05;     // never slower than one request per 20 s
constexpr double kLowShare = 0.2;         // below 20 % of a window's allowance, spread the rest
constexpr long kLowDailyRemaining = 200;  // daily allowances: slow down for the last few hundred
constexpr auto kDailySlowdown = std::chrono::minutes(10);

std::chrono::nanoseconds seconds_to_duration(double seconds) {
  return std::chrono::nanoseconds(static_cast<long long>(seconds * 1e9));
}

}  // namespace

RequestBudget::RequestBudget(double requests_per_second, int burst, TimePoint now)
    : configured_rate_(std::max(requests_per_second, kMinimumRate)),
      capacity_(std::max(1, burst)),
      tokens_(capacity_),
      refilled_at_(now) {}

double RequestBudget::rate_at(TimePoint now) const {
  if (slowed_rate_ > 0.0 && now < slowed_until_) return std::min(configured_rate_, slowed_rate_);
  return configured_rate_;
}

double RequestBudget::current_rate(TimePoint now) const {
  std::lock_guard lock(mutex_);
  return rate_at(now);
}

void RequestBudget::refill(TimePoint now) {
  if (now <= refilled_at_) return;
  const double elapsed = std::chrono::duration<double>(now - refilled_at_).count();
  tokens_ = std::min(capacity_, tokens_ + elapsed * rate_at(now));
  refilled_at_ = now;
}

std::chrono::nanoseconds RequestBudget::reserve(TimePoint now) {
  std::lock_guard lock(mutex_);
  refill(now);
  std::chrono::nanoseconds wait{0};
  if (now < paused_until_) {
    wait = paused_until_ - now;
  }
  // Going into debt queues callers behind each other at the budget's rate.
  tokens_ -= 1.0;
  if (tokens_ < 0.0) {
    wait = std::max(wait, seconds_to_duration(-tokens_ / rate_at(now)));
  }
  return wait;
}

void RequestBudget::observe(const RateLimitSnapshot& snapshot, TimePoint now) {
  std::lock_guard lock(mutex_);
  refill(now);
  if (snapshot.window) {
    const double window_seconds = std::max(0.001, std::chrono::duration<double>(*snapshot.window).count());
    if (snapshot.remaining <= 0) {
      paused_until_ = std::max(paused_until_, now + *snapshot.window);
      tokens_ = std::min(tokens_, 0.0);
      return;
    }
    const bool low =
        snapshot.limit ? snapshot.remaining < *snapshot.limit * kLowShare : snapshot.remaining < 5;
    if (low) {
      // Spread what is left over the rest of the window instead of running into a 429.
      slowed_rate_ = std::max(kMinimumRate, static_cast<double>(snapshot.remaining) / window_seconds);
      slowed_until_ = now + *snapshot.window;
      tokens_ = std::min(tokens_, 1.0);
    }
    return;
  }
  // A daily allowance (Zoho credits, Salesforce api-usage): crawl near the end.
  if (snapshot.remaining <= kLowDailyRemaining) {
    slowed_rate_ = std::max(kMinimumRate, configured_rate_ * static_cast<double>(snapshot.remaining) /
                                              static_cast<double>(kLowDailyRemaining) / 4.0);
    slowed_until_ = now + kDailySlowdown;
  }
}

void RequestBudget::pause_until(TimePoint until) {
  std::lock_guard lock(mutex_);
  paused_until_ = std::max(paused_until_, until);
}

void RequestBudget::limit_rate(double requests_per_second, int burst) {
  std::lock_guard lock(mutex_);
  configured_rate_ = std::min(configured_rate_, std::max(requests_per_second, kMinimumRate));
  capacity_ = std::min(capacity_, static_cast<double>(std::max(1, burst)));
  tokens_ = std::min(tokens_, capacity_);
}

}  // namespace crmsync::http_client
