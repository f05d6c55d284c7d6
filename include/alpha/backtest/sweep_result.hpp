/// @file
/// alpha::backtest::sweep_result: what a parameter sweep returns: one row per variant (params
/// as key=value text, metrics), sorted views, top-k with their return curves, and the
/// overfitting statistics of the best variant (PSR, DSR, PBO, haircut Sharpe), with summary().
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// Metrics of one variant's per-period portfolio net returns r_t, t = 0..T-1 (every bar,
/// warm-up bars included as zero returns, as backtest_result::net_returns). Conventions as
/// metrics::summarize (periods_per_year A, default 252): Sharpe = mean / sd (ddof 1) sqrt(A),
/// Sortino = mean A / (sqrt(mean min(r, 0)^2) sqrt(A)), CAGR = W^(A/T) - 1, max drawdown <= 0.
struct sweep_metrics {
  std::size_t periods = 0;         ///< T
  double total_return = nan;       ///< prod(1 + r) - 1
  double cagr = nan;               ///< annualised growth
  double annual_volatility = nan;  ///< sd sqrt(A)
  double sharpe = nan;             ///< annualised Sharpe ratio (NaN if sd = 0)
  double sortino = nan;            ///< annualised Sortino ratio (required return 0)
  double max_drawdown = nan;       ///< deepest peak-to-trough, a fraction <= 0
  double turnover =
      nan;  ///< mean over bars of sum_j |w_tj - w_t-1,j| (as backtest_result::turnover)
  double sharpe_per_period = nan;  ///< mean / sd, not annualised (the unit of PSR/DSR)
  double skewness = nan;           ///< population skewness m3 / m2^1.5
  double raw_kurtosis = nan;       ///< RAW (non-excess) kurtosis m4 / m2^2, normal = 3
};

/// The metric names of sweep_metrics usable for sorting and top-k.
enum class sweep_metric {
  sharpe,
  sortino,
  total_return,
  cagr,
  max_drawdown,
  annual_volatility,
  turnover
};

/// Reads metric `m` of `x`. Larger is better for every metric except annual_volatility and
/// turnover (see better()); max_drawdown is <= 0, so larger (closer to 0) is better.
[[nodiscard]] inline double metric_value(const sweep_metrics& x, sweep_metric m) noexcept {
  switch (m) {
    case sweep_metric::sharpe:
      return x.sharpe;
    case sweep_metric::sortino:
      return x.sortino;
    case sweep_metric::total_return:
      return x.total_return;
    case sweep_metric::cagr:
      return x.cagr;
    case sweep_metric::max_drawdown:
      return x.max_drawdown;
    case sweep_metric::annual_volatility:
      return x.annual_volatility;
    case sweep_metric::turnover:
      return x.turnover;
  }
  return nan;
}

/// The metric's name as in the CSV/JSON columns.
[[nodiscard]] inline std::string_view metric_name(sweep_metric m) noexcept {
  switch (m) {
    case sweep_metric::sharpe:
      return "sharpe";
    case sweep_metric::sortino:
      return "sortino";
    case sweep_metric::total_return:
      return "total_return";
    case sweep_metric::cagr:
      return "cagr";
    case sweep_metric::max_drawdown:
      return "max_drawdown";
    case sweep_metric::annual_volatility:
      return "annual_volatility";
    case sweep_metric::turnover:
      return "turnover";
  }
  return "?";
}

/// One evaluated variant.
struct sweep_row {
  std::size_t variant = 0;     ///< position in the sweep's variant list
  std::size_t grid_index = 0;  ///< index of the grid point (sweep_grid::make)
  std::vector<std::pair<std::string, std::string>> params;  ///< swept keys and their values
  sweep_metrics metrics;
  bool evaluated = false;  ///< false if the sweep was cancelled before this variant ran
};

/// One of the top-k variants with its per-period net return series.
struct sweep_curve {
  std::size_t variant = 0;
  std::vector<double> returns;   ///< r_t, t = 0..T-1
  std::vector<double> turnover;  ///< sum_j |dw_{t,j}|, t = 0..T-1
};

/// The overfitting statistics reported next to the best variant (docs/sweeps.md).
struct sweep_overfitting {
  std::size_t trials = 0;              ///< N: variants the sweep evaluated (DSR's number of trials)
  double trial_sharpe_variance = nan;  ///< V[SR_n], sample variance of the per-period Sharpes
  double psr = nan;                    ///< PSR(0) of the best variant
  double dsr = nan;                    ///< deflated Sharpe ratio = PSR(SR0)
  double dsr_benchmark = nan;          ///< SR0, per period: expected maximum Sharpe of N trials
  double min_track_record = nan;       ///< MinTRL(0, 95 %) of the best, in periods
  double skewness = nan;               ///< of the best's returns (population)
  double raw_kurtosis = nan;           ///< of the best's returns, RAW (normal = 3)
  double pbo = nan;                    ///< CSCV probability of backtest overfitting
  double pbo_degradation_slope = nan;  ///< OLS slope of OOS on IS Sharpe of the picks
  double pbo_probability_of_loss = nan;
  std::size_t pbo_partitions = 0;   ///< S
  std::size_t pbo_variants = 0;     ///< M used (all, or a deterministic subsample)
  bool pbo_subsampled = false;      ///< true when M x T exceeded the memory budget
  double haircut_sharpe_bhy = nan;  ///< annualised Sharpe after the BHY haircut
  double haircut_sharpe_holm = nan;
  double haircut_sharpe_bonferroni = nan;
  std::string note;  ///< why a statistic is missing, if one is
};

/// What sweep() returns. Rows are in variant order; views sort indices, never the rows.
struct sweep_result {
  std::vector<sweep_row> rows;
  std::vector<sweep_curve> curves;  ///< the top-k (by `ranked_by`), best first, or all if asked
  sweep_metric ranked_by = sweep_metric::sharpe;
  sweep_overfitting overfitting;
  bool cancelled = false;  ///< the stop flag was raised: only `evaluated` rows are valid
  bool fast_path = false;  ///< the fused per-asset kernel was used (else backtest::run)
  std::size_t bars = 0, assets = 0;
  std::size_t feature_lookups = 0;  ///< (variant, feature slot) requests to the feature cache
  std::size_t feature_hits = 0;     ///< of which served by an already computed feature
  std::size_t features_computed =
      0;                        ///< distinct (feature, params) computed, each over every asset
  std::size_t cache_bytes = 0;  ///< memory held by the feature cache
  double seconds = 0.0;         ///< wall time of the evaluation

  /// Number of evaluated variants.
  [[nodiscard]] std::size_t evaluated() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const sweep_row& r) { return r.evaluated; }));
  }

  /// Indices of the evaluated rows sorted by metric `m`, best first (larger is better, except
  /// annual_volatility and turnover: smaller is better); NaN last; ties by variant order
  /// (stable). O(M log M).
  [[nodiscard]] std::vector<std::size_t> sorted_by(sweep_metric m) const {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].evaluated) idx.push_back(i);
    const bool smaller = m == sweep_metric::annual_volatility || m == sweep_metric::turnover;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      const double x = metric_value(rows[a].metrics, m), y = metric_value(rows[b].metrics, m);
      if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
      return smaller ? x < y : x > y;
    });
    return idx;
  }

  /// The first k of sorted_by(m).
  [[nodiscard]] std::vector<std::size_t> top_k(std::size_t k, sweep_metric m) const {
    auto idx = sorted_by(m);
    if (idx.size() > k) idx.resize(k);
    return idx;
  }

  /// The curve of variant `variant` if it was kept, else nullptr.
  [[nodiscard]] const sweep_curve* curve_of(std::size_t variant) const noexcept {
    for (const auto& c : curves)
      if (c.variant == variant) return &c;
    return nullptr;
  }

  /// A text report: the sweep's size and path, the best `show` variants, and the overfitting
  /// statistics of the best (kurtosis stated as RAW).
  [[nodiscard]] std::string summary(std::size_t show = 5) const {
    std::string out = fmt::format(
        "sweep: {} of {} variants evaluated{} on {} assets x {} bars, {} path, {:.2f} s\n",
        evaluated(), rows.size(), cancelled ? " (CANCELLED)" : "", assets, bars,
        fast_path ? "fast (fused per-asset kernel)" : "general (backtest::run per variant)",
        seconds);
    out += fmt::format("features: {} lookups, {} cache hits, {} distinct computed ({:.1f} MB)\n",
                       feature_lookups, feature_hits, features_computed,
                       static_cast<double>(cache_bytes) / 1048576.0);
    out += fmt::format("best by {}:\n", metric_name(ranked_by));
    std::size_t rank = 0;
    for (const std::size_t i : top_k(show, ranked_by)) {
      const auto& r = rows[i];
      std::string ps;
      for (const auto& [k, v] : r.params) ps += fmt::format("{}{}={}", ps.empty() ? "" : " ", k, v);
      out += fmt::format(
          "  #{} [{}] sharpe {:.3f}  sortino {:.3f}  return {:+.2f} %  maxDD {:.2f} %  turnover "
          "{:.4f}\n",
          ++rank, ps, r.metrics.sharpe, r.metrics.sortino, 100.0 * r.metrics.total_return,
          100.0 * r.metrics.max_drawdown, r.metrics.turnover);
    }
    const auto& o = overfitting;
    out += fmt::format(
        "overfitting (best variant, N = {} trials, V[SR] = {:.3g} per period, skew {:.3f}, "
        "kurtosis {:.3f} RAW = {:.3f} excess):\n",
        o.trials, o.trial_sharpe_variance, o.skewness, o.raw_kurtosis, o.raw_kurtosis - 3.0);
    out += fmt::format("  PSR(0) = {:.4f}   MinTRL(95 %) = {:.0f} periods\n", o.psr,
                       o.min_track_record);
    out += fmt::format("  DSR = {:.4f} (SR0 = {:.4f} per period)\n", o.dsr, o.dsr_benchmark);
    out += fmt::format(
        "  PBO = {:.4f} (CSCV, S = {}, M = {}{}; degradation slope {:.3f}, P[OOS "
        "loss] {:.3f})\n",
        o.pbo, o.pbo_partitions, o.pbo_variants,
        o.pbo_subsampled ? ", deterministic subsample" : "", o.pbo_degradation_slope,
        o.pbo_probability_of_loss);
    out += fmt::format("  haircut Sharpe: BHY {:.3f}, Holm {:.3f}, Bonferroni {:.3f}\n",
                       o.haircut_sharpe_bhy, o.haircut_sharpe_holm, o.haircut_sharpe_bonferroni);
    if (!o.note.empty()) out += "  note: " + o.note + "\n";
    return out;
  }
};

}  // namespace backtest
ALPHA_END_NAMESPACE
