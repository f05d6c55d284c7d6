/// @file
/// Exposure and holding periods from a T x N panel of weights or positions (rows = dates,
/// columns = assets; any unit, the sign says long or short). A NaN cell means no position (0); an
/// infinite cell is a data_error.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Exposure of a weights panel; every average is over all T rows (dates weigh equally).
struct exposure_stats {
  std::size_t periods = 0;      ///< T
  double time_in_market = nan;  ///< fraction of rows with at least one non-zero weight
  /// mean over assets of the fraction of rows where that asset's weight is non-zero
  double asset_time_in_market = nan;
  double average_gross = nan;  ///< mean_t sum_j |w_tj|
  double average_net = nan;    ///< mean_t sum_j w_tj
  double average_long = nan;   ///< mean_t sum_j max(w_tj, 0)
  double average_short = nan;  ///< mean_t sum_j min(w_tj, 0) (<= 0)
  double max_gross = nan;      ///< max_t sum_j |w_tj|
};

/// Exposure statistics (see exposure_stats). NaN fields when T == 0 (asset_time_in_market also
/// when N == 0). O(T N).
[[nodiscard]] inline exposure_stats exposure(const Eigen::Ref<const Eigen::ArrayXXd>& weights) {
  using ::alpha::detail::metrics::weight_or_zero;
  exposure_stats s;
  const Eigen::Index rows = weights.rows(), cols = weights.cols();
  s.periods = static_cast<std::size_t>(rows);
  if (rows == 0) return s;
  std::size_t invested = 0, asset_cells = 0;
  double gross = 0.0, net = 0.0, lng = 0.0, sht = 0.0, mx = 0.0;
  for (Eigen::Index t = 0; t < rows; ++t) {
    double g = 0.0;
    bool any = false;
    for (Eigen::Index j = 0; j < cols; ++j) {
      const double w = weight_or_zero(weights(t, j), t, j, "exposure");
      if (w != 0.0) {
        any = true;
        ++asset_cells;
      }
      g += std::fabs(w);
      net += w;
      (w > 0.0 ? lng : sht) += w;
    }
    invested += any ? 1 : 0;
    gross += g;
    mx = std::max(mx, g);
  }
  const double tt = static_cast<double>(rows);
  s.time_in_market = static_cast<double>(invested) / tt;
  if (cols > 0) s.asset_time_in_market = static_cast<double>(asset_cells) / (tt * double(cols));
  s.average_gross = gross / tt;
  s.average_net = net / tt;
  s.average_long = lng / tt;
  s.average_short = sht / tt;
  s.max_gross = mx;
  return s;
}
[[nodiscard]] inline exposure_stats exposure(const panel<double>& weights) {
  return exposure(weights.values());
}

/// Holding periods. A holding is a maximal run of consecutive rows in which one asset's position
/// is non-zero with the same sign: resizing keeps the holding, going flat ends it, and a sign
/// flip ends it and starts a new one on the same row. Its length is the number of rows held.
/// A holding still open on the last row is censored (its length counts to the end).
struct holding_period_stats {
  std::size_t holdings = 0;       ///< all holdings, across assets
  std::size_t open_holdings = 0;  ///< holdings still open on the last row
  /// mean length in periods over all holdings, open ones counted to the end (a lower bound
  /// for them); NaN if there is none
  double average = nan;
  double average_closed = nan;  ///< mean length over the closed holdings only; NaN if none
  std::size_t longest = 0;      ///< longest holding, in periods
};

/// Holding-period statistics of a weights / positions panel (see holding_period_stats). O(T N).
[[nodiscard]] inline holding_period_stats holding_periods(
    const Eigen::Ref<const Eigen::ArrayXXd>& weights) {
  using ::alpha::detail::metrics::weight_or_zero;
  holding_period_stats s;
  const Eigen::Index rows = weights.rows(), cols = weights.cols();
  std::size_t total = 0, closed_total = 0;
  const auto sign = [](double w) { return (w > 0.0) - (w < 0.0); };
  for (Eigen::Index j = 0; j < cols; ++j) {
    int cur = 0;
    std::size_t len = 0;
    const auto close_run = [&](bool open) {
      ++s.holdings;
      total += len;
      s.longest = std::max(s.longest, len);
      if (open)
        ++s.open_holdings;
      else
        closed_total += len;
    };
    for (Eigen::Index t = 0; t < rows; ++t) {
      const int sg = sign(weight_or_zero(weights(t, j), t, j, "holding_periods"));
      if (sg != cur) {
        if (cur != 0) close_run(false);
        cur = sg;
        len = 0;
      }
      if (cur != 0) ++len;
    }
    if (cur != 0) close_run(true);
  }
  if (s.holdings > 0) s.average = static_cast<double>(total) / static_cast<double>(s.holdings);
  const std::size_t closed = s.holdings - s.open_holdings;
  if (closed > 0)
    s.average_closed = static_cast<double>(closed_total) / static_cast<double>(closed);
  return s;
}
[[nodiscard]] inline holding_period_stats holding_periods(const panel<double>& weights) {
  return holding_periods(weights.values());
}

}  // namespace metrics
ALPHA_END_NAMESPACE
