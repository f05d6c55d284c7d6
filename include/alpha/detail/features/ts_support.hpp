/// @file
/// Internals of the per-asset time-series features (returns, volatility, volume,
/// microstructure, cross-asset): parameter checks, a lag buffer with random access, price
/// relatives and the standard normal CDF.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/features/returns/return_kind.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features::detail::ts {

/// config_error naming `name` unless min <= v <= 2^31 (an integer window or horizon).
inline std::size_t check_window(std::size_t v, const char* name, std::size_t min = 1) {
  if (v < min || v > (std::size_t{1} << 31))
    throw config_error(name, "must be between " + std::to_string(min) + " and 2^31 (got " +
                                 std::to_string(v) + ")");
  return v;
}

/// config_error naming `name` unless v is finite and > 0.
inline double check_positive(double v, const char* name) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw config_error(name, "must be a finite number > 0 (got " + std::to_string(v) + ")");
  return v;
}

/// config_error unless `k` is one of the enumerators of return_kind.
inline return_kind check_kind(return_kind k, const char* name = "kind") {
  if (k != return_kind::simple && k != return_kind::log)
    throw config_error(name, "must be return_kind::simple or return_kind::log (got " +
                                 std::to_string(static_cast<int>(k)) + ")");
  return k;
}

/// The return from `then` to `now`: now / then - 1 (simple) or log(now / then) (log). NaN when
/// either price is NaN; a non-positive ratio gives NaN for the log form.
[[nodiscard]] inline double price_return(double now, double then, return_kind k) noexcept {
  const double rel = now / then;
  return k == return_kind::log ? std::log(rel) : rel - 1.0;
}

/// Standard normal CDF, Phi(x) = erfc(-x / sqrt 2) / 2 (accurate in both tails).
[[nodiscard]] inline double normal_cdf(double x) noexcept {
  return 0.5 * std::erfc(-x * 0.70710678118654752440);
}

/// The last `capacity` values with random access by lag: lag(0) is the newest, lag(k) the value
/// pushed k pushes before it (precondition k < size()). O(1) per push and access.
class lag_buffer {
 public:
  explicit lag_buffer(std::size_t capacity) : data_(capacity) {}
  void push(double x) noexcept {
    head_ = head_ + 1 == data_.size() ? 0 : head_ + 1;
    data_[head_] = x;
    if (size_ < data_.size()) ++size_;
  }
  [[nodiscard]] double lag(std::size_t k) const noexcept {
    return data_[head_ >= k ? head_ - k : head_ + data_.size() - k];
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool full() const noexcept { return size_ == data_.size(); }
  void clear() noexcept {
    size_ = 0;
    head_ = 0;
  }

 private:
  std::vector<double> data_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

/// The state of the two-horizon return features (momentum acceleration, relative strength):
/// the last l + 1 valid prices and the returns over the last s and l of them (s < l; both
/// validated with config_errors naming short_horizon / long_horizon). O(1) per push, O(l)
/// memory.
class two_horizon_returns {
 public:
  two_horizon_returns(std::size_t s, std::size_t l, return_kind kind)
      : s_(check_window(s, "short_horizon")),
        l_(checked_long(l, s_)),
        kind_(check_kind(kind)),
        lags_(l_ + 1) {}
  /// Takes the next price; a NaN is skipped (horizons count valid prices).
  void push(double x) noexcept {
    if (!is_nan(x)) lags_.push(x);
  }
  [[nodiscard]] bool ready() const noexcept { return lags_.full(); }
  [[nodiscard]] std::size_t long_horizon() const noexcept { return l_; }
  /// r(s) and r(l) of the newest price (precondition: ready()).
  [[nodiscard]] double short_return() const noexcept {
    return price_return(lags_.lag(0), lags_.lag(s_), kind_);
  }
  [[nodiscard]] double long_return() const noexcept {
    return price_return(lags_.lag(0), lags_.lag(l_), kind_);
  }
  void clear() noexcept { lags_.clear(); }

 private:
  static std::size_t checked_long(std::size_t l, std::size_t s) {
    check_window(l, "long_horizon", 2);
    if (l <= s)
      throw config_error("long_horizon", "must be > short_horizon (got " + std::to_string(l) +
                                             " <= " + std::to_string(s) + ")");
    return l;
  }
  std::size_t s_, l_;
  return_kind kind_;
  lag_buffer lags_;
};

/// The state shared by the pair-return features: one-bar returns of asset and benchmark over
/// pairs where both prices exist.
class pair_returns {
 public:
  explicit pair_returns(return_kind k) : kind_(k) {}
  /// Takes the next pair; returns true and sets (ra, rb) when a return pair is available.
  bool push(double a, double b, double& ra, double& rb) noexcept {
    if (is_nan(a) || is_nan(b)) return false;
    const bool have = !is_nan(pa_);
    if (have) {
      ra = price_return(a, pa_, kind_);
      rb = price_return(b, pb_, kind_);
    }
    pa_ = a;
    pb_ = b;
    return have;
  }
  void clear() noexcept { pa_ = pb_ = nan; }

 private:
  return_kind kind_;
  double pa_ = nan, pb_ = nan;
};
}  // namespace features::detail::ts
ALPHA_END_NAMESPACE
