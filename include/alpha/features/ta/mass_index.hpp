/// @file
/// Dorsey's mass index (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Mass index (TTR `massIndex` convention; defaults ema_period 9, sum_period 25): R_t = H - L,
/// E1 = EMA_9(R), E2 = EMA_9(E1) (rolling::ema: SMA-seeded, k = 2/(n+1), as TTR's EMA), and
/// MI = sum over the last 25 bars of E1 / E2 (NaN while E2 = 0). Not in TA-Lib.
/// Parameters: ema_period, sum_period >= 1 (config_error naming them). Warm-up: lookback() =
/// 2 (ema_period - 1) + sum_period - 1 (40 by default, TTR's first value). NaN rule: a bar with
/// a NaN high or low is skipped (state unchanged, value() repeats).
/// Complexity: O(1) amortised per bar, O(sum_period) memory.
/// @test tests/features/bar_naive_test.cpp (naive EMA recursions and window sums; laws)
class mass_index {
 public:
  struct params {
    std::size_t ema_period = 9;   ///< >= 1
    std::size_t sum_period = 25;  ///< >= 1
  };
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::array<std::string_view, 1> output_names{"mass"};

  explicit mass_index(const params& p)
      : e1_({detail::checked_period("ema_period", p.ema_period)}),
        e2_({p.ema_period}),
        sum_({.window = detail::checked_period("sum_period", p.sum_period)}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    e1_.update(b.high - b.low);
    if (!e1_.ready()) return;
    e2_.update(e1_.value());
    if (!e2_.ready()) return;
    const double d = e2_.value();
    sum_.update(d != 0.0 ? e1_.value() / d : nan);
    value_ = sum_.value();
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return sum_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept {
    return e1_.lookback() + e2_.lookback() + sum_.lookback();
  }
  void reset() noexcept {
    e1_.reset();
    e2_.reset();
    sum_.reset();
    value_ = nan;
  }

 private:
  ::alpha::rolling::ema e1_;
  ::alpha::rolling::ema e2_;
  ::alpha::rolling::sum sum_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
