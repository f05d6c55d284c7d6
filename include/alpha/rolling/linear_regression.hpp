/// @file
/// alpha::rolling::linear_regression<O>: OLS fit of the last w values on time, with the slope,
/// intercept, r-squared and end-point forecast as outputs (aliases linreg_slope, ...).
///
/// Customization points: none (concrete accumulators modelling alpha::StreamingAccumulator).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Which number a linear_regression accumulator reports as value().
enum class linreg_output {
  slope,      ///< OLS slope per step (TA-Lib LINEARREG_SLOPE)
  intercept,  ///< fitted value at the oldest slot of a full window, x = 0 (LINEARREG_INTERCEPT)
  r_squared,  ///< coefficient of determination of the fit (pearson r of (t, y), squared)
  forecast,   ///< fitted value at the newest slot, x = w - 1 (TA-Lib LINEARREG)
};

namespace detail {
/// Sums for a regression on time: positions u <= 0 relative to the newest slot (newest u = 0),
/// integer position sums (exact), compensated sums of d = y - K, d^2 and u d.
struct linreg_sums {
  using element = double;
  static constexpr std::size_t arity = 1;

  double origin = 0.0;
  std::size_t count = 0;   // valid values
  std::int64_t slots = 0;  // slots in the window, NaN included
  std::int64_t su = 0;     // sum u over valid values
  std::int64_t suu = 0;    // sum u^2
  ::alpha::detail::compensated_sum sd, sdd, sud;
  std::size_t run = 0;
  double last = nan;

  void add(double y) noexcept {
    // Every held slot moves one step into the past: u -> u - 1.
    const auto n = static_cast<std::int64_t>(count);
    sud.add(-sd.value());
    suu += n - 2 * su;
    su -= n;
    ++slots;
    if (is_nan(y)) return;
    if (count == 0) {
      origin = y;
      sd.clear();
      sdd.clear();
      sud.clear();
    }
    run = (y == last) ? run + 1 : 1;
    last = y;
    ++count;
    const double d = y - origin;
    sd.add(d);
    sdd.add(d * d);  // u = 0: no contribution to su, suu, sud
  }
  void remove(double y) noexcept {
    const std::int64_t u = 1 - slots;  // the oldest slot
    --slots;
    if (is_nan(y)) return;
    --count;
    const double d = y - origin;
    sd.add(-d);
    sdd.add(-d * d);
    sud.add(-static_cast<double>(u) * d);
    su -= u;
    suu -= u * u;
  }
  template <class ForEach>
  void rebuild(ForEach&& for_each) {
    ::alpha::detail::compensated_sum total;
    std::size_t n = 0;
    std::int64_t m = 0;
    for_each([&](double y) {
      ++m;
      if (!is_nan(y)) {
        total.add(y);
        ++n;
      }
    });
    slots = m;
    count = n;
    origin = n == 0 ? 0.0 : total.value() / static_cast<double>(n);
    sd.clear();
    sdd.clear();
    sud.clear();
    su = suu = 0;
    std::int64_t u = 1 - m;
    for_each([&](double y) {
      if (!is_nan(y)) {
        const double d = y - origin;
        sd.add(d);
        sdd.add(d * d);
        sud.add(static_cast<double>(u) * d);
        su += u;
        suu += u * u;
      }
      ++u;
    });
  }
  void clear() noexcept { *this = linreg_sums{}; }
  [[nodiscard]] bool ill_conditioned() const noexcept {
    return ::alpha::detail::drifted(sd.value(), sdd.value(), count, run >= count);
  }

  struct fit {
    double slope, forecast, r_squared;
  };
  /// The fit (precondition count >= 2).
  [[nodiscard]] fit solve() const noexcept {
    const double n = static_cast<double>(count);
    const double ubar = static_cast<double>(su) / n;
    const double dbar = sd.value() / n;
    const double cuu = static_cast<double>(suu) - static_cast<double>(su) * ubar;
    const bool flat = run >= count;
    const double cud = flat ? 0.0 : sud.value() - static_cast<double>(su) * dbar;
    const double cdd = flat ? 0.0 : std::max(0.0, sdd.value() - sd.value() * dbar);
    const double slope = cud / cuu;
    const double forecast = origin + dbar - slope * ubar;
    const double r2 = cdd > 0.0 ? std::clamp(cud * cud / (cuu * cdd), 0.0, 1.0) : nan;
    return {slope, forecast, r2};
  }
};
}  // namespace detail

/// Rolling least-squares line through the valid values of the last `window` inputs against their
/// position in the window (x = 0 for the oldest slot, w - 1 for the newest), TA-Lib's
/// LINEARREG family. value() reports `O`; slope(), intercept(), r_squared() and forecast() give
/// all four from the same state.
///
/// - Convention: intercept is at x = 0 (the oldest slot of a full window, TA-Lib
///   LINEARREG_INTERCEPT); forecast is the fitted value at the newest slot (TA-Lib LINEARREG);
///   the TA-Lib angle is atan(slope) in degrees. r_squared is NaN when the values are constant.
/// - NaN rule: NaN inputs keep their slot (positions do not close up) and are skipped; output NaN
///   unless the window holds >= max(min_periods, 2) valid values (default: window).
/// - Warm-up: lookback() = max(min_periods, 2) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update (shifting the time origin updates the sums in O(1)),
///   O(w) memory; batch bit-equal to streaming. window <= 1,000,000 (exact integer time sums).
/// @test tests/rolling/linear_regression_test.cpp (TA-Lib linreg_slope20, long-double reference,
///       laws)
template <linreg_output O>
class linear_regression : public ::alpha::detail::window_stat<linear_regression<O>,
                                                              detail::linreg_sums, window_params> {
  using base =
      ::alpha::detail::window_stat<linear_regression<O>, detail::linreg_sums, window_params>;

 public:
  using base::base;

  /// OLS slope per step (NaN unless ready()).
  [[nodiscard]] double slope() const noexcept {
    return this->ready() ? this->sums().solve().slope : nan;
  }
  /// Fitted value at the newest slot.
  [[nodiscard]] double forecast() const noexcept {
    return this->ready() ? this->sums().solve().forecast : nan;
  }
  /// Fitted value at x = 0, the oldest slot of a full window.
  [[nodiscard]] double intercept() const noexcept {
    return this->ready() ? compute_as(linreg_output::intercept, this->sums(), this->parameters())
                         : nan;
  }
  /// Coefficient of determination.
  [[nodiscard]] double r_squared() const noexcept {
    return this->ready() ? this->sums().solve().r_squared : nan;
  }

  /// @cond
  static std::size_t statistic_min(const window_params& p) {
    if (p.window > 1'000'000)
      throw config_error("window", "linear_regression accepts window <= 1000000 (got " +
                                       std::to_string(p.window) + ")");
    return 2;
  }
  static const char* name() noexcept { return "rolling::linear_regression"; }
  static double compute(const detail::linreg_sums& s, const window_params& p) noexcept {
    return compute_as(O, s, p);
  }
  /// @endcond

 private:
  static double compute_as(linreg_output o, const detail::linreg_sums& s,
                           const window_params& p) noexcept {
    const auto f = s.solve();
    switch (o) {
      case linreg_output::slope:
        return f.slope;
      case linreg_output::intercept:
        return f.forecast - f.slope * static_cast<double>(p.window - 1);
      case linreg_output::r_squared:
        return f.r_squared;
      case linreg_output::forecast:
        return f.forecast;
    }
    return nan;
  }
};

/// Rolling OLS slope on time (TA-Lib LINEARREG_SLOPE). See linear_regression.
using linreg_slope = linear_regression<linreg_output::slope>;
/// Rolling OLS intercept at the oldest slot (TA-Lib LINEARREG_INTERCEPT). See linear_regression.
using linreg_intercept = linear_regression<linreg_output::intercept>;
/// Rolling r-squared of the fit on time. See linear_regression.
using linreg_r_squared = linear_regression<linreg_output::r_squared>;
/// Rolling fitted value at the newest slot (TA-Lib LINEARREG). See linear_regression.
using linreg_forecast = linear_regression<linreg_output::forecast>;

}  // namespace rolling
ALPHA_END_NAMESPACE
