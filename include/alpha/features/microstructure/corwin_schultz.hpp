/// @file
/// alpha::features::corwin_schultz_spread: the Corwin-Schultz (2012) high-low spread estimator.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Corwin & Schultz (2012, J. Finance 67) spread from daily highs and lows. For the two-day
/// period (t-1, t):
///   beta  = ln(H_{t-1} / L_{t-1})^2 + ln(H_t / L_t)^2,
///   gamma = ln(max(H_{t-1}, H_t) / min(L_{t-1}, L_t))^2,
///   alpha = (sqrt(2 beta) - sqrt(beta)) / (3 - 2 sqrt 2) - sqrt(gamma / (3 - 2 sqrt 2)),
///   S     = 2 (e^alpha - 1) / (1 + e^alpha)   (a fraction of the price),
/// negative two-day estimates are set to 0 (the paper's main convention), and the output is the
/// mean of the last w two-day estimates (the paper averages within a month, w ~ 21).
/// With `adjust_overnight` (the paper's section II.B correction), day t's high and low are first
/// shifted by the overnight gap: by -(L_t - C_{t-1}) when L_t > C_{t-1}, by +(C_{t-1} - H_t)
/// when H_t < C_{t-1}; day t-1's range is used as traded.
///
/// - Params: window w >= 1 (20), adjust_overnight (true). Lookback: w (the first two-day
///   estimate is at bar 1).
/// - NaN rule: a bar with a NaN or non-positive high, low or close is skipped (state unchanged,
///   output repeats); the next two-day period pairs it with the last valid bar.
/// - Complexity: O(1) amortised per bar (rolling::mean), O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked two-day example, naive loop, laws)
class corwin_schultz_spread {
 public:
  struct params {
    std::size_t window = 20;       ///< w >= 1 two-day estimates averaged
    bool adjust_overnight = true;  ///< shift day t's range by the overnight gap
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"cs_spread"};

  explicit corwin_schultz_spread(const params& p)
      : w_(detail::ts::check_window(p.window, "window")),
        adjust_(p.adjust_overnight),
        mean_({.window = w_}) {}

  /// The two-day estimate (before flooring at 0) from the highs and lows of days t-1 and t
  /// (already adjusted). O(1).
  [[nodiscard]] static double two_day(double h0, double l0, double h1, double l1) noexcept {
    const double a = std::log(h0 / l0), b = std::log(h1 / l1);
    const double beta = a * a + b * b;
    const double g = std::log(std::max(h0, h1) / std::min(l0, l1));
    const double gamma = g * g;
    constexpr double den = 3.0 - 2.0 * 1.41421356237309504880;
    const double alpha = (std::sqrt(2.0 * beta) - std::sqrt(beta)) / den - std::sqrt(gamma / den);
    const double e = std::exp(alpha);
    return 2.0 * (e - 1.0) / (1.0 + e);
  }

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!(b.high > 0.0 && b.low > 0.0 && b.close > 0.0)) return;
    if (!is_nan(prev_close_)) {
      double h = b.high, l = b.low;
      if (adjust_) {
        if (l > prev_close_) {
          const double gap = l - prev_close_;
          h -= gap;
          l -= gap;
        } else if (h < prev_close_) {
          const double gap = prev_close_ - h;
          h += gap;
          l += gap;
        }
      }
      const double s = two_day(prev_high_, prev_low_, h, l);
      mean_.update(s > 0.0 ? s : 0.0);
    }
    prev_high_ = b.high;
    prev_low_ = b.low;
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return mean_.value(); }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    mean_.reset();
    prev_high_ = prev_low_ = prev_close_ = nan;
  }

 private:
  std::size_t w_;
  bool adjust_;
  rolling::mean mean_;
  double prev_high_ = nan, prev_low_ = nan, prev_close_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
