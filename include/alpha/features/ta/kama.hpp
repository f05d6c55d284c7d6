/// @file
/// alpha::features::kama: Kaufman adaptive moving average (TA-Lib KAMA).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Kaufman adaptive moving average, TA-Lib KAMA: efficiency ratio
/// er_t = |x_t - x_{t-n}| / sum_{j=t-n+1..t} |x_j - x_{j-1}| (1 when the denominator is 0),
/// sc_t = (er_t (2/(fast+1) - 2/(slow+1)) + 2/(slow+1))^2, kama_t = (x_t - kama_{t-1}) sc_t +
/// kama_{t-1}, seeded kama_{n-1} = x_{n-1} (TA-Lib's seed; the first output is at bar n).
///
/// - Params: period n >= 1 (TA-Lib default 30), fast >= 1 (2), slow >= 1 (30); TA-Lib fixes
///   fast = 2 and slow = 30.
/// - Lookback: n.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update (running sum of |diff|, recomputed exactly every n
///   updates), O(n) memory.
/// @test tests/features/series_ma_test.cpp (naive loop over the definition; laws)
class kama {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1: efficiency-ratio window
    std::size_t fast = 2;     ///< fastest smoothing period (>= 1)
    std::size_t slow = 30;    ///< slowest smoothing period (>= 1)
  };
  static constexpr std::array<std::string_view, 1> output_names{"kama"};

  explicit kama(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")),
        slow_k_(2.0 /
                (static_cast<double>(::alpha::detail::ta::check_period(p.slow, "slow")) + 1.0)),
        diff_k_(2.0 /
                    (static_cast<double>(::alpha::detail::ta::check_period(p.fast, "fast")) + 1.0) -
                slow_k_),
        prices_(n_ + 1),
        diffs_(n_) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (!prices_.empty()) {
      const double d = std::abs(x - prices_.back());
      if (diffs_.full()) sum_ -= diffs_.front();
      diffs_.push(d);
      sum_ += d;
      if (++since_ == n_) {
        since_ = 0;
        sum_ = 0.0;
        diffs_.for_each([this](double v) { sum_ += v; });
      }
    }
    prices_.push(x);
    ++count_;
    if (count_ == n_) {
      kama_ = x;
    } else if (count_ > n_) {
      const double change = std::abs(x - prices_.front());
      const double er = (sum_ <= change || sum_ == 0.0) ? 1.0 : change / sum_;
      const double s = er * diff_k_ + slow_k_;
      kama_ = ((x - kama_) * (s * s)) + kama_;
    }
  }
  [[nodiscard]] double value() const noexcept { return ready() ? kama_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return count_ > n_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept {
    prices_.clear();
    diffs_.clear();
    sum_ = 0.0;
    since_ = count_ = 0;
    kama_ = nan;
  }

 private:
  std::size_t n_;
  double slow_k_, diff_k_;
  ::alpha::detail::ring_buffer<double> prices_, diffs_;
  double sum_ = 0.0;
  std::size_t since_ = 0, count_ = 0;
  double kama_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
