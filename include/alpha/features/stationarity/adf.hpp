/// @file
/// alpha::features::adf_test: the augmented Dickey-Fuller unit-root test, with statsmodels'
/// adfuller semantics (lag order fixed or chosen by AIC, BIC or t-stat; MacKinnon p-values and
/// critical values).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/stationarity/lag_regression.hpp"
#include "alpha/features/stationarity/mackinnon.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// How adf_test chooses the number of lagged differences (statsmodels' `autolag=`).
enum class adf_autolag {
  none,   ///< use maxlag lags (statsmodels autolag=None)
  aic,    ///< minimise the Akaike criterion -2 llf + 2 k on the common sample
  bic,    ///< minimise the Schwarz criterion -2 llf + k log(rows) on the common sample
  t_stat  ///< from maxlag down, the first lag whose coefficient has |t| >= 1.6448536269514722
};

/// Parameters of adf_test.
struct adf_params {
  adf_regression regression = adf_regression::c;  ///< deterministic terms
  adf_autolag autolag = adf_autolag::aic;         ///< lag selection
  /// Largest lag considered (autolag) or used (none). Default (empty): Schwert's
  /// ceil(12 (n/100)^(1/4)), capped at n/2 - ntrend - 1 (integer division), ntrend = 0, 1, 2
  /// deterministic terms. An explicit value above that cap is a config_error.
  std::optional<std::size_t> maxlag = std::nullopt;
};

/// What adf_test returns (statsmodels' tuple, by name).
struct adf_result {
  double statistic = nan;    ///< tau: t-value of the lagged level's coefficient
  double p_value = nan;      ///< MacKinnon (1994) approximate p-value (mackinnon_p)
  std::size_t used_lag = 0;  ///< lagged differences in the final regression
  std::size_t nobs = 0;      ///< rows of the final regression: n - 1 - used_lag
  std::size_t max_lag = 0;   ///< the maxlag searched (autolag) or used (none)
  /// MacKinnon (2010) critical values at 1 %, 5 %, 10 % for nobs rows (mackinnon_crit).
  std::array<double, 3> critical_values{nan, nan, nan};
  /// The best criterion value of the search (AIC or BIC; for t_stat the |t| of the chosen lag's
  /// last coefficient); NaN when autolag is none.
  double icbest = nan;
  adf_regression regression = adf_regression::c;

  /// Rejects the unit root at significance 0.01, 0.05 or 0.10 (statistic below the critical
  /// value); config_error for any other level.
  [[nodiscard]] bool rejects_at(double significance) const {
    for (std::size_t i = 0; i < 3; ++i)
      if (significance == std::array<double, 3>{0.01, 0.05, 0.10}[i])
        return statistic < critical_values[i];
    throw config_error("significance", "critical values exist for 0.01, 0.05 and 0.10 only (got " +
                                           std::to_string(significance) + ")");
  }
};

namespace detail {

/// Schwert's default maxlag with statsmodels' cap, or the checked explicit one.
inline std::size_t adf_maxlag(std::size_t n, int ntrend, const std::optional<std::size_t>& given) {
  const long long cap = static_cast<long long>(n / 2) - ntrend - 1;
  if (given) {
    if (static_cast<long long>(*given) > cap)
      throw config_error("maxlag", "must be at most n/2 - ntrend - 1 = " + std::to_string(cap) +
                                       " for a series of " + std::to_string(n) + " values (got " +
                                       std::to_string(*given) + ")");
    return *given;
  }
  const double schwert = std::ceil(12.0 * std::pow(static_cast<double>(n) / 100.0, 0.25));
  const long long lag = std::min(cap, static_cast<long long>(schwert));
  if (lag < 0)
    throw config_error(
        "maxlag", "a series of " + std::to_string(n) + " values is too short for this regression");
  return static_cast<std::size_t>(lag);
}

}  // namespace detail

/// Augmented Dickey-Fuller test of a unit root in x_0..x_{n-1}, as statsmodels 0.13
/// `adfuller(x, maxlag, regression, autolag)`:
///
///   dx_{t+1} = [a] + [b t] + gamma x_t + sum_{k=1..p} c_k dx_{t+1-k} + e,  t = p..n-2,
///
/// statistic = gamma / se(gamma) (H0: gamma = 0, a unit root; reject for small values).
/// With autolag, every p = 0..maxlag is fitted on the common sample t = maxlag..n-2
/// (n - 1 - maxlag rows, so the criteria are comparable), the best p is kept (ties: the smaller
/// p; t_stat: the largest p whose last lag is significant at 5 % two-sided normal, else 0), and
/// the final regression is re-run with p lags on all n - 1 - p available rows. The trend column
/// is 1..rows of each regression. p-value: mackinnon_p; critical values: mackinnon_crit(nobs).
///
/// - Numerics: one Householder QR of [X | y] (Eigen) gives all nested fits of the search
///   (residual sums and last t-values from the triangular factor, see
///   detail::adf::nested_fits); the final fit is a second QR with the level as last column.
///   QR works on X, not on X'X, so it does not square the condition number (a trend column
///   1..n next to a level makes the normal equations lose about twice as many digits);
///   statsmodels uses a pseudo-inverse (SVD): the two agree to ~1e-12 relative on the tests.
/// - Input: finite values (data_error naming the first NaN/inf index: pass the non-NaN part, e.g.
///   an FFD series after its warm-up); a constant series, collinear regressors or an exact fit
///   are data_errors; maxlag above the cap, or too few rows, a config_error.
/// - Complexity: O(n maxlag^2) time (one QR of n x (maxlag + 3)), O(n maxlag) memory.
/// @test tests/stationarity/adf_test.cpp (statsmodels adfuller on log S&P 500 and its FFD
/// series; long-double normal equations for n, ct, BIC and t-stat)
[[nodiscard]] inline adf_result adf_test(std::span<const double> x, const adf_params& p = {}) {
  const std::size_t n = x.size();
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(x[i]))
      throw data_error({}, "augmented Dickey-Fuller: value " + std::to_string(i) + " of " +
                               std::to_string(n) +
                               " is not finite (pass the non-NaN part of the series)");
  const int ntrend = p.regression == adf_regression::n   ? 0
                     : p.regression == adf_regression::c ? 1
                                                         : 2;
  if (n < 4) throw config_error("x", "augmented Dickey-Fuller needs at least 4 values");
  {
    double lo = x[0], hi = x[0];
    for (double v : x) {
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    if (lo == hi) throw data_error({}, "augmented Dickey-Fuller: the series is constant");
  }
  const std::size_t maxlag = detail::adf_maxlag(n, ntrend, p.maxlag);
  adf_result res;
  res.regression = p.regression;
  res.max_lag = maxlag;
  std::size_t lag = maxlag;
  if (p.autolag != adf_autolag::none) {
    const ::alpha::detail::adf::design a{x.data(), n, maxlag, maxlag, ntrend, false};
    if (a.rows() <= a.cols() - 1)
      throw config_error("maxlag", "too few rows (" + std::to_string(a.rows()) + ") for " +
                                       std::to_string(a.cols() - 1) + " regressors");
    const ::alpha::detail::adf::nested_fits fits(a, "lag-selection regression");
    const Eigen::Index first = ntrend + 1;  // columns of the fit with no lagged difference
    const Eigen::Index last = first + static_cast<Eigen::Index>(maxlag);
    if (p.autolag == adf_autolag::t_stat) {
      constexpr double stop = 1.6448536269514722;  // Phi^-1(0.95), statsmodels' constant
      Eigen::Index best = first;
      double ic = 0.0;
      for (Eigen::Index j = last; j >= first; --j) {
        ic = std::abs(fits.t_last(j));
        best = j;
        if (ic >= stop) break;
      }
      lag = static_cast<std::size_t>(best - first);
      res.icbest = ic;
    } else {
      const double rows = static_cast<double>(fits.rows());
      double best_ic = 0.0;
      Eigen::Index best = first;
      for (Eigen::Index j = first; j <= last; ++j) {
        const double k = static_cast<double>(j);
        const double ic =
            -2.0 * fits.loglik(j) + (p.autolag == adf_autolag::aic ? 2.0 * k : std::log(rows) * k);
        if (j == first || ic < best_ic) {
          best_ic = ic;
          best = j;
        }
      }
      lag = static_cast<std::size_t>(best - first);
      res.icbest = best_ic;
    }
  }
  const ::alpha::detail::adf::design a{x.data(), n, lag, lag, ntrend, true};
  if (a.rows() <= a.cols() - 1)
    throw config_error("maxlag", "too few rows (" + std::to_string(a.rows()) + ") for " +
                                     std::to_string(a.cols() - 1) + " regressors");
  const ::alpha::detail::adf::nested_fits fit(a, "Dickey-Fuller regression");
  res.used_lag = lag;
  res.nobs = static_cast<std::size_t>(fit.rows());
  res.statistic = fit.t_last(a.cols() - 1);
  res.p_value = mackinnon_p(res.statistic, p.regression);
  res.critical_values = mackinnon_crit(p.regression, res.nobs);
  return res;
}

}  // namespace features
ALPHA_END_NAMESPACE
