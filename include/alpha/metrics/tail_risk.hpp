/// @file
/// Historical value at risk and conditional value at risk (expected shortfall) of a return series.
///
/// Sign convention (empyrical value_at_risk / conditional_value_at_risk): both are **returns**,
/// so a loss is a negative number: var(0.95) = -0.02 means "on 5 % of periods the return was
/// -2 % or worse". Negate them for a positive loss figure. `level` is the confidence (0.95,
/// 0.99); the tail probability is p = 1 - level. NaN returns are dropped; no return left gives NaN.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Which tail average CVaR takes.
enum class cvar_rule {
  /// empyrical: the mean of the k + 1 smallest returns, k = floor((N - 1) p).
  empyrical,
  /// the mean of every return <= VaR (the type-7 quantile); ties at VaR all included.
  below_var,
};

}  // namespace metrics

namespace detail::metrics {
/// The type-7 virtual index h = (n - 1) p, snapped to the nearest integer when within 1e-9 of it:
/// p = 1 - level is inexact in binary (1 - 0.9 = 0.0999..98), and numpy, given the cutoff 0.1,
/// would land on the integer.
inline double tail_index(std::size_t n, double p) noexcept {
  const double h = static_cast<double>(n - 1) * p;
  const double r = std::round(h);
  return std::fabs(h - r) <= 1e-9 * std::max(1.0, h) ? r : h;
}
/// VaR of sorted clean returns at tail probability p (type 7).
inline double var_sorted(std::span<const double> sorted, double p) noexcept {
  if (sorted.empty()) return nan;
  const double h = tail_index(sorted.size(), p);
  const auto i = static_cast<std::size_t>(h);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - static_cast<double>(i)) * (sorted[i + 1] - sorted[i]);
}
/// CVaR of sorted clean returns.
inline double cvar_sorted(std::span<const double> sorted, double p,
                          ::alpha::metrics::cvar_rule rule) noexcept {
  if (sorted.empty()) return nan;
  std::size_t count = 0;
  if (rule == ::alpha::metrics::cvar_rule::empyrical) {
    count = static_cast<std::size_t>(std::floor(tail_index(sorted.size(), p))) + 1;
  } else {
    const double v = var_sorted(sorted, p);
    while (count < sorted.size() && sorted[count] <= v) ++count;
  }
  double s = 0.0;
  for (std::size_t i = 0; i < count; ++i) s += sorted[i];
  return s / static_cast<double>(count);
}
inline std::vector<double> sorted_clean(std::span<const double> returns, const char* what) {
  auto v = ::alpha::detail::metrics::drop_nan(returns, what);
  std::sort(v.begin(), v.end());
  return v;
}
}  // namespace detail::metrics

namespace metrics {

/// Historical VaR at confidence `level` (default 0.95): the (1 - level) quantile of the non-NaN
/// returns with numpy's linear interpolation (Hyndman-Fan type 7: h = (N - 1) p, interpolate
/// between the floor(h)-th and next order statistics; h within 1e-9 of an integer is snapped to
/// it, so that 1 - level lands where numpy's decimal cutoff does), returned as a return (negative =
/// loss); empyrical value_at_risk(cutoff = 1 - level). config_error unless 0 < level < 1. O(N log
/// N).
[[nodiscard]] inline double value_at_risk(std::span<const double> returns, double level = 0.95) {
  const double p = 1.0 - ::alpha::detail::metrics::check_probability(level, "level");
  const auto v = ::alpha::detail::metrics::sorted_clean(returns, "value_at_risk");
  return ::alpha::detail::metrics::var_sorted(v, p);
}

/// Historical CVaR (expected shortfall) at confidence `level`, as a return (<= VaR). Default
/// rule: empyrical's conditional_value_at_risk, the mean of the floor((N - 1)(1 - level)) + 1
/// smallest returns; `cvar_rule::below_var` averages the returns <= VaR instead (the two agree
/// when (N - 1)(1 - level) is an integer and there are no ties). config_error unless
/// 0 < level < 1. O(N log N).
[[nodiscard]] inline double conditional_value_at_risk(std::span<const double> returns,
                                                      double level = 0.95,
                                                      cvar_rule rule = cvar_rule::empyrical) {
  const double p = 1.0 - ::alpha::detail::metrics::check_probability(level, "level");
  const auto v = ::alpha::detail::metrics::sorted_clean(returns, "conditional_value_at_risk");
  return ::alpha::detail::metrics::cvar_sorted(v, p, rule);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
