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
#include <iterator>
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
/// VaR and CVaR of one tail.
struct tail_pair {
  double var = nan;
  double cvar = nan;
};

/// VaR (type 7) and CVaR at tail probability p of the clean returns in `v`, reordered in place
/// by selection (std::nth_element, O(n) on average): with h = tail_index(n, p), i = floor h,
/// x_(i) is the i-th order statistic, x_(i+1) the smallest value above position i, and
/// VaR = lerp(x_(i), x_(i+1), h - i) computed as numpy >= 1.22 does (from the upper end when the
/// fraction is >= 1/2). CVaR: the mean of x_(0..i) (empyrical) or of every value <= VaR.
inline tail_pair tail_of(std::vector<double>& v, double p, ::alpha::metrics::cvar_rule rule) {
  tail_pair out;
  const std::size_t n = v.size();
  if (n == 0) return out;
  const double h = tail_index(n, p);
  const auto i = static_cast<std::size_t>(h);
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(i);
  std::nth_element(v.begin(), at, v.end());
  const double lo = *at;
  const double hi = i + 1 < n ? *std::min_element(at + 1, v.end()) : lo;
  const double t = h - static_cast<double>(i), d = hi - lo;
  out.var = t >= 0.5 ? hi - d * (1.0 - t) : lo + d * t;
  double sum = 0.0;
  std::size_t count = 0;
  if (rule == ::alpha::metrics::cvar_rule::empyrical) {
    for (auto it = v.begin(); it != at + 1; ++it) sum += *it;
    count = i + 1;
  } else {
    for (const double x : v)
      if (x <= out.var) {
        sum += x;
        ++count;
      }
  }
  out.cvar = sum / static_cast<double>(count);
  return out;
}
}  // namespace detail::metrics

namespace metrics {

/// Historical VaR at confidence `level` (default 0.95): the (1 - level) quantile of the non-NaN
/// returns with numpy's linear interpolation (Hyndman-Fan type 7: h = (N - 1) p, interpolate
/// between the floor(h)-th and next order statistics; h within 1e-9 of an integer is snapped to
/// it, so that 1 - level lands where numpy's decimal cutoff does), returned as a return (negative =
/// loss); empyrical value_at_risk(cutoff = 1 - level). config_error unless 0 < level < 1. O(N)
/// (selection, not a sort).
[[nodiscard]] inline double value_at_risk(std::span<const double> returns, double level = 0.95) {
  const double p = 1.0 - ::alpha::detail::metrics::check_probability(level, "level");
  auto v = ::alpha::detail::metrics::drop_nan(returns, "value_at_risk");
  return ::alpha::detail::metrics::tail_of(v, p, cvar_rule::empyrical).var;
}

/// Historical CVaR (expected shortfall) at confidence `level`, as a return (<= VaR). Default
/// rule: empyrical's conditional_value_at_risk, the mean of the floor((N - 1)(1 - level)) + 1
/// smallest returns; `cvar_rule::below_var` averages the returns <= VaR instead (the two agree
/// unless other returns tie with the floor(h)-th order statistic). config_error unless
/// 0 < level < 1. O(N).
[[nodiscard]] inline double conditional_value_at_risk(std::span<const double> returns,
                                                      double level = 0.95,
                                                      cvar_rule rule = cvar_rule::empyrical) {
  const double p = 1.0 - ::alpha::detail::metrics::check_probability(level, "level");
  auto v = ::alpha::detail::metrics::drop_nan(returns, "conditional_value_at_risk");
  return ::alpha::detail::metrics::tail_of(v, p, rule).cvar;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
