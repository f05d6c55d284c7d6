/// @file
/// Chaikin accumulation/distribution line, Chaikin A/D oscillator and Chaikin money flow
/// (alpha::features).
///
/// Shared definition: the close location value CLV_t = ((C - L) - (H - C)) / (H - L) in
/// [-1, 1], taken as 0 when H <= L (TA-Lib adds nothing to the A/D line then; TTR sets CLV to 0).
/// NaN rule: a bar with a NaN high, low, close or volume is a missing bar: skipped (state
/// unchanged, value() repeats the previous output).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

namespace detail {
/// The A/D line increment CLV * V of a bar (TA-Lib's arithmetic), 0 when H <= L.
[[nodiscard]] inline double ad_increment(const bar& b) noexcept {
  const double range = b.high - b.low;
  return range > 0.0 ? (((b.close - b.low) - (b.high - b.close)) / range) * b.volume : 0.0;
}
}  // namespace detail

/// Chaikin accumulation/distribution line (TA-Lib AD, TTR `chaikinAD`): AD_t = AD_{t-1} +
/// CLV_t V_t, AD_{-1} = 0. Parameters: none. Warm-up: lookback() = 0. O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (naive cumulative sum; laws)
class ad_line {
 public:
  struct params {};
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"ad"};

  explicit ad_line(const params& = {}) noexcept {}
  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    ad_ = (is_nan(ad_) ? 0.0 : ad_) + detail::ad_increment(b);
  }
  [[nodiscard]] double value() const noexcept { return ad_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(ad_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  void reset() noexcept { ad_ = nan; }

 private:
  double ad_ = nan;
};

/// Chaikin A/D oscillator (TA-Lib ADOSC; defaults fast 3, slow 10): EMA_fast(AD) - EMA_slow(AD)
/// with k = 2/(p+1), both EMAs seeded with the first AD value (TA-Lib's ADOSC seeding, not the
/// SMA seed of its EMA): e_0 = AD_0, e_t = k AD_t + (1 - k) e_{t-1}.
/// Parameters: fast_period, slow_period >= 1 (config_error naming them). Warm-up: lookback() =
/// max(fast, slow) - 1 (TA-Lib). O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (naive recursion; laws)
class ad_oscillator {
 public:
  struct params {
    std::size_t fast_period = 3;   ///< >= 1
    std::size_t slow_period = 10;  ///< >= 1
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"adosc"};

  explicit ad_oscillator(const params& p)
      : kf_(2.0 / (static_cast<double>(detail::checked_period("fast_period", p.fast_period)) + 1)),
        ks_(2.0 / (static_cast<double>(detail::checked_period("slow_period", p.slow_period)) + 1)),
        lookback_(std::max(p.fast_period, p.slow_period) - 1) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    ad_ += detail::ad_increment(b);
    if (count_ == 0) {
      fast_ = slow_ = ad_;
    } else {
      fast_ = (kf_ * ad_) + ((1.0 - kf_) * fast_);
      slow_ = (ks_ * ad_) + ((1.0 - ks_) * slow_);
    }
    ++count_;
  }
  [[nodiscard]] double value() const noexcept { return ready() ? fast_ - slow_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return count_ > lookback_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    ad_ = 0.0;
    fast_ = slow_ = nan;
    count_ = 0;
  }

 private:
  double kf_, ks_;
  std::size_t lookback_;
  double ad_ = 0.0;
  double fast_ = nan, slow_ = nan;
  std::size_t count_ = 0;
};

/// Chaikin money flow (TTR `CMF`; not in TA-Lib; default period 20): sum of CLV_t V_t over the
/// last n bars / sum of V_t over them; NaN when the volume sum is 0.
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n - 1.
/// Complexity: O(1) amortised per bar (two rolling::sum), O(n) memory.
/// @test tests/features/bar_naive_test.cpp (naive window sums; laws)
class chaikin_money_flow {
 public:
  struct params {
    std::size_t period = 20;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"cmf"};

  explicit chaikin_money_flow(const params& p)
      : flow_({.window = detail::checked_period("period", p.period)}), vol_({.window = p.period}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    flow_.update(detail::ad_increment(b));
    vol_.update(b.volume);
    if (flow_.ready()) {
      const double v = vol_.value();
      value_ = v != 0.0 ? flow_.value() / v : nan;
    }
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return flow_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return flow_.lookback(); }
  void reset() noexcept {
    flow_.reset();
    vol_.reset();
    value_ = nan;
  }

 private:
  ::alpha::rolling::sum flow_;
  ::alpha::rolling::sum vol_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
