/// @file
/// alpha::features::vol_persistence: rolling mean of a short-window volatility.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/historical_volatility.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Volatility persistence (source design S1, "5-day mean of 5-day vol"):
/// vp_t = (1/m) sum_{j=0}^{m-1} hv_{t-j}, where hv is the annualised close-to-close volatility
/// of the last n log returns (features::historical_volatility: sample sd x sqrt(periods_per_year)).
/// A smoothed short-horizon volatility level: high when volatility has stayed high for m bars.
///
/// - Params: vol_window n >= 2 (5), mean_window m >= 1 (5), periods_per_year > 0 (252).
/// - Lookback: n + m - 1 (the first hv is at bar n, m of them are needed).
/// - NaN rule: a NaN input is skipped (no new hv value; output repeats).
/// - Complexity: O(1) amortised per update, O(n + m) memory.
/// @test tests/features_ts/returns_vol_test.cpp (two-pass long-double loop, laws)
class vol_persistence {
 public:
  struct params {
    std::size_t vol_window = 5;       ///< n >= 2 returns per volatility
    std::size_t mean_window = 5;      ///< m >= 1 volatilities averaged
    double periods_per_year = 252.0;  ///< annualisation of hv
  };
  static constexpr std::array<std::string_view, 1> output_names{"vol_persistence"};

  explicit vol_persistence(const params& p)
      : hv_({.period = detail::ts::check_window(p.vol_window, "vol_window", 2),
             .periods_per_year = p.periods_per_year}),
        mean_({.window = detail::ts::check_window(p.mean_window, "mean_window")}),
        lookback_(p.vol_window + p.mean_window - 1) {}

  /// Pushes the next price. O(1) amortised.
  void update(double x) noexcept {
    if (is_nan(x)) return;
    hv_.update(x);
    if (hv_.ready()) mean_.update(hv_.value());
  }
  [[nodiscard]] double value() const noexcept { return mean_.value(); }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    hv_.reset();
    mean_.reset();
  }

 private:
  historical_volatility hv_;
  rolling::mean mean_;
  std::size_t lookback_;
};

}  // namespace features
ALPHA_END_NAMESPACE
