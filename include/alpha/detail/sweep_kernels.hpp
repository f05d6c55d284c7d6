/// @file
/// Internals of backtest::sweep: the per-variant streaming reducer (block moments merged with
/// Chan/Pebay's pairwise formulas, wealth, drawdown, turnover) and the fused per-asset kernel
/// of the fast path.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <utility>

ALPHA_BEGIN_NAMESPACE
namespace detail::sweep {

/// Streaming metrics of one variant's per-period portfolio returns, fed in time blocks.
/// Moments: per block a two-pass (mean, then central sums of powers 2..4), merged into the
/// running totals with the pairwise update of Chan, Golub and LeVeque (1979) for M2 and Pebay
/// (2008) for M3 and M4, so the result depends only on the block boundaries (fixed), never on
/// threads. Wealth W_t = prod (1 + r), drawdown W_t / max(1, max_{s<=t} W_s) - 1.
/// O(block) per block, O(1) memory.
struct reducer {
  double n = 0.0, mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0;
  double downside = 0.0;  // sum min(r, 0)^2
  double wealth = 1.0, peak = 1.0, max_drawdown = 0.0;
  double turnover = 0.0;  // sum over bars of sum_j |w_t - w_{t-1}|

  void add_block(std::span<const double> r, std::span<const double> turn) noexcept {
    const std::size_t b = r.size();
    if (b == 0) return;
    double s = 0.0, down = 0.0, ts = 0.0;
    for (std::size_t t = 0; t < b; ++t) {
      s += r[t];
      const double d = r[t] < 0.0 ? r[t] : 0.0;
      down += d * d;
      ts += turn[t];
    }
    const double nb = static_cast<double>(b);
    const double mb = s / nb;
    double c2 = 0.0, c3 = 0.0, c4 = 0.0;
    for (std::size_t t = 0; t < b; ++t) {
      const double d = r[t] - mb, d2 = d * d;
      c2 += d2;
      c3 += d2 * d;
      c4 += d2 * d2;
    }
    const double na = n, nn = na + nb, delta = mb - mean;
    if (na == 0.0) {
      mean = mb;
      m2 = c2;
      m3 = c3;
      m4 = c4;
    } else {
      const double d2 = delta * delta;
      const double m4n = m4 + c4 +
                         d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (nn * nn * nn) +
                         6.0 * d2 * (na * na * c2 + nb * nb * m2) / (nn * nn) +
                         4.0 * delta * (na * c3 - nb * m3) / nn;
      const double m3n = m3 + c3 + d2 * delta * na * nb * (na - nb) / (nn * nn) +
                         3.0 * delta * (na * c2 - nb * m2) / nn;
      m2 = m2 + c2 + d2 * na * nb / nn;
      m3 = m3n;
      m4 = m4n;
      mean = mean + delta * nb / nn;
    }
    n = nn;
    downside += down;
    turnover += ts;
    // Wealth and drawdown: a serial chain (the product order is the time order).
    for (std::size_t t = 0; t < b; ++t) {
      wealth *= 1.0 + r[t];
      peak = std::max(peak, wealth);
      max_drawdown = std::min(max_drawdown, wealth / peak - 1.0);
    }
  }
};

/// Fills `out[t - t0]`, t in [t0, t1), with position(t) of one asset, where position(t) =
/// f(cols[0][t], ..., cols[K-1][t]) and position(-1) = 0, then accumulates (branch-free,
/// vectorisable) gross[t - t0] += position(t-1) r[t] and turn[t - t0] += |position(t) -
/// position(t-1)|. The previous position is recomputed from bar t-1's inputs, so there is no
/// loop-carried dependency. O(t1 - t0).
template <std::size_t K, class F, std::size_t... I>
inline void accumulate_asset(const std::array<const double*, K>& cols, const double* r,
                             std::size_t t0, std::size_t t1, const F& f, double* gross,
                             double* turn, std::index_sequence<I...>) noexcept {
  std::size_t t = t0;
  if (t == 0 && t < t1) {
    const double p1 = f(cols[I][0]...);
    turn[0] += std::fabs(p1);
    ++t;
  }
  double* __restrict g = gross - t0;
  double* __restrict u = turn - t0;
  for (; t < t1; ++t) {
    const double p0 = f(cols[I][t - 1]...);
    const double p1 = f(cols[I][t]...);
    g[t] += p0 * r[t];
    u[t] += std::fabs(p1 - p0);
  }
}

}  // namespace detail::sweep
ALPHA_END_NAMESPACE
