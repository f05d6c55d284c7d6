/// @file
/// alpha::features::rsi: relative strength index (Wilder; TA-Lib RSI).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Relative strength index, Wilder, TA-Lib RSI (= TTR RSI): u_t = max(x_t - x_{t-1}, 0),
/// d_t = max(x_{t-1} - x_t, 0); U, D = mean of u, d over bars 1..n at bar n, then
/// U = (U (n-1) + u) / n (TA-Lib's operation order); rsi = 100 U / (U + D), 0 when U + D = 0
/// (TA-Lib). Differs from pandas ewm(alpha=1/n) RSI in the early bars (no n-bar seed there).
///
/// - Params: period n >= 2 (TA-Lib default 14). Lookback: n.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one); the next
///   change is taken against the last valid value.
/// - Complexity: O(1) per update and memory; batch kernel (one loop) bit-equal to streaming.
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
  [[nodiscard]] double value() const noexcept { return g_.ready() ? of(g_.up(), g_.down()) : nan; }
  [[nodiscard]] bool ready() const noexcept { return g_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept { g_.clear(); }

  /// Batch kernel: the streaming operations in one loop with the state in registers.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    const std::size_t n = ::alpha::detail::ta::check_period(p.period, "period", 2);
    ::alpha::detail::ta::skip_nan_batch<1>(in.close, out, [n](auto xs, const auto& o) {
      const std::size_t size = xs.size();
      const double* x = xs.data();
      double* y = o[0].data();
      const double nd = static_cast<double>(n), nm1 = nd - 1.0;
      double up = 0.0, down = 0.0;
      for (std::size_t t = 0; t < size && t <= n; ++t) {
        if (t > 0) {
          const double diff = x[t] - x[t - 1];
          up += diff > 0.0 ? diff : 0.0;
          down += diff < 0.0 ? -diff : 0.0;
        }
        if (t < n) y[t] = nan;
      }
      if (size <= n) return;
      up /= nd;
      down /= nd;
      y[n] = of(up, down);
      for (std::size_t t = n + 1; t < size; ++t) {
        const double diff = x[t] - x[t - 1];
        up = (up * nm1 + (diff > 0.0 ? diff : 0.0)) / nd;
        down = (down * nm1 + (diff < 0.0 ? -diff : 0.0)) / nd;
        y[t] = of(up, down);
      }
    });
  }

 private:
  static double of(double up, double down) noexcept {
    const double s = up + down;
    return s != 0.0 ? 100.0 * (up / s) : 0.0;
  }
  std::size_t n_;
  ::alpha::detail::ta::wilder_gains g_;
};

}  // namespace features
ALPHA_END_NAMESPACE
