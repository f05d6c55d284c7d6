/// @file
/// alpha::features::ema: exponential moving average (TA-Lib EMA, SMA seed).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Exponential moving average, TA-Lib EMA (default compatibility; = TTR EMA): k = 2/(n+1);
/// e_{n-1} = mean of the first n values; e_t = (x_t - e_{t-1}) k + e_{t-1}. Differs from pandas
/// ewm(span=n) in the first bars (pandas seeds with x_0; the gap decays as (1-k)^t).
///
/// - Params: period n >= 1 (TA-Lib default 30).
/// - Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update, O(1) memory; batch kernel (one loop, rolling::ema's)
///   bit-equal to streaming.
/// @test tests/features/series_ma_test.cpp (TA-Lib and TTR ema20 on ttrc/sp500/msft; laws)
class ema {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"ema"};

  explicit ema(const params& p)
      : e_({.period = ::alpha::detail::ta::check_period(p.period, "period")}) {}

  void update(double x) noexcept { e_.update(x); }  // rolling::ema skips NaN
  [[nodiscard]] double value() const noexcept { return e_.value(); }
  [[nodiscard]] bool ready() const noexcept { return e_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return e_.lookback(); }
  void reset() noexcept { e_.reset(); }

  /// Batch kernel: rolling::ema's single loop (it skips NaN the same way), bit-equal to
  /// streaming.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    rolling::ema::batch({.period = ::alpha::detail::ta::check_period(p.period, "period")}, in.close,
                        out[0]);
  }

 private:
  rolling::ema e_;
};

}  // namespace features
ALPHA_END_NAMESPACE
