/// @file
/// Drawdowns of a simple-return series: the drawdown curve, every underwater spell, the maximum
/// drawdown with its peak / trough / recovery and duration, the longest spell, and Calmar.
///
/// Positions are **wealth points** k = 0..N over an input of N rows: point 0 is the initial
/// capital W_0 = 1 (before row 0), point k the wealth after row k - 1, W_k = W_{k-1} (1 + r_{k-1}).
/// So point k >= 1 is dated like input row k - 1 (`row_of_point`). A NaN return leaves the wealth
/// unchanged (empyrical's cum_returns sets NaN to 0): values equal those on the NaN-free series,
/// positions and durations count every input row. Including W_0 as a peak makes a first-period
/// loss a drawdown (empyrical max_drawdown). Durations are in periods (rows).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/detail/metrics_common.hpp"
#include "alpha/metrics/returns_stats.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// One underwater spell: from a peak (the last point at the running maximum) to the first point
/// whose wealth is back at or above that peak (the recovery), or to the end of the series.
struct drawdown_spell {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::size_t peak = 0;         ///< wealth point of the peak
  std::size_t trough = 0;       ///< wealth point of the lowest wealth in the spell (first if tied)
  std::size_t recovery = npos;  ///< first point with W >= W_peak after the peak; npos if none
  bool recovered = false;       ///< false when the series ends under water (duration censored)
  double depth = 0.0;           ///< W_trough / W_peak - 1 (< 0)
  /// Peak to recovery in periods (recovery - peak); if not recovered, peak to the end of the
  /// series (N - peak), flagged by `recovered == false`.
  std::size_t duration = 0;
  /// Peak to trough in periods.
  [[nodiscard]] std::size_t peak_to_trough() const noexcept { return trough - peak; }
};

/// The input row a wealth point is dated by: point k >= 1 is the wealth after row k - 1; point 0
/// (the initial capital) precedes row 0 and has no row (nullopt).
[[nodiscard]] constexpr std::optional<std::size_t> row_of_point(std::size_t k) noexcept {
  if (k == 0) return std::nullopt;
  return k - 1;
}

/// The dates of a spell's points on the calendar of the returns (row t dated index[t]).
struct spell_dates {
  std::optional<timestamp> peak;      ///< nullopt when the peak is the initial capital (point 0)
  timestamp trough;                   ///< date of the trough
  std::optional<timestamp> recovery;  ///< nullopt when not recovered
};

/// Dates of `s` on `index`, the calendar of the returns it was computed from (point k >= 1 is
/// dated index[k - 1]). shape_error if a point lies beyond the calendar. O(1).
[[nodiscard]] inline spell_dates dates_of(const drawdown_spell& s, const time_index& index) {
  const auto date = [&index](std::size_t k) -> timestamp {
    if (k == 0 || k > index.size())
      throw shape_error("drawdown dates: wealth point " + std::to_string(k) +
                        " has no date on a calendar of " + std::to_string(index.size()) + " rows");
    return index[k - 1];
  };
  spell_dates d;
  if (s.peak > 0) d.peak = date(s.peak);
  d.trough = date(s.trough);
  if (s.recovered) d.recovery = date(s.recovery);
  return d;
}

/// The drawdown after each row: d_t = W_{t+1} / max_{s <= t+1} W_s - 1 (<= 0), W_0 = 1 included
/// in the running maximum. A NaN return repeats the previous value (0 before any loss). Length N.
/// data_error on an infinite return. O(N).
[[nodiscard]] inline std::vector<double> drawdown_series(std::span<const double> returns) {
  std::vector<double> out(returns.size());
  double w = 1.0, peak = 1.0;
  for (std::size_t t = 0; t < returns.size(); ++t) {
    ::alpha::detail::metrics::check_not_infinite(returns[t], t, "drawdown_series");
    if (!is_nan(returns[t])) w *= 1.0 + returns[t];
    if (w > peak) peak = w;
    out[t] = w / peak - 1.0;
  }
  return out;
}

/// Every underwater spell in time order (at most one, the last, unrecovered). O(N).
/// data_error on an infinite return.
[[nodiscard]] inline std::vector<drawdown_spell> drawdown_spells(std::span<const double> returns) {
  std::vector<drawdown_spell> spells;
  const std::size_t n = returns.size();
  double w = 1.0, peak_w = 1.0;
  std::size_t peak_k = 0;
  bool under = false;
  for (std::size_t k = 1; k <= n; ++k) {
    const double r = returns[k - 1];
    ::alpha::detail::metrics::check_not_infinite(r, k - 1, "drawdown_spells");
    if (!is_nan(r)) w *= 1.0 + r;
    if (w >= peak_w) {
      if (under) {
        spells.back().recovery = k;
        spells.back().recovered = true;
        spells.back().duration = k - spells.back().peak;
        under = false;
      }
      peak_w = w;
      peak_k = k;
      continue;
    }
    const double d = w / peak_w - 1.0;
    if (!under) {
      under = true;
      spells.push_back({.peak = peak_k, .trough = k, .depth = d});
    } else if (d < spells.back().depth) {
      spells.back().trough = k;
      spells.back().depth = d;
    }
  }
  if (under) spells.back().duration = n - spells.back().peak;
  return spells;
}

/// The maximum drawdown and its spell.
struct drawdown_info {
  /// min over points of W_k / max_{s <= k} W_s - 1: a negative number, 0 if the wealth never
  /// falls below a previous peak, NaN if the series has no non-NaN return (empyrical
  /// max_drawdown; a fraction, -0.25 = a 25 % loss from the peak).
  double max_drawdown = nan;
  /// The spell of the deepest drawdown (the first if tied); all zero when max_drawdown >= 0.
  drawdown_spell spell{};
  /// The longest spell by duration (the first if tied), unrecovered spells counted to the end.
  drawdown_spell longest{};
  /// Number of underwater spells.
  std::size_t spells = 0;
};

/// Maximum drawdown with the peak, trough, recovery and duration of its spell, and the longest
/// spell. O(N); data_error on an infinite return.
[[nodiscard]] inline drawdown_info max_drawdown_info(std::span<const double> returns) {
  drawdown_info info;
  const auto spells = drawdown_spells(returns);
  info.spells = spells.size();
  bool any = false;
  for (const double r : returns) any |= !is_nan(r);
  if (!any) return info;
  info.max_drawdown = 0.0;
  for (const auto& s : spells) {
    if (s.depth < info.max_drawdown) {
      info.max_drawdown = s.depth;
      info.spell = s;
    }
    if (s.duration > info.longest.duration) info.longest = s;
  }
  return info;
}

/// Maximum drawdown (<= 0; NaN if no non-NaN return), empyrical max_drawdown. O(N).
[[nodiscard]] inline double max_drawdown(std::span<const double> returns) {
  return max_drawdown_info(returns).max_drawdown;
}

/// Calmar ratio: CAGR / |max drawdown| (empyrical calmar_ratio). NaN when the maximum drawdown
/// is >= 0 or NaN (no drawdown), or the ratio is infinite. O(N).
[[nodiscard]] inline double calmar_ratio(std::span<const double> returns,
                                         const return_options& o = {}) {
  const double mdd = max_drawdown(returns);
  if (!(mdd < 0.0)) return nan;
  const double c = cagr(returns, o) / std::fabs(mdd);
  return std::isinf(c) ? nan : c;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
