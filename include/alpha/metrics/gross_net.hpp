/// @file
/// Gross versus net performance: what trading costs took out of a strategy's return.
///
/// Inputs: two aligned per-period simple-return series of the same strategy, before costs
/// (gross) and after costs (net). Only rows where both are non-NaN are used (so both totals
/// cover the same periods); an infinite value is a data_error.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"
#include "alpha/metrics/returns_stats.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Gross vs net comparison.
struct gross_net_stats {
  std::size_t periods = 0;        ///< rows where both returns are non-NaN
  double gross_total = nan;       ///< prod(1 + g) - 1
  double net_total = nan;         ///< prod(1 + n) - 1
  double gross_cagr = nan;        ///< (1 + gross_total)^(A / periods) - 1
  double net_cagr = nan;          ///< (1 + net_total)^(A / periods) - 1
  double cost_drag = nan;         ///< gross_total - net_total (compounded return lost to costs)
  double annual_cost_drag = nan;  ///< gross_cagr - net_cagr
  double mean_cost = nan;         ///< mean(g - n): average cost per period, in return units
  /// Cost efficiency net_total / gross_total: the fraction of the gross profit kept after costs
  /// (1 = free trading, 0 = costs ate it all, < 0 = a net loss). NaN when gross_total <= 0 (the
  /// ratio of two losses has no "efficiency" reading).
  double cost_efficiency = nan;
};

/// Gross vs net statistics (see gross_net_stats); periods_per_year from `o`. shape_error unless
/// the spans have equal lengths. NaN fields with no common row. O(N).
[[nodiscard]] inline gross_net_stats gross_vs_net(std::span<const double> gross,
                                                  std::span<const double> net,
                                                  const return_options& o = {}) {
  ::alpha::detail::metrics::check_positive(o.periods_per_year, "periods_per_year");
  if (gross.size() != net.size())
    throw shape_error("gross_vs_net: gross has " + std::to_string(gross.size()) +
                      " returns and net " + std::to_string(net.size()));
  gross_net_stats s;
  double wg = 1.0, wn = 1.0, cost = 0.0;
  for (std::size_t i = 0; i < gross.size(); ++i) {
    ::alpha::detail::metrics::check_not_infinite(gross[i], i, "gross_vs_net (gross)");
    ::alpha::detail::metrics::check_not_infinite(net[i], i, "gross_vs_net (net)");
    if (is_nan(gross[i]) || is_nan(net[i])) continue;
    ++s.periods;
    wg *= 1.0 + gross[i];
    wn *= 1.0 + net[i];
    cost += gross[i] - net[i];
  }
  if (s.periods == 0) return s;
  s.gross_total = wg - 1.0;
  s.net_total = wn - 1.0;
  s.gross_cagr = ::alpha::detail::metrics::cagr_of(wg, s.periods, o.periods_per_year);
  s.net_cagr = ::alpha::detail::metrics::cagr_of(wn, s.periods, o.periods_per_year);
  s.cost_drag = s.gross_total - s.net_total;
  s.annual_cost_drag = s.gross_cagr - s.net_cagr;
  s.mean_cost = cost / static_cast<double>(s.periods);
  if (s.gross_total > 0.0) s.cost_efficiency = s.net_total / s.gross_total;
  return s;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
