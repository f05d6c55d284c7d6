/// @file
/// alpha::features::linear_regression: rolling OLS line on time (TA-Lib LINEARREG family).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/linear_regression.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Least-squares line through the last n values against x = 0 (oldest) .. n-1 (newest), TA-Lib's
/// family in one indicator: slope (LINEARREG_SLOPE), intercept (LINEARREG_INTERCEPT, the fit at
/// x = 0), angle = atan(slope) in degrees (LINEARREG_ANGLE), forecast = fit at x = n - 1
/// (LINEARREG), tsf = intercept + slope n, the fit one bar ahead (TSF). Computed by
/// rolling::linear_regression (compensated, exact integer time sums).
///
/// - Params: period n >= 2 (TA-Lib default 14).
/// - Outputs: slope, intercept, angle, forecast, tsf. Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_stats_test.cpp (TA-Lib linreg_slope20; naive OLS in long double;
///       laws)
class linear_regression {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 2
  };
  static constexpr std::array<std::string_view, 5> output_names{"slope", "intercept", "angle",
                                                                "forecast", "tsf"};

  explicit linear_regression(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)), fit_({.window = n_}) {}

  void update(double x) noexcept {
    if (!is_nan(x)) fit_.update(x);
  }
  [[nodiscard]] std::array<double, 5> value() const noexcept {
    if (!ready()) return {nan, nan, nan, nan, nan};
    const double m = fit_.slope(), b = fit_.intercept();
    return {m, b, std::atan(m) * (180.0 / std::numbers::pi), fit_.forecast(),
            b + m * static_cast<double>(n_)};
  }
  [[nodiscard]] bool ready() const noexcept { return fit_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_ - 1; }
  void reset() noexcept { fit_.reset(); }

 private:
  std::size_t n_;
  rolling::linreg_slope fit_;
};

}  // namespace features
ALPHA_END_NAMESPACE
