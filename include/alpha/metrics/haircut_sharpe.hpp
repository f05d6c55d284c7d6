/// @file
/// alpha::metrics::haircut_sharpe_ratio (Harvey and Liu 2015, "Backtesting", Journal of
/// Portfolio Management 42(1)) and alpha::metrics::adjust_p_values (Bonferroni; Holm 1979;
/// Benjamini, Hochberg and Yekutieli: Benjamini and Yekutieli 2001).
///
/// Conventions (docs/overfitting.md): the Sharpe ratios here are ANNUALISED (unlike PSR/DSR),
/// with `periods_per_year` saying how the T observations map to years; p-values are two-sided
/// (as Harvey and Liu: a t-ratio of 2.0 is p = 0.05).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/overfitting_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Multiple-testing adjustment of p-values.
enum class multiple_testing {
  bonferroni,  ///< family-wise error rate: min(M p, 1)
  holm,        ///< family-wise error rate, step-down (Holm 1979)
  bhy,         ///< false discovery rate under any dependence, step-up (Benjamini-Yekutieli 2001)
};

/// Adjusted p-values of M tests, in the input order (as R's p.adjust "bonferroni", "holm",
/// "BY"). With p_(1) <= ... <= p_(M) the sorted values (stable sort):
///   - Bonferroni: min(1, M p_i);
///   - Holm: adj_(k) = min(1, max_{j <= k} (M - j + 1) p_(j));
///   - BHY: adj_(k) = min(1, min_{j >= k} M c(M) p_(j) / j), c(M) = sum_{i=1..M} 1/i.
/// A test is rejected at level alpha iff its adjusted p-value is <= alpha.
/// data_error naming the position of a value outside [0, 1] or NaN. O(M log M).
[[nodiscard]] inline std::vector<double> adjust_p_values(std::span<const double> p,
                                                         multiple_testing method) {
  const std::size_t m = p.size();
  for (std::size_t i = 0; i < m; ++i)
    if (!(p[i] >= 0.0 && p[i] <= 1.0))
      throw data_error({}, "p-values: value at position " + std::to_string(i) + " (" +
                               std::to_string(p[i]) + ") is not a probability in [0, 1]");
  std::vector<double> adj(m);
  const double md = static_cast<double>(m);
  if (method == multiple_testing::bonferroni) {
    for (std::size_t i = 0; i < m; ++i) adj[i] = std::min(1.0, md * p[i]);
    return adj;
  }
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&p](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  if (method == multiple_testing::holm) {
    double running = 0.0;
    for (std::size_t k = 0; k < m; ++k) {
      running = std::max(running, std::min(1.0, (md - static_cast<double>(k)) * p[order[k]]));
      adj[order[k]] = running;
    }
    return adj;
  }
  const double c = ::alpha::detail::overfitting::harmonic_number(m);
  double running = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    running = std::min(running, md * c * p[order[k]] / static_cast<double>(k + 1));
    adj[order[k]] = running;
  }
  return adj;
}

/// The strategy to haircut.
struct haircut_input {
  double annual_sharpe = 0.0;      ///< observed ANNUALISED Sharpe ratio, > 0
  std::size_t observations = 0;    ///< T, number of return periods behind it, >= 2
  double periods_per_year = 12.0;  ///< A: 12 monthly (Harvey and Liu's unit), 252 daily
  std::size_t tests = 1;           ///< M, number of tests tried, this one included, >= 1
};

/// Result of haircut_sharpe_ratio.
struct haircut_sharpe {
  double t_statistic = nan;       ///< SR sqrt(T / A) = per-period SR sqrt(T)
  double p_value = nan;           ///< single-test two-sided p-value, Student t with T - 1 dof
  double adjusted_p_value = nan;  ///< after the multiple-testing adjustment
  double haircut_sharpe = nan;    ///< annualised Sharpe ratio whose single-test p is the adjusted p
  double haircut = nan;  ///< (SR - haircut SR) / SR, a fraction in [0, 1] (x 100 for percent)
};

/// Haircut Sharpe ratio (Harvey and Liu 2015): t = SR sqrt(T / A); p = 2 P(t_{T-1} > |t|);
/// adjust p for M tests with `method`; the haircut Sharpe ratio is the annualised SR whose
/// single-test p-value equals the adjusted one, SR_h = t_{T-1}^{-1}(1 - p_adj / 2) sqrt(A / T);
/// haircut = (SR - SR_h) / SR.
///
/// `other_annual_sharpes`: the annualised Sharpe ratios of the other M - 1 tests, over the same
/// T and A (e.g. every variant of a sweep). Given, Holm and BHY rank this test among all M
/// p-values (adjust_p_values). Empty (the others unknown), this test is taken as the most
/// significant of the M: Holm then equals Bonferroni (its first step), and BHY gives
/// min(1, M c(M) p), the rank-1 term and an UPPER bound of the BHY adjusted p-value (the true
/// value takes a minimum over the unknown larger p-values), so the haircut is conservative.
/// Bonferroni ignores the others. With p_adj >= 1 the haircut SR is 0 (haircut 100%); if p
/// underflows to 0 the SR is returned unchanged.
///
/// Errors: config_error if SR <= 0 or not finite, T < 2, A <= 0, M == 0, or a non-empty
/// `other_annual_sharpes` whose size is not M - 1; data_error for a non-finite other Sharpe.
/// Complexity: O(M log M).
[[nodiscard]] inline haircut_sharpe haircut_sharpe_ratio(
    const haircut_input& in, multiple_testing method,
    std::span<const double> other_annual_sharpes = {}) {
  ::alpha::detail::overfitting::check_positive(in.annual_sharpe, "annual_sharpe");
  ::alpha::detail::overfitting::check_positive(in.periods_per_year, "periods_per_year");
  if (in.observations < 2)
    throw config_error("observations", "must be >= 2, got " + std::to_string(in.observations));
  if (in.tests == 0) throw config_error("tests", "must be >= 1, got 0");
  if (!other_annual_sharpes.empty() && other_annual_sharpes.size() != in.tests - 1)
    throw config_error("other_annual_sharpes",
                       "must hold tests - 1 = " + std::to_string(in.tests - 1) +
                           " Sharpe ratios (or none), got " +
                           std::to_string(other_annual_sharpes.size()));
  const double t_obs = static_cast<double>(in.observations);
  const double dof = t_obs - 1.0;
  const double years = t_obs / in.periods_per_year;
  const double m = static_cast<double>(in.tests);

  haircut_sharpe out;
  out.t_statistic = in.annual_sharpe * std::sqrt(years);
  out.p_value = ::alpha::detail::overfitting::two_sided_t_p_value(out.t_statistic, dof);

  if (method == multiple_testing::bonferroni || other_annual_sharpes.empty()) {
    if (method == multiple_testing::bhy) {
      const double c = ::alpha::detail::overfitting::harmonic_number(in.tests);
      out.adjusted_p_value = std::min(1.0, m * c * out.p_value);
    } else {
      out.adjusted_p_value = std::min(1.0, m * out.p_value);
    }
  } else {
    std::vector<double> p;
    p.reserve(in.tests);
    p.push_back(out.p_value);
    for (std::size_t i = 0; i < other_annual_sharpes.size(); ++i) {
      const double sr = other_annual_sharpes[i];
      if (!std::isfinite(sr))
        throw data_error({}, "other_annual_sharpes: value at position " + std::to_string(i) +
                                 " is not finite (" + std::to_string(sr) + ")");
      p.push_back(::alpha::detail::overfitting::two_sided_t_p_value(sr * std::sqrt(years), dof));
    }
    out.adjusted_p_value = adjust_p_values(p, method)[0];
  }

  if (out.adjusted_p_value >= 1.0) {
    out.haircut_sharpe = 0.0;
  } else if (out.adjusted_p_value <= 0.0) {
    out.haircut_sharpe = in.annual_sharpe;
  } else {
    const double t_adj =
        ::alpha::detail::overfitting::student_t_upper_quantile(out.adjusted_p_value / 2.0, dof);
    out.haircut_sharpe = std::min(in.annual_sharpe, t_adj / std::sqrt(years));
  }
  out.haircut = (in.annual_sharpe - out.haircut_sharpe) / in.annual_sharpe;
  return out;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
