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

  /// Adds one block: per-period returns `r` and the block's total turnover `turn_sum`.
  void add_block(std::span<const double> r, double turn_sum) noexcept {
    const std::size_t b = r.size();
    if (b == 0) return;
    double s = 0.0, down = 0.0;
    for (std::size_t t = 0; t < b; ++t) {
      s += r[t];
      const double d = r[t] < 0.0 ? r[t] : 0.0;
      down += d * d;
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
    turnover += turn_sum;
    // Wealth and drawdown: a serial chain (the product order is the time order).
    for (std::size_t t = 0; t < b; ++t) {
      wealth *= 1.0 + r[t];
      peak = std::max(peak, wealth);
      max_drawdown = std::min(max_drawdown, wealth / peak - 1.0);
    }
  }
};

/// The fused per-(variant, asset) kernel of the fast path over one time block of `len` bars.
/// With p_k = f(x_0[k], ..., x_{A-1}[k]) the position at bar t0 + k and p_{-1} = `prev` (the
/// position at bar t0 - 1, recomputed by the caller from that bar's inputs: no state crosses
/// blocks), it accumulates for k in [0, len):
///   net[k]  += p_{k-1} r[k] - rate |p_k - p_{k-1}|
///   turn[k] += |p_k - p_{k-1}|
/// `pos` is scratch of len + 1 doubles. Two branch-free loops, both vectorised (checked with
/// -fopt-info-vec): the positions (the composed elementwise policies, inlined: `f` is taken by
/// value, so the stores cannot alias its captures), then the P&L, which reads the previous
/// position back from `pos` (no loop-carried dependency). O(len).
template <std::size_t A, class F, std::size_t... I>
inline void block_kernel(const std::array<const double*, A>& x, const double* __restrict r,
                         std::size_t len, F f, double prev, double rate, double* __restrict pos,
                         double* __restrict net, double* __restrict turn,
                         std::index_sequence<I...>) noexcept {
  pos[0] = prev;
  double* __restrict p = pos + 1;
  for (std::size_t k = 0; k < len; ++k) p[k] = f(x[I][k]...);
  for (std::size_t k = 0; k < len; ++k) {
    const double p0 = pos[k], d = std::fabs(pos[k + 1] - p0);
    net[k] += p0 * r[k] - rate * d;
    turn[k] += d;
  }
}

}  // namespace detail::sweep
ALPHA_END_NAMESPACE
