/// @file
/// Portfolio turnover from a T x N panel of weights (rows = dates, columns = assets; weights as
/// fractions of equity, negative = short).
///
/// Convention: the turnover of row t is tau_t = c * sum_j |w_{t,j} - w_{t-1,j}| with c = 1/2 by
/// default (**one-way**: for a fully invested book it is the fraction of the portfolio replaced,
/// buys = sells) and c = 1 for `turnover_side::two_way` (total traded value / equity). Row 0 has no
/// previous row: NaN by default; with `include_initial` its turnover is c * sum_j |w_{0,j}| (the
/// build-up from cash). A NaN weight means no position (0); an infinite weight is a data_error.
/// The weights are taken as given: pass the post-trade weights of each row; drift between
/// rebalances (w_{t-1} after its returns) is not modelled here, so a buy-and-hold book shows no
/// turnover. Average = mean of the defined rows; annualised = average * periods_per_year
/// (pyfolio's get_turnover divides each day's traded value by the average gross book, or by the
/// portfolio value, and does not annualise).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// One-way (sum |dw| / 2) or two-way (sum |dw|) turnover.
enum class turnover_side { one_way, two_way };

/// Options of turnover_series / turnover.
struct turnover_options {
  turnover_side side = turnover_side::one_way;
  bool include_initial = false;     ///< count row 0 as a trade from cash
  double periods_per_year = 252.0;  ///< annualisation of the average
};

/// Per-row turnover tau_t (length T); row 0 NaN unless include_initial. O(T N).
[[nodiscard]] inline std::vector<double> turnover_series(
    const Eigen::Ref<const Eigen::ArrayXXd>& weights, const turnover_options& o = {}) {
  ::alpha::detail::metrics::check_positive(o.periods_per_year, "periods_per_year");
  const double c = o.side == turnover_side::one_way ? 0.5 : 1.0;
  const Eigen::Index rows = weights.rows(), cols = weights.cols();
  std::vector<double> out(static_cast<std::size_t>(rows), nan);
  using ::alpha::detail::metrics::weight_or_zero;
  for (Eigen::Index t = 0; t < rows; ++t) {
    if (t == 0 && !o.include_initial) {
      for (Eigen::Index j = 0; j < cols; ++j) (void)weight_or_zero(weights(t, j), t, j, "turnover");
      continue;
    }
    double s = 0.0;
    for (Eigen::Index j = 0; j < cols; ++j) {
      const double w = weight_or_zero(weights(t, j), t, j, "turnover");
      const double prev = t == 0 ? 0.0 : weight_or_zero(weights(t - 1, j), t - 1, j, "turnover");
      s += std::fabs(w - prev);
    }
    out[static_cast<std::size_t>(t)] = c * s;
  }
  return out;
}
[[nodiscard]] inline std::vector<double> turnover_series(const panel<double>& weights,
                                                         const turnover_options& o = {}) {
  return turnover_series(weights.values(), o);
}

/// Average and annualised turnover.
struct turnover_stats {
  double average = nan;     ///< mean of tau_t over the defined rows (per period)
  double annual = nan;      ///< average * periods_per_year
  std::size_t periods = 0;  ///< defined rows averaged
};

/// Average per-period and annualised turnover (see the file comment). NaN with no defined row.
/// O(T N).
[[nodiscard]] inline turnover_stats turnover(const Eigen::Ref<const Eigen::ArrayXXd>& weights,
                                             const turnover_options& o = {}) {
  const auto tau = turnover_series(weights, o);
  turnover_stats s;
  double sum = 0.0;
  for (const double v : tau)
    if (!is_nan(v)) {
      sum += v;
      ++s.periods;
    }
  if (s.periods == 0) return s;
  s.average = sum / static_cast<double>(s.periods);
  s.annual = s.average * o.periods_per_year;
  return s;
}
[[nodiscard]] inline turnover_stats turnover(const panel<double>& weights,
                                             const turnover_options& o = {}) {
  return turnover(weights.values(), o);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
