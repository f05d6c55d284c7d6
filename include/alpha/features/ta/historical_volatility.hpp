/// @file
/// alpha::features::historical_volatility: annualised standard deviation of log returns.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Historical (close-to-close) volatility: r_t = log(x_t / x_{t-1}); hv = sd(r over the last n
/// returns, divisor n - ddof) * sqrt(periods_per_year). Defaults: ddof = 1 (sample sd, as TTR
/// volatility(calc="close") and pandas), periods_per_year = 252 (trading days). Not in TA-Lib.
/// Prices must be > 0 (a non-positive price gives a NaN return, which then counts as a missing
/// return inside rolling::std_dev's window).
///
/// - Params: period n >= 2 (20), periods_per_year > 0 finite (252), ddof 0 or 1 < n (1).
/// - Lookback: n (n returns need n + 1 prices).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one); the
///   next return is taken against the last valid price.
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_stats_test.cpp (naive two-pass in long double; laws)
class historical_volatility {
 public:
  struct params {
    std::size_t period = 20;          ///< n returns, >= 2
    double periods_per_year = 252.0;  ///< annualisation: bars per year
    std::size_t ddof = 1;             ///< 1: sample sd, 0: population
  };
  static constexpr std::array<std::string_view, 1> output_names{"hv"};

  explicit historical_volatility(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)),
        scale_(
            std::sqrt(::alpha::detail::ta::check_positive(p.periods_per_year, "periods_per_year"))),
        sd_({.window = n_, .ddof = checked_ddof(p.ddof, n_)}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (!is_nan(prev_)) sd_.update(std::log(x / prev_));
    prev_ = x;
  }
  [[nodiscard]] double value() const noexcept { return ready() ? sd_.value() * scale_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return sd_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept {
    sd_.reset();
    prev_ = nan;
  }

 private:
  static std::size_t checked_ddof(std::size_t ddof, std::size_t n) {
    if (ddof > 1 || ddof >= n)
      throw config_error("ddof", "must be 0 or 1 and < period (got " + std::to_string(ddof) + ")");
    return ddof;
  }
  std::size_t n_;
  double scale_;
  rolling::std_dev sd_;
  double prev_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
