/// @file
/// Information coefficient (IC) of a signal panel against forward returns, per date across
/// assets, with its mean / std / IR / t-statistic, and IC by horizon (alpha decay).
///
/// Alignment: signal row t is known at the close of t; forward-return row t is the return
/// earned **after** t (from t to t + h). Build it with forward_returns_from_prices or
/// forward_returns_from_returns, never by shifting the signal back (that would look ahead).
/// Per date, the pairs where both signal and forward return are non-NaN are used (pairwise
/// deletion); with fewer than min_count pairs, or a constant signal or return across them, that
/// date's IC is NaN and left out of the summary. An infinite cell is a data_error.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/metrics_common.hpp"
#include "alpha/metrics/mean_summary.hpp"

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Pearson (linear) or Spearman (rank; ties get the average rank, as scipy / pandas) correlation.
enum class ic_method { pearson, spearman };

/// Options of the IC functions.
struct ic_options {
  ic_method method = ic_method::spearman;  ///< rank IC by default (alphalens)
  std::size_t min_count = 5;               ///< minimum valid pairs per date, >= 3
};

}  // namespace metrics

namespace detail::metrics {
inline void check(const ::alpha::metrics::ic_options& o) {
  if (o.min_count < 3)
    throw config_error("min_count", "must be >= 3 (a correlation of 2 points is always +-1), got " +
                                        std::to_string(o.min_count));
}
/// IC of one date from the valid pairs (scratch vectors reused).
inline double ic_of_row(const Eigen::Ref<const Eigen::ArrayXXd>& s,
                        const Eigen::Ref<const Eigen::ArrayXXd>& f, Eigen::Index t,
                        const ::alpha::metrics::ic_options& o, std::vector<double>& xs,
                        std::vector<double>& ys) {
  xs.clear();
  ys.clear();
  for (Eigen::Index j = 0; j < s.cols(); ++j) {
    const double x = s(t, j), y = f(t, j);
    if (std::isinf(x) || std::isinf(y))
      throw data_error({}, "information_coefficient: infinite " +
                               std::string(std::isinf(x) ? "signal" : "forward return") +
                               " at row " + std::to_string(t) + ", column " + std::to_string(j));
    if (is_nan(x) || is_nan(y)) continue;
    xs.push_back(x);
    ys.push_back(y);
  }
  if (xs.size() < o.min_count) return nan;
  if (::alpha::detail::metrics::all_equal(xs) || ::alpha::detail::metrics::all_equal(ys))
    return nan;
  if (o.method == ::alpha::metrics::ic_method::pearson)
    return ::alpha::detail::metrics::pearson(xs, ys);
  const auto rx = ::alpha::detail::metrics::average_ranks(xs);
  const auto ry = ::alpha::detail::metrics::average_ranks(ys);
  return ::alpha::detail::metrics::pearson(rx, ry);
}
}  // namespace detail::metrics

namespace metrics {

/// Per-date IC: IC_t = corr(signal row t, forward-return row t) over the assets where both are
/// non-NaN (Spearman = Pearson of average ranks). Length T; NaN where undefined (see the file
/// comment). shape_error unless the arrays have equal dimensions; config_error if
/// min_count < 3. O(T N) Pearson, O(T N log N) Spearman.
[[nodiscard]] inline std::vector<double> ic_series(
    const Eigen::Ref<const Eigen::ArrayXXd>& signal,
    const Eigen::Ref<const Eigen::ArrayXXd>& forward_returns, const ic_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  ::alpha::detail::metrics::require_same_dims(signal, forward_returns, "ic_series");
  std::vector<double> out(static_cast<std::size_t>(signal.rows()), nan);
  std::vector<double> xs, ys;
  xs.reserve(static_cast<std::size_t>(signal.cols()));
  ys.reserve(static_cast<std::size_t>(signal.cols()));
  for (Eigen::Index t = 0; t < signal.rows(); ++t)
    out[static_cast<std::size_t>(t)] =
        ::alpha::detail::metrics::ic_of_row(signal, forward_returns, t, o, xs, ys);
  return out;
}
/// Panel overload: shape_error unless both panels share calendar and assets.
[[nodiscard]] inline std::vector<double> ic_series(const panel<double>& signal,
                                                   const panel<double>& forward_returns,
                                                   const ic_options& o = {}) {
  require_same_shape(signal, forward_returns, "ic_series");
  return ic_series(signal.values(), forward_returns.values(), o);
}

/// The IC series and its summary: mean IC, std (ddof 1), IR = mean / std (per date, not
/// annualised) and t = IR sqrt(n) over the n dates with a defined IC.
struct ic_report {
  std::vector<double> ic;
  mean_summary summary;
};

/// ic_series + summarize_mean. Same errors and complexity as ic_series.
[[nodiscard]] inline ic_report information_coefficient(
    const Eigen::Ref<const Eigen::ArrayXXd>& signal,
    const Eigen::Ref<const Eigen::ArrayXXd>& forward_returns, const ic_options& o = {}) {
  ic_report r;
  r.ic = ic_series(signal, forward_returns, o);
  r.summary = summarize_mean(r.ic);
  return r;
}
[[nodiscard]] inline ic_report information_coefficient(const panel<double>& signal,
                                                       const panel<double>& forward_returns,
                                                       const ic_options& o = {}) {
  require_same_shape(signal, forward_returns, "information_coefficient");
  return information_coefficient(signal.values(), forward_returns.values(), o);
}

/// Forward simple returns from prices: f_{t,j} = p_{t+h,j} / p_{t,j} - 1; NaN in the last h rows
/// and where either price is NaN. config_error if h == 0; data_error on a price <= 0 or infinite.
/// O(T N).
[[nodiscard]] inline Eigen::ArrayXXd forward_returns_from_prices(
    const Eigen::Ref<const Eigen::ArrayXXd>& prices, std::size_t h) {
  if (h == 0) throw config_error("horizon", "must be >= 1");
  const Eigen::Index rows = prices.rows(), cols = prices.cols(), hh = static_cast<Eigen::Index>(h);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index t = 0; t < rows; ++t) {
      const double p = prices(t, j);
      if (!is_nan(p) && !(p > 0.0 && std::isfinite(p)))
        throw data_error({}, "forward_returns_from_prices: price at row " + std::to_string(t) +
                                 ", column " + std::to_string(j) + " is " + std::to_string(p) +
                                 " (must be finite and > 0)");
    }
  Eigen::ArrayXXd out = Eigen::ArrayXXd::Constant(rows, cols, nan);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index t = 0; t + hh < rows; ++t)
      out(t, j) = prices(t + hh, j) / prices(t, j) - 1.0;  // NaN propagates
  return out;
}

/// Forward compounded returns from a returns panel whose row t holds the return from t - 1 to t:
/// f_{t,j} = prod_{k=1..h} (1 + r_{t+k,j}) - 1; NaN in the last h rows and where any of the h
/// returns is NaN. config_error if h == 0; data_error on an infinite return. O(T N h).
[[nodiscard]] inline Eigen::ArrayXXd forward_returns_from_returns(
    const Eigen::Ref<const Eigen::ArrayXXd>& returns, std::size_t h) {
  if (h == 0) throw config_error("horizon", "must be >= 1");
  const Eigen::Index rows = returns.rows(), cols = returns.cols(),
                     hh = static_cast<Eigen::Index>(h);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index t = 0; t < rows; ++t)
      if (std::isinf(returns(t, j)))
        throw data_error({}, "forward_returns_from_returns: return at row " + std::to_string(t) +
                                 ", column " + std::to_string(j) + " is infinite");
  Eigen::ArrayXXd out = Eigen::ArrayXXd::Constant(rows, cols, nan);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index t = 0; t + hh < rows; ++t) {
      double g = 1.0;
      for (Eigen::Index k = 1; k <= hh; ++k) g *= 1.0 + returns(t + k, j);
      out(t, j) = g - 1.0;
    }
  return out;
}

/// What the decay input panel holds.
enum class forward_source { prices, returns };

/// The IC summary at one horizon.
struct ic_decay_point {
  std::size_t horizon = 0;
  mean_summary summary;
};

/// IC by horizon (alpha decay): for each h in `horizons`, the IC summary of signal row t
/// against the forward return over t..t+h built from `market` (prices: p_{t+h}/p_t - 1;
/// returns: compounded, see forward_returns_from_returns). The t-statistics of h > 1 are
/// overstated (overlapping windows; see mean_summary). Errors as ic_series and the forward
/// builders. O(|horizons| T N log N).
[[nodiscard]] inline std::vector<ic_decay_point> ic_decay(
    const Eigen::Ref<const Eigen::ArrayXXd>& signal,
    const Eigen::Ref<const Eigen::ArrayXXd>& market, std::span<const std::size_t> horizons,
    forward_source source = forward_source::prices, const ic_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  ::alpha::detail::metrics::require_same_dims(signal, market, "ic_decay");
  std::vector<ic_decay_point> out;
  out.reserve(horizons.size());
  for (const std::size_t h : horizons) {
    const Eigen::ArrayXXd fwd = source == forward_source::prices
                                    ? forward_returns_from_prices(market, h)
                                    : forward_returns_from_returns(market, h);
    out.push_back({h, summarize_mean(ic_series(signal, fwd, o))});
  }
  return out;
}
[[nodiscard]] inline std::vector<ic_decay_point> ic_decay(
    const panel<double>& signal, const panel<double>& market, std::span<const std::size_t> horizons,
    forward_source source = forward_source::prices, const ic_options& o = {}) {
  require_same_shape(signal, market, "ic_decay");
  return ic_decay(signal.values(), market.values(), horizons, source, o);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
