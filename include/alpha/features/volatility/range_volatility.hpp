/// @file
/// alpha::features::range_volatility<E> and its estimators: Parkinson, Garman-Klass and
/// Rogers-Satchell volatility from the high, low (open, close) of each bar, windowed and
/// annualised.
///
/// Customization point: the estimator E, a type with `static constexpr input_fields inputs`,
/// `static constexpr std::string_view name` and `static double term(const bar&)` returning the
/// bar's variance contribution (in squared log-price units).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Parkinson (1980) range estimator: term = (ln(H/L))^2 / (4 ln 2). Unbiased for a driftless
/// Brownian motion observed continuously; biased low with discrete trading, ignores overnight
/// gaps. TTR volatility(calc = "parkinson").
struct parkinson_estimator {
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::string_view name = "parkinson_vol";
  [[nodiscard]] static double term(const bar& b) noexcept {
    const double hl = std::log(b.high / b.low);
    return hl * hl / (4.0 * 0.69314718055994530942);
  }
};

/// Garman & Klass (1980) estimator: term = 0.5 (ln(H/L))^2 - (2 ln 2 - 1) (ln(C/O))^2. Uses the
/// open-to-close move as well as the range; ignores overnight gaps. TTR volatility(calc =
/// "garman.klass").
struct garman_klass_estimator {
  static constexpr input_fields inputs = input_fields::ohlc;
  static constexpr std::string_view name = "garman_klass_vol";
  [[nodiscard]] static double term(const bar& b) noexcept {
    const double hl = std::log(b.high / b.low);
    const double co = std::log(b.close / b.open);
    return 0.5 * hl * hl - (2.0 * 0.69314718055994530942 - 1.0) * co * co;
  }
};

/// Rogers & Satchell (1991) estimator: term = ln(H/C) ln(H/O) + ln(L/C) ln(L/O). Unbiased under
/// a non-zero drift; ignores overnight gaps. TTR volatility(calc = "rogers.satchell").
struct rogers_satchell_estimator {
  static constexpr input_fields inputs = input_fields::ohlc;
  static constexpr std::string_view name = "rogers_satchell_vol";
  [[nodiscard]] static double term(const bar& b) noexcept {
    return std::log(b.high / b.close) * std::log(b.high / b.open) +
           std::log(b.low / b.close) * std::log(b.low / b.open);
  }
};

/// Range-based volatility: sigma_t = sqrt(P / n * sum of E::term over the last n bars), P =
/// periods_per_year (252: daily bars, annualised). Each term is >= 0 on consistent bars
/// (L <= O, C <= H); the output is NaN if the window mean is negative (inconsistent bars).
///
/// - Params: window n >= 1 (20), periods_per_year > 0 (252). Lookback: n - 1 (no previous close
///   is needed).
/// - NaN rule: a bar with a NaN or non-positive price among E::inputs is skipped (state
///   unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per bar (rolling::mean of the terms), O(n) memory.
/// @test tests/features_ts/returns_vol_test.cpp (msft OHLCV vs a naive long-double loop,
///   hand-worked bars, laws)
template <class E>
class range_volatility {
 public:
  struct params {
    std::size_t window = 20;          ///< n >= 1 bars
    double periods_per_year = 252.0;  ///< annualisation
  };
  static constexpr input_fields inputs = E::inputs;
  static constexpr std::array<std::string_view, 1> output_names{E::name};

  explicit range_volatility(const params& p)
      : mean_({.window = detail::ts::check_window(p.window, "window")}),
        annual_(detail::ts::check_positive(p.periods_per_year, "periods_per_year")) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double t = E::term(b);
    if (!std::isfinite(t)) return;
    mean_.update(t);
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? std::sqrt(mean_.value() * annual_) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return mean_.lookback(); }
  void reset() noexcept { mean_.reset(); }

 private:
  rolling::mean mean_;
  double annual_;
};

/// Parkinson volatility, windowed and annualised (see range_volatility, parkinson_estimator).
using parkinson_volatility = range_volatility<parkinson_estimator>;
/// Garman-Klass volatility, windowed and annualised (see range_volatility).
using garman_klass_volatility = range_volatility<garman_klass_estimator>;
/// Rogers-Satchell volatility, windowed and annualised (see range_volatility).
using rogers_satchell_volatility = range_volatility<rogers_satchell_estimator>;

}  // namespace features
ALPHA_END_NAMESPACE
