/// @file
/// Return statistics of a per-period simple-return series: total return, CAGR, annualised
/// volatility, Sharpe, downside risk and Sortino (empyrical's conventions).
///
/// Common conventions of alpha::metrics (docs/metrics.md):
///   - inputs are simple returns r_t = W_t / W_{t-1} - 1 per period (not log returns);
///   - NaN returns are dropped first and N counts the remaining ones (empyrical drops NaN in
///     sharpe / volatility; its annual_return counts NaN rows in N: we do not); an infinite return
///     is a data_error naming its position;
///   - an empty or all-NaN series, or one too short for the statistic, gives NaN (not an error),
///     so a summary of an idle strategy still prints;
///   - periods_per_year defaults to 252 (daily); risk_free and required_return are per period.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Annualisation and thresholds shared by the return statistics.
struct return_options {
  double periods_per_year = 252.0;  ///< A > 0: 252 daily, 52 weekly, 12 monthly
  double risk_free = 0.0;           ///< per-period risk-free return subtracted in Sharpe
  double required_return = 0.0;     ///< per-period minimum acceptable return (Sortino)
};

}  // namespace metrics

namespace detail::metrics {
inline void check(const ::alpha::metrics::return_options& o) {
  ::alpha::detail::metrics::check_positive(o.periods_per_year, "periods_per_year");
  ::alpha::detail::metrics::check_finite(o.risk_free, "risk_free");
  ::alpha::detail::metrics::check_finite(o.required_return, "required_return");
}
/// prod(1 + r) over the clean values: the ending value of 1 invested.
inline double ending_value(std::span<const double> clean) noexcept {
  double w = 1.0;
  for (const double r : clean) w *= 1.0 + r;
  return w;
}
/// (W)^(A/N) - 1; NaN when W < 0 (a wealth below zero has no real growth rate), -1 when W == 0.
inline double cagr_of(double w, std::size_t n, double ppy) noexcept {
  if (n == 0 || is_nan(w) || w < 0.0) return nan;
  return std::pow(w, ppy / static_cast<double>(n)) - 1.0;
}
/// sqrt(mean(min(r - mar, 0)^2)) over all N clean returns (not per period annualised).
inline double downside_deviation(std::span<const double> clean, double mar) noexcept {
  if (clean.empty()) return nan;
  double s = 0.0;
  for (const double r : clean) {
    const double d = r - mar < 0.0 ? r - mar : 0.0;
    s += d * d;
  }
  return std::sqrt(s / static_cast<double>(clean.size()));
}
/// Sharpe of clean returns: mean(r - rf) / sd(r - rf, ddof 1) * sqrt(A); NaN if N < 2 or sd == 0.
inline double sharpe_of(std::span<const double> clean, double rf, double ppy) {
  if (clean.size() < 2) return nan;
  std::vector<double> ex(clean.begin(), clean.end());
  for (double& v : ex) v -= rf;
  const auto ms = ::alpha::detail::metrics::mean_and_sd(ex);
  if (!(ms.sd > 0.0)) return nan;
  return ms.mean / ms.sd * std::sqrt(ppy);
}
/// Sortino of clean returns: mean(r - mar) * A / (downside deviation * sqrt(A)).
inline double sortino_of(std::span<const double> clean, double mar, double ppy) noexcept {
  if (clean.size() < 2) return nan;
  double m = 0.0;
  for (const double r : clean) m += r - mar;
  m /= static_cast<double>(clean.size());
  const double dd = downside_deviation(clean, mar) * std::sqrt(ppy);
  if (dd == 0.0) return m > 0.0 ? std::numeric_limits<double>::infinity() : nan;
  return m * ppy / dd;
}
}  // namespace detail::metrics

namespace metrics {

/// Total (cumulative) return: prod(1 + r_t) - 1 over the non-NaN returns (empyrical
/// cum_returns_final). NaN if there is none. O(N).
[[nodiscard]] inline double total_return(std::span<const double> returns) {
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "total_return");
  if (clean.empty()) return nan;
  return ::alpha::detail::metrics::ending_value(clean) - 1.0;
}

/// Compound annual growth rate from the compounded ending value (empyrical annual_return /
/// cagr): (prod(1 + r))^(A / N) - 1, N the number of non-NaN returns, A periods_per_year.
/// NaN if N == 0 or the ending value is negative (returns below -100 %); -1 if it is 0. O(N).
[[nodiscard]] inline double cagr(std::span<const double> returns, const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "cagr");
  return ::alpha::detail::metrics::cagr_of(::alpha::detail::metrics::ending_value(clean),
                                           clean.size(), o.periods_per_year);
}

/// Annualised volatility: sd(r, ddof = 1) * sqrt(A) (empyrical annual_volatility, alpha = 2).
/// NaN if fewer than 2 non-NaN returns; exactly 0 for a constant series. O(N).
[[nodiscard]] inline double annual_volatility(std::span<const double> returns,
                                              const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "annual_volatility");
  return ::alpha::detail::metrics::mean_and_sd(clean).sd * std::sqrt(o.periods_per_year);
}

/// Annualised Sharpe ratio: mean(r - rf) / sd(r - rf, ddof = 1) * sqrt(A), rf = risk_free per
/// period (empyrical sharpe_ratio). NaN if fewer than 2 non-NaN returns or zero volatility
/// (empyrical 0.5.5 would divide by zero). O(N).
[[nodiscard]] inline double sharpe_ratio(std::span<const double> returns,
                                         const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "sharpe_ratio");
  return ::alpha::detail::metrics::sharpe_of(clean, o.risk_free, o.periods_per_year);
}

/// Annualised downside risk: sqrt(mean(min(r - mar, 0)^2)) * sqrt(A), the mean taken over all N
/// non-NaN returns, mar = required_return (empyrical downside_risk). NaN if N == 0. O(N).
[[nodiscard]] inline double downside_risk(std::span<const double> returns,
                                          const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "downside_risk");
  return ::alpha::detail::metrics::downside_deviation(clean, o.required_return) *
         std::sqrt(o.periods_per_year);
}

/// Annualised Sortino ratio: mean(r - mar) * A / downside_risk (empyrical sortino_ratio), i.e.
/// mean(r - mar) / sqrt(mean(min(r - mar, 0)^2)) * sqrt(A). With no return below mar the
/// downside risk is 0: +inf if mean(r - mar) > 0, NaN if it is 0. NaN if N < 2. O(N).
[[nodiscard]] inline double sortino_ratio(std::span<const double> returns,
                                          const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "sortino_ratio");
  return ::alpha::detail::metrics::sortino_of(clean, o.required_return, o.periods_per_year);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
