/// @file
/// alpha::metrics::probability_of_backtest_overfitting: combinatorially symmetric
/// cross-validation (CSCV) of Bailey, Borwein, Lopez de Prado and Zhu (2015/2017), "The
/// Probability of Backtest Overfitting", Journal of Computational Finance 20(4).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/parallel.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// A performance metric for CSCV: maps one trial's per-period values over a set of rows (the
/// rows of the chosen blocks, concatenated in time order) to a number, higher = better. Called
/// concurrently from several threads: it must not mutate shared state.
template <class F>
concept pbo_metric = std::regular_invocable<const F&, std::span<const double>> &&
                     std::convertible_to < std::invoke_result_t<const F&, std::span<const double>>,
double > ;

/// The default CSCV metric: the per-period Sharpe ratio mean / stdev (sample stdev, ddof 1) of
/// the rows, not annualised. With zero dispersion it is +inf, -inf or 0 by the sign of the
/// mean (ranks stay defined); with fewer than 2 rows, the mean's sign likewise. O(rows).
struct sharpe_metric {
  /// The metric from pooled moments: n values with mean `mean` and sum of squared deviations m2.
  [[nodiscard]] static double of_moments(double n, double mean, double m2) noexcept {
    const double sd = n > 1.0 ? std::sqrt(m2 / (n - 1.0)) : 0.0;
    if (sd > 0.0) return mean / sd;
    constexpr double inf = std::numeric_limits<double>::infinity();
    return mean > 0.0 ? inf : (mean < 0.0 ? -inf : 0.0);
  }

  [[nodiscard]] double operator()(std::span<const double> x) const noexcept {
    const double n = static_cast<double>(x.size());
    double sum = 0.0;
    for (const double v : x) sum += v;
    const double mean = x.empty() ? 0.0 : sum / n;
    double ss = 0.0;
    for (const double v : x) ss += (v - mean) * (v - mean);
    return of_moments(n, mean, ss);
  }
};

/// CSCV output. Vectors hold one entry per combination c, in the enumeration order of
/// probability_of_backtest_overfitting (ascending in-sample block bit mask).
struct pbo_result {
  double pbo = nan;                    ///< fraction of combinations with logit <= 0
  double probability_of_loss = nan;    ///< fraction with out-of-sample metric of the pick < 0
  double degradation_slope = nan;      ///< OLS slope of OOS on IS metric of the picks
  double degradation_intercept = nan;  ///< OLS intercept of the same regression
  double degradation_r2 = nan;         ///< R^2 of that regression
  std::size_t partitions = 0;          ///< S
  std::vector<double> logits;          ///< lambda_c = ln(w_c / (1 - w_c))
  std::vector<double> relative_ranks;  ///< w_c = OOS rank of the pick / (M + 1), in (0, 1)
  std::vector<std::size_t> selected;   ///< n*_c, the trial (column) best in sample
  std::vector<double> in_sample;       ///< IS metric of n*_c
  std::vector<double> out_of_sample;   ///< OOS metric of n*_c
  std::vector<std::uint32_t> in_sample_blocks;  ///< bit b set = block b in sample

  [[nodiscard]] std::size_t combinations() const noexcept { return logits.size(); }
};

/// Largest S accepted (C(24, 12) = 2,704,156 combinations).
inline constexpr std::size_t pbo_max_partitions = 24;

/// Probability of backtest overfitting by CSCV.
///
/// `performance` is T x M: column m is trial m's per-period returns (or any per-period
/// performance the metric reads), row t is period t. The rows are cut into S contiguous
/// blocks, block b = rows [floor(b T / S), floor((b + 1) T / S)) (sizes differ by at most one;
/// the paper drops the remainder to make them equal). For each of the C(S, S/2) ways to choose
/// S/2 blocks as the in-sample set J (the rest, J', out of sample), enumerated by ascending bit
/// mask (bit b = block b in J):
///   - R_m = metric(rows of J, column m), Rbar_m = metric(rows of J', column m);
///   - n* = argmax_m R_m (ties: the lowest column);
///   - w = rank of Rbar_{n*} among Rbar_1..Rbar_M / (M + 1), rank 1 = worst, M = best, ties
///     take the mid-rank (average rank);
///   - lambda = ln(w / (1 - w)).
/// PBO = #{c : lambda_c <= 0} / C(S, S/2): a lambda of exactly 0 (the pick lands on the OOS
/// median, possible when M is odd) counts as overfit. Performance degradation: the OLS fit
/// Rbar_{n*} = intercept + slope R_{n*} + e over the combinations (NaN if all R_{n*} are equal
/// or one is infinite, as a zero-dispersion Sharpe ratio can be);
/// probability of loss = #{c : Rbar_{n*} < 0} / C(S, S/2).
///
/// Parallel over combinations (alpha::parallel_for_each_index); each writes its own slots, so
/// the result is identical at any thread count.
///
/// Errors: config_error if S is odd, S < 2, S > pbo_max_partitions, T < S or M < 2; data_error
/// naming row and column for a non-finite value, or naming the trial and combination when the
/// metric returns NaN.
/// Complexity: O(C(S, S/2) M T) metric work for a custom metric; for the default sharpe_metric,
/// O(M T) once for per-block moments, then O(C(S, S/2) M S) (the blocks' means and squared
/// deviations pooled exactly, Chan, Golub and LeVeque 1979: equal to the direct two-pass
/// computation up to rounding). O(C(S, S/2)) memory for the result.
template <class Metric = sharpe_metric>
requires pbo_metric<Metric>
[[nodiscard]] pbo_result probability_of_backtest_overfitting(
    const Eigen::Ref<const Eigen::ArrayXXd>& performance, std::size_t partitions,
    const Metric& metric = Metric{}) {
  const auto rows = static_cast<std::size_t>(performance.rows());
  const auto cols = static_cast<std::size_t>(performance.cols());
  const std::size_t s = partitions;
  if (s < 2 || s % 2 != 0)
    throw config_error("partitions", "must be even and >= 2, got " + std::to_string(s));
  if (s > pbo_max_partitions)
    throw config_error("partitions", "must be <= " + std::to_string(pbo_max_partitions) +
                                         " (C(S, S/2) combinations), got " + std::to_string(s));
  if (rows < s)
    throw config_error("partitions", "S = " + std::to_string(s) +
                                         " exceeds the number of rows T = " + std::to_string(rows) +
                                         " (each block needs a row)");
  if (cols < 2)
    throw config_error("performance",
                       "needs at least 2 trials (columns), got " + std::to_string(cols));
  for (std::size_t j = 0; j < cols; ++j)
    for (std::size_t t = 0; t < rows; ++t) {
      const double v = performance(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j));
      if (!std::isfinite(v))
        throw data_error({}, "performance: value at row " + std::to_string(t) + ", column " +
                                 std::to_string(j) + " is not finite (" + std::to_string(v) +
                                 "); fill missing periods (e.g. 0 when flat) before CSCV");
    }

  // Block boundaries and the in-sample masks (all S-bit masks with S/2 bits set, ascending,
  // by Gosper's hack).
  std::vector<std::size_t> bound(s + 1);
  for (std::size_t b = 0; b <= s; ++b) bound[b] = b * rows / s;
  std::vector<std::uint32_t> masks;
  {
    const std::uint32_t last = ((std::uint32_t{1} << (s / 2)) - 1u) << (s / 2);
    std::uint32_t m = (std::uint32_t{1} << (s / 2)) - 1u;
    for (;;) {
      masks.push_back(m);
      if (m == last) break;
      const std::uint32_t c = m & (~m + 1u);
      const std::uint32_t r = m + c;
      m = (((r ^ m) >> 2u) / c) | r;
    }
  }
  const std::size_t n_comb = masks.size();

  // Default metric: per (trial, block) count, mean and sum of squared deviations, pooled per
  // combination by Chan et al.'s update (stable; O(S) per trial instead of O(T)).
  constexpr bool pooled_sharpe = std::is_same_v<Metric, sharpe_metric>;
  struct block_moments {
    double n = 0.0, mean = 0.0, m2 = 0.0;
  };
  std::vector<block_moments> blocks;
  if constexpr (pooled_sharpe) {
    blocks.resize(cols * s);
    for (std::size_t j = 0; j < cols; ++j) {
      const double* col = performance.col(static_cast<Eigen::Index>(j)).data();
      for (std::size_t b = 0; b < s; ++b) {
        block_moments& bm = blocks[j * s + b];
        bm.n = static_cast<double>(bound[b + 1] - bound[b]);
        double sum = 0.0;
        for (std::size_t t = bound[b]; t < bound[b + 1]; ++t) sum += col[t];
        bm.mean = sum / bm.n;
        for (std::size_t t = bound[b]; t < bound[b + 1]; ++t)
          bm.m2 += (col[t] - bm.mean) * (col[t] - bm.mean);
      }
    }
  }
  const auto pool = [](block_moments& acc, const block_moments& x) noexcept {
    if (acc.n == 0.0) {
      acc = x;
      return;
    }
    const double n = acc.n + x.n, delta = x.mean - acc.mean;
    acc.mean += delta * (x.n / n);
    acc.m2 += x.m2 + delta * delta * (acc.n * x.n / n);
    acc.n = n;
  };

  pbo_result out;
  out.partitions = s;
  out.logits.resize(n_comb);
  out.relative_ranks.resize(n_comb);
  out.selected.resize(n_comb);
  out.in_sample.resize(n_comb);
  out.out_of_sample.resize(n_comb);
  out.in_sample_blocks = masks;

  constexpr std::size_t chunk = 16;
  const std::size_t n_tasks = (n_comb + chunk - 1) / chunk;
  const double m_plus_1 = static_cast<double>(cols) + 1.0;
  parallel_for_each_index(n_tasks, [&](std::size_t task) {
    std::vector<double> is_buf, oos_buf, is_perf(cols), oos_perf(cols);
    if constexpr (!pooled_sharpe) {
      is_buf.reserve(rows);
      oos_buf.reserve(rows);
    }
    const std::size_t c_end = std::min(n_comb, (task + 1) * chunk);
    for (std::size_t c = task * chunk; c < c_end; ++c) {
      const std::uint32_t mask = masks[c];
      for (std::size_t j = 0; j < cols; ++j) {
        if constexpr (pooled_sharpe) {
          block_moments in, oos;
          for (std::size_t b = 0; b < s; ++b)
            pool(((mask >> b) & 1u) != 0u ? in : oos, blocks[j * s + b]);
          is_perf[j] = sharpe_metric::of_moments(in.n, in.mean, in.m2);
          oos_perf[j] = sharpe_metric::of_moments(oos.n, oos.mean, oos.m2);
        } else {
          is_buf.clear();
          oos_buf.clear();
          const double* col = performance.col(static_cast<Eigen::Index>(j)).data();
          for (std::size_t b = 0; b < s; ++b) {
            auto& dst = ((mask >> b) & 1u) != 0u ? is_buf : oos_buf;
            dst.insert(dst.end(), col + bound[b], col + bound[b + 1]);
          }
          is_perf[j] = static_cast<double>(metric(std::span<const double>(is_buf)));
          oos_perf[j] = static_cast<double>(metric(std::span<const double>(oos_buf)));
          if (is_nan(is_perf[j]) || is_nan(oos_perf[j]))
            throw data_error({}, "pbo metric returned NaN for trial " + std::to_string(j) +
                                     " in combination " + std::to_string(c));
        }
      }
      std::size_t best = 0;
      for (std::size_t j = 1; j < cols; ++j)
        if (is_perf[j] > is_perf[best]) best = j;
      const double pick = oos_perf[best];
      double below = 0.0, ties = 0.0;
      for (std::size_t j = 0; j < cols; ++j) {
        if (j == best) continue;
        if (oos_perf[j] < pick)
          below += 1.0;
        else if (oos_perf[j] == pick)
          ties += 1.0;
      }
      const double w = (1.0 + below + 0.5 * ties) / m_plus_1;
      out.relative_ranks[c] = w;
      out.logits[c] = std::log(w / (1.0 - w));
      out.selected[c] = best;
      out.in_sample[c] = is_perf[best];
      out.out_of_sample[c] = pick;
    }
  });

  // Summary statistics, serially in combination order (deterministic).
  const double nc = static_cast<double>(n_comb);
  double overfit = 0.0, loss = 0.0, mx = 0.0, my = 0.0;
  bool finite_pairs = true;
  for (std::size_t c = 0; c < n_comb; ++c) {
    if (out.logits[c] <= 0.0) overfit += 1.0;
    if (out.out_of_sample[c] < 0.0) loss += 1.0;
    finite_pairs =
        finite_pairs && std::isfinite(out.in_sample[c]) && std::isfinite(out.out_of_sample[c]);
    mx += out.in_sample[c];
    my += out.out_of_sample[c];
  }
  out.pbo = overfit / nc;
  out.probability_of_loss = loss / nc;
  if (finite_pairs) {
    mx /= nc;
    my /= nc;
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t c = 0; c < n_comb; ++c) {
      const double dx = out.in_sample[c] - mx, dy = out.out_of_sample[c] - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (sxx > 0.0) {
      out.degradation_slope = sxy / sxx;
      out.degradation_intercept = my - out.degradation_slope * mx;
      out.degradation_r2 = syy > 0.0 ? sxy * sxy / (sxx * syy) : 1.0;
    }
  }
  return out;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
