/// @file
/// alpha::metrics::mean_summary: mean, standard deviation, information ratio and t-statistic of
/// a series of per-date statistics (an IC series, a long-short return series).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Location and significance of a series x_1..x_n (NaN values dropped first).
struct mean_summary {
  std::size_t count = 0;  ///< n, the non-NaN values
  double mean = nan;      ///< mean(x); NaN if n == 0
  double stdev = nan;     ///< sd(x, ddof = 1); NaN if n < 2, 0 for a constant series
  double ir = nan;        ///< mean / std, per period (not annualised); NaN if stdev is 0 or NaN
  /// mean / (stdev / sqrt(n)) = ir sqrt(n): the t-statistic of "mean = 0" assuming independent
  /// values. Overstated when the values are autocorrelated (an IC of an h-period forward return,
  /// h > 1, overlaps h - 1 periods with its neighbours). NaN when ir is.
  double t_stat = nan;
};

/// mean_summary of the non-NaN values of x; data_error on an infinite value. O(n).
[[nodiscard]] inline mean_summary summarize_mean(std::span<const double> x) {
  const auto clean = ::alpha::detail::metrics::drop_nan(x, "summarize_mean");
  mean_summary s;
  s.count = clean.size();
  const auto ms = ::alpha::detail::metrics::mean_and_sd(clean);
  s.mean = ms.mean;
  s.stdev = ms.sd;
  if (ms.sd > 0.0) {
    s.ir = ms.mean / ms.sd;
    s.t_stat = s.ir * std::sqrt(static_cast<double>(s.count));
  }
  return s;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
