/// @file
/// alpha::features::min_ffd: the smallest order of fractional differentiation d in [0, 1] whose
/// FFD series passes the augmented Dickey-Fuller test (AFML ch. 5.6, "plotMinFFD").
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/features/stationarity/adf.hpp"
#include "alpha/features/stationarity/ffd.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// How min_ffd explores d.
enum class min_ffd_search {
  grid,      ///< d = 0, step, 2 step, ..., 1 (1 always included): the first that passes
  bisection  ///< bracket [0, 1] halved until narrower than step; assumes passing is monotone in d
};

/// When an FFD series passes the test.
enum class min_ffd_criterion {
  critical_value,  ///< ADF statistic < MacKinnon (2010) critical value at `significance` (AFML)
  p_value          ///< MacKinnon (1994) p-value < `significance`
};

/// Parameters of min_ffd.
struct min_ffd_params {
  double threshold = 1e-4;  ///< FFD weight threshold (frac_diff_ffd::params::threshold)
  double step = 0.01;       ///< grid step, or the final bracket width of the bisection; in (0, 1]
  min_ffd_search search = min_ffd_search::grid;
  min_ffd_criterion criterion = min_ffd_criterion::critical_value;
  /// Test level: 0.01, 0.05 or 0.10 for critical_value; any value in (0, 1) for p_value.
  double significance = 0.05;
  adf_params adf{};  ///< the test run on each FFD series (default: constant, AIC, Schwert maxlag)
  std::size_t max_width = 1'000'000;  ///< frac_diff_ffd::params::max_width
};

/// One d examined by min_ffd.
struct min_ffd_point {
  double d = nan;
  std::size_t lookback = 0;  ///< L: the FFD series starts at bar L
  std::size_t n_valid = 0;   ///< length of the FFD series tested (n - L); 0 if it was too short
  adf_result adf;            ///< the test of the FFD series (statistic NaN if not run)
  /// Pearson correlation of the FFD series with the input over the bars where it is defined (how
  /// much memory of the level is kept: 1 at d = 0).
  double correlation = nan;
  bool passes = false;
};

/// What min_ffd returns.
struct min_ffd_result {
  bool found = false;                    ///< some d in [0, 1] passed
  double d = nan;                        ///< the smallest passing d found (NaN if none)
  adf_result adf;                        ///< its test
  double correlation = nan;              ///< its correlation with the input
  std::vector<min_ffd_point> evaluated;  ///< every d examined, in the order examined
};

/// Evaluates one d: FFD series of x, ADF on its defined part, correlation with x there.
/// A series too short for the window or the test gives n_valid = 0 and passes = false.
[[nodiscard]] inline min_ffd_point min_ffd_evaluate(std::span<const double> x, double d,
                                                    const min_ffd_params& p) {
  min_ffd_point pt;
  pt.d = d;
  frac_diff_ffd::params fp{.d = d, .threshold = p.threshold, .max_width = p.max_width};
  const frac_diff_ffd probe(fp);
  pt.lookback = probe.lookback();
  if (x.size() <= pt.lookback + 1) return pt;
  const std::vector<double> y = frac_diff_ffd_series(x, fp);
  const std::span<const double> tail(y.data() + pt.lookback, y.size() - pt.lookback);
  try {
    pt.adf = adf_test(tail, p.adf);
  } catch (const config_error&) {
    return pt;  // too short for the regression: not testable at this d
  }
  pt.n_valid = tail.size();
  // Pearson correlation, two-pass.
  const double m = static_cast<double>(tail.size());
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < tail.size(); ++i) {
    mx += x[pt.lookback + i];
    my += tail[i];
  }
  mx /= m;
  my /= m;
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const double a = x[pt.lookback + i] - mx, b = tail[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  pt.correlation = sxy / std::sqrt(sxx * syy);
  pt.passes = p.criterion == min_ffd_criterion::critical_value ? pt.adf.rejects_at(p.significance)
                                                               : pt.adf.p_value < p.significance;
  return pt;
}

/// The minimum order of fractional differentiation that makes x stationary (AFML 5.6): the
/// smallest d in [0, 1] whose FFD series (threshold tau) rejects a unit root by the ADF test at
/// the chosen level, with its test and its correlation with x (AFML looks for d well below 1,
/// which keeps much of the memory: correlation near 1).
///
/// - grid (default): d_i = i step for i = 0, 1, ... while d_i < 1, then d = 1; the first d that
///   passes. Robust when passing is not monotone in d, at (1/step + 1) FFD + ADF runs.
/// - bisection: tests 0 and 1, then halves [lo, hi] (lo fails, hi passes) until hi - lo <= step,
///   returning hi: about log2(1/step) + 2 runs, exact only if passing is monotone in d.
/// - Each FFD series is tested from bar L on (its defined part), with `adf`; a d whose series
///   is too short for the window or the regression is recorded with n_valid = 0 and fails.
/// - Input: finite values (data_error otherwise), typically a log price; step in (0, 1],
///   significance as min_ffd_params says (config_error otherwise).
/// - Complexity: per d, O(n L) for the FFD series and O(n maxlag^2) for the test.
/// @test tests/stationarity/min_ffd_test.cpp (log S&P 500 against the reference ADF table)
[[nodiscard]] inline min_ffd_result min_ffd(std::span<const double> x,
                                            const min_ffd_params& p = {}) {
  if (!(p.step > 0.0 && p.step <= 1.0))
    throw config_error("step", "must be in (0, 1] (got " + std::to_string(p.step) + ")");
  if (p.criterion == min_ffd_criterion::critical_value) {
    if (p.significance != 0.01 && p.significance != 0.05 && p.significance != 0.10)
      throw config_error("significance",
                         "critical values exist for 0.01, 0.05 and 0.10 only (got " +
                             std::to_string(p.significance) + ")");
  } else if (!(p.significance > 0.0 && p.significance < 1.0)) {
    throw config_error("significance",
                       "must be in (0, 1) (got " + std::to_string(p.significance) + ")");
  }
  detail::check_positive_threshold(p.threshold, "threshold");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]))
      throw data_error({}, "min_ffd: value " + std::to_string(i) + " of " +
                               std::to_string(x.size()) + " is not finite");
  min_ffd_result r;
  auto accept = [&r](const min_ffd_point& pt) {
    r.found = true;
    r.d = pt.d;
    r.adf = pt.adf;
    r.correlation = pt.correlation;
  };
  if (p.search == min_ffd_search::grid) {
    for (std::size_t i = 0;; ++i) {
      double d = static_cast<double>(i) * p.step;
      const bool last = d >= 1.0 - 1e-12;
      if (last) d = 1.0;
      r.evaluated.push_back(min_ffd_evaluate(x, d, p));
      if (r.evaluated.back().passes) {
        accept(r.evaluated.back());
        break;
      }
      if (last) break;
    }
    return r;
  }
  r.evaluated.push_back(min_ffd_evaluate(x, 0.0, p));
  if (r.evaluated.back().passes) {
    accept(r.evaluated.back());
    return r;
  }
  r.evaluated.push_back(min_ffd_evaluate(x, 1.0, p));
  if (!r.evaluated.back().passes) return r;
  min_ffd_point hi = r.evaluated.back();
  double lo = 0.0;
  while (hi.d - lo > p.step) {
    const double mid = 0.5 * (lo + hi.d);
    r.evaluated.push_back(min_ffd_evaluate(x, mid, p));
    if (r.evaluated.back().passes)
      hi = r.evaluated.back();
    else
      lo = mid;
  }
  accept(hi);
  return r;
}

}  // namespace features
ALPHA_END_NAMESPACE
