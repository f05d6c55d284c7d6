/// @file
/// PnL by signal bucket: per date, assets are split into q quantile buckets of the signal and
/// the mean forward return of each bucket is taken; then the buckets' means over dates and the
/// long-short (top minus bottom) series (alphalens' mean_return_by_quantile and its spread).
///
/// Alignment as for the IC (information_coefficient.hpp): signal row t against the forward
/// return after t. Per date, only assets where both are non-NaN take part (n of them); a date
/// with n < min_count is skipped. Bucket of an asset with average rank r (1..n, ties averaged):
///   b = max(1, ceil(q (r - 1) / (n - 1)))   in 1..q,
/// which is pandas `qcut(scores, q, labels=False) + 1` (type-7 edges, right-closed bins) when the
/// scores are distinct, and puts tied scores in one bucket. Every average is equal-weight (assets
/// within a bucket, dates across the sample). An infinite cell is a data_error.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/metrics_common.hpp"
#include "alpha/metrics/mean_summary.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Options of signal_buckets.
struct bucket_options {
  std::size_t buckets = 5;    ///< q >= 2 (5: quintiles, 10: deciles)
  std::size_t min_count = 0;  ///< minimum valid assets per date; 0 means q; must be >= q
};

/// Result of signal_buckets; bucket b (1..q) is at index b - 1, bucket q holds the highest scores.
struct bucket_report {
  std::size_t buckets = 0;
  /// Mean over dates of the bucket's per-date mean forward return; NaN if no date.
  std::vector<double> mean_return;
  /// Number of dates on which the bucket was non-empty.
  std::vector<std::size_t> dates;
  /// Per date: mean forward return of bucket q minus that of bucket 1; NaN on skipped dates.
  std::vector<double> long_short;
  /// Mean, std, IR and t-statistic of long_short (per period, not annualised).
  mean_summary long_short_summary;
};

/// Mean forward return by signal bucket and the top-minus-bottom spread (see the file comment).
/// shape_error unless the arrays have equal dimensions; config_error if buckets < 2 or
/// 0 < min_count < buckets. O(T N log N).
[[nodiscard]] inline bucket_report signal_buckets(
    const Eigen::Ref<const Eigen::ArrayXXd>& signal,
    const Eigen::Ref<const Eigen::ArrayXXd>& forward_returns, const bucket_options& o = {}) {
  const std::size_t q = o.buckets;
  if (q < 2) throw config_error("buckets", "must be >= 2, got " + std::to_string(q));
  const std::size_t min_count = o.min_count == 0 ? q : o.min_count;
  if (min_count < q)
    throw config_error("min_count", "must be >= buckets (" + std::to_string(q) + "), got " +
                                        std::to_string(min_count));
  ::alpha::detail::metrics::require_same_dims(signal, forward_returns, "signal_buckets");
  bucket_report rep;
  rep.buckets = q;
  rep.dates.assign(q, 0);
  rep.long_short.assign(static_cast<std::size_t>(signal.rows()), nan);
  std::vector<double> total(q, 0.0), day_sum(q), xs, ys;
  std::vector<std::size_t> day_n(q);
  for (Eigen::Index t = 0; t < signal.rows(); ++t) {
    xs.clear();
    ys.clear();
    for (Eigen::Index j = 0; j < signal.cols(); ++j) {
      const double x = signal(t, j), y = forward_returns(t, j);
      if (std::isinf(x) || std::isinf(y))
        throw data_error({}, "signal_buckets: infinite value at row " + std::to_string(t) +
                                 ", column " + std::to_string(j));
      if (is_nan(x) || is_nan(y)) continue;
      xs.push_back(x);
      ys.push_back(y);
    }
    const std::size_t n = xs.size();
    if (n < min_count) continue;
    const auto ranks = ::alpha::detail::metrics::average_ranks(xs);
    std::fill(day_sum.begin(), day_sum.end(), 0.0);
    std::fill(day_n.begin(), day_n.end(), std::size_t{0});
    // Exact integer ceiling: average ranks are multiples of 1/2, so 2 (r - 1) is an integer.
    const std::size_t den = 2 * (n - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const auto twice = static_cast<std::size_t>(std::llround(2.0 * (ranks[i] - 1.0)));
      const std::size_t b = (twice * q + den - 1) / den;
      const std::size_t k = std::clamp<std::size_t>(b, 1, q) - 1;
      day_sum[k] += ys[i];
      ++day_n[k];
    }
    for (std::size_t k = 0; k < q; ++k)
      if (day_n[k] > 0) {
        total[k] += day_sum[k] / static_cast<double>(day_n[k]);
        ++rep.dates[k];
      }
    if (day_n[0] > 0 && day_n[q - 1] > 0)
      rep.long_short[static_cast<std::size_t>(t)] =
          day_sum[q - 1] / static_cast<double>(day_n[q - 1]) -
          day_sum[0] / static_cast<double>(day_n[0]);
  }
  rep.mean_return.assign(q, nan);
  for (std::size_t k = 0; k < q; ++k)
    if (rep.dates[k] > 0) rep.mean_return[k] = total[k] / static_cast<double>(rep.dates[k]);
  rep.long_short_summary = summarize_mean(rep.long_short);
  return rep;
}
/// Panel overload: shape_error unless both panels share calendar and assets.
[[nodiscard]] inline bucket_report signal_buckets(const panel<double>& signal,
                                                  const panel<double>& forward_returns,
                                                  const bucket_options& o = {}) {
  require_same_shape(signal, forward_returns, "signal_buckets");
  return signal_buckets(signal.values(), forward_returns.values(), o);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
