/// @file
/// Helpers shared by the OHLCV-bar indicators (alpha::features): the missing-bar test, parameter
/// checks and the true-range formula.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/features/ta/concept.hpp"

#include <cmath>
#include <cstddef>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace features {
namespace detail {

/// True if every field of `b` named in `F` is not NaN. Bar indicators skip any other bar (a
/// missing bar): their state is unchanged and value() repeats the previous output.
template <input_fields F>
[[nodiscard]] constexpr bool bar_complete(const bar& b) noexcept {
  bool ok = true;
  if constexpr (has(F, input_fields::open)) ok = ok && !is_nan(b.open);
  if constexpr (has(F, input_fields::high)) ok = ok && !is_nan(b.high);
  if constexpr (has(F, input_fields::low)) ok = ok && !is_nan(b.low);
  if constexpr (has(F, input_fields::close)) ok = ok && !is_nan(b.close);
  if constexpr (has(F, input_fields::volume)) ok = ok && !is_nan(b.volume);
  return ok;
}

/// A bar with only the fields in `F` taken from the series at bar t.
template <input_fields F>
[[nodiscard]] inline bar bar_at(const series_input& in, std::size_t t) noexcept {
  bar b;
  if constexpr (has(F, input_fields::open)) b.open = in.open[t];
  if constexpr (has(F, input_fields::high)) b.high = in.high[t];
  if constexpr (has(F, input_fields::low)) b.low = in.low[t];
  if constexpr (has(F, input_fields::close)) b.close = in.close[t];
  if constexpr (has(F, input_fields::volume)) b.volume = in.volume[t];
  return b;
}

/// Checks a period (config_error naming `name` unless min <= value <= 2^31).
inline std::size_t checked_period(const char* name, std::size_t value, std::size_t min = 1) {
  if (value < min || value > (std::size_t{1} << 31))
    throw config_error(name, "must be between " + std::to_string(min) + " and 2^31 (got " +
                                 std::to_string(value) + ")");
  return value;
}

/// Checks a finite positive number (config_error naming `name`).
inline double checked_positive(const char* name, double value) {
  if (!(value > 0.0) || !std::isfinite(value))
    throw config_error(name, "must be a finite number > 0 (got " + std::to_string(value) + ")");
  return value;
}

/// True range of a bar given the previous close: max(H, C_prev) - min(L, C_prev) (TA-Lib's
/// TRUE_RANGE macro computes the same number as max(H - L, |H - C_prev|, |L - C_prev|)).
[[nodiscard]] inline double true_range_of(double high, double low, double prev_close) noexcept {
  const double hi = high > prev_close ? high : prev_close;
  const double lo = low < prev_close ? low : prev_close;
  return hi - lo;
}

/// TA-Lib's TA_IS_ZERO: |v| < 1e-8.
[[nodiscard]] constexpr bool talib_is_zero(double v) noexcept {
  return -0.00000001 < v && v < 0.00000001;
}

}  // namespace detail
}  // namespace features
ALPHA_END_NAMESPACE
