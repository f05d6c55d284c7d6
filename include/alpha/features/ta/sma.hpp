/// @file
/// alpha::features::sma: simple moving average (TA-Lib SMA).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Simple moving average, TA-Lib SMA (= TTR SMA): sma_t = (x_{t-n+1} + ... + x_t) / n.
///
/// - Params: period n >= 1 (TA-Lib default 30).
/// - Lookback: n - 1 (TA-Lib SMA_Lookback).
/// - NaN rule (every one-series indicator of alpha::features): a NaN input is a missing bar,
/// skipped:
///   the state does not change and the output repeats the previous bar's (NaN in the warm-up),
///   so the window holds the last n valid values.
/// - Complexity: O(1) amortised per update (rolling::mean: compensated sums), O(n) memory; batch
///   kernel bit-equal to streaming.
/// @test tests/features/series_ma_test.cpp (TA-Lib and TTR sma20 on ttrc/sp500/msft; laws)
class sma {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"sma"};

  explicit sma(const params& p)
      : mean_({.window = ::alpha::detail::ta::check_period(p.period, "period")}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    mean_.update(x);
  }
  [[nodiscard]] double value() const noexcept { return mean_.value(); }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return mean_.lookback(); }
  void reset() noexcept { mean_.reset(); }

  /// Batch kernel (rolling::mean's), bit-equal to streaming.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    const rolling::window_params wp{.window =
                                        ::alpha::detail::ta::check_period(p.period, "period")};
    ::alpha::detail::ta::skip_nan_batch<1>(
        in.close, out, [&](auto x, const auto& o) { rolling::mean::batch(wp, x, o[0]); });
  }

 private:
  rolling::mean mean_;
};

}  // namespace features
ALPHA_END_NAMESPACE
