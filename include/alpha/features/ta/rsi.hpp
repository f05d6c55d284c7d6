/// @file
/// alpha::features::rsi: relative strength index (Wilder; TA-Lib RSI).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Relative strength index, Wilder, TA-Lib RSI (= TTR RSI): u_t = max(x_t - x_{t-1}, 0),
/// d_t = max(x_{t-1} - x_t, 0); U, D = mean of u, d over bars 1..n at bar n, then Wilder
/// smoothing in rolling::wilder's form U = (u - U) k + U, k = 1/n (TA-Lib writes
/// (U (n-1) + u) / n: the same number up to the last bits, as for ATR; this form has no division
/// on the recurrence); rsi = 100 U / (U + D), 0 when U + D = 0 (TA-Lib). Differs from pandas
/// ewm(alpha=1/n) RSI in the early bars (no n-bar seed there).
///
/// - Params: period n >= 2 (TA-Lib default 14). Lookback: n.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one); the next
///   change is taken against the last valid value.
/// - Complexity: O(1) per update and memory; batch kernel (the recurrence in registers, the
///   ratio in vectorised blocks) bit-equal to streaming.
/// @test tests/features/series_osc_test.cpp (TA-Lib and TTR rsi14 on ttrc/sp500/msft; laws)
class rsi {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 2
  };
  static constexpr std::array<std::string_view, 1> output_names{"rsi"};

  explicit rsi(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)), g_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) g_.push(x);
  }
  [[nodiscard]] double value() const noexcept { return ready() ? of(g_.up(), g_.down()) : nan; }
  [[nodiscard]] bool ready() const noexcept { return g_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept { g_.clear(); }

  /// Batch kernel: the streaming operations in one loop with the state in registers, U and D of
  /// a block of bars first, then the block's ratios in one vectorisable loop.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    const std::size_t n = ::alpha::detail::ta::check_period(p.period, "period", 2);
    // The kernel on the series as given, checking each block for NaN while it is in cache; a
    // NaN (or a series no longer than the seed) sends the whole run through the NaN-skipping path
    // (no separate scan of the series on the common path).
    const auto kernel = [n](auto xs, const auto& o) -> bool {
      const std::size_t size = xs.size();
      const double* x = xs.data();
      double* y = o[0].data();
      const double nd = static_cast<double>(n), k = 1.0 / nd;
      double up = 0.0, down = 0.0;
      for (std::size_t t = 0; t < size && t <= n; ++t) {
        if (t > 0) {
          const double diff = x[t] - x[t - 1];
          up += diff > 0.0 ? diff : 0.0;
          down += diff < 0.0 ? -diff : 0.0;
        }
        if (t < n) y[t] = nan;
      }
      if (size <= n) return true;
      bool bad = false;
      for (std::size_t t = 0; t <= n; ++t) bad |= is_nan(x[t]);
      up /= nd;
      down /= nd;
      y[n] = of(up, down);
      constexpr std::size_t block = 512;
      double ub[block], db[block];
      for (std::size_t b0 = n + 1; b0 < size; b0 += block) {
        const std::size_t len = b0 + block < size ? block : size - b0;
        bad |= any_nan(len, x + b0);
        for (std::size_t i = 0; i < len; ++i) {
          const double diff = x[b0 + i] - x[b0 + i - 1];
          up = ::alpha::detail::ta::madd((diff > 0.0 ? diff : 0.0) - up, k, up);
          down = ::alpha::detail::ta::madd((diff < 0.0 ? -diff : 0.0) - down, k, down);
          ub[i] = up;
          db[i] = down;
        }
        ratio_block(len, ub, db, y + b0);
      }
      return bad;
    };
    if (kernel(in.close, out))
      ::alpha::detail::ta::skip_nan_batch<1>(in.close, out,
                                             [&kernel](auto xs, const auto& o) { kernel(xs, o); });
  }

 private:
  static double of(double up, double down) noexcept {
    const double s = up + down;
    return s != 0.0 ? 100.0 * (up / s) : 0.0;
  }
  static bool any_nan(std::size_t len, const double* x) noexcept {
    bool bad = false;
    for (std::size_t i = 0; i < len; ++i) bad |= x[i] != x[i];
    return bad;
  }
  /// of() over a block, vectorisable (both alternatives computed).
  static void ratio_block(std::size_t len, const double* __restrict up,
                          const double* __restrict down, double* __restrict y) noexcept {
    for (std::size_t i = 0; i < len; ++i) {
      const double s = up[i] + down[i];
      const double r = 100.0 * (up[i] / s);
      y[i] = s != 0.0 ? r : 0.0;
    }
  }
  std::size_t n_;
  ::alpha::detail::ta::wilder_gains g_;  // the streaming state (the batch kernel inlines it)
};

}  // namespace features
ALPHA_END_NAMESPACE
