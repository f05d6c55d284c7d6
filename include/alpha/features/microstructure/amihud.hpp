/// @file
/// alpha::features::amihud_illiquidity: Amihud (2002) price impact per unit of traded value.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Amihud (2002, J. Financial Markets 5) illiquidity: ILLIQ_t = scale x (1/w) sum over the last
/// w bars of |r_u| / (C_u V_u), with r_u = C_u / C_{u-1} - 1 and C_u V_u the bar's dollar
/// volume. scale = 1e6 by default (the paper's "per million dollars" units: the absolute return
/// per $1M traded).
///
/// - Params: window w >= 1 (20), scale > 0 (1e6). Lookback: w (the first return is at bar 1).
/// - A bar without trading (volume <= 0) carries no price-impact information: it is skipped
///   like a missing bar, and the next return spans it (from the last traded close).
/// - NaN rule: a bar with a NaN close or volume is skipped (state unchanged, output repeats).
/// - Complexity: O(1) amortised per bar (rolling::mean), O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (naive loop, hand-worked bars, laws)
class amihud_illiquidity {
 public:
  struct params {
    std::size_t window = 20;  ///< w >= 1 bars
    double scale = 1e6;       ///< multiplier of |r| / dollar volume
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"amihud"};

  explicit amihud_illiquidity(const params& p)
      : w_(detail::ts::check_window(p.window, "window")),
        scale_(detail::ts::check_positive(p.scale, "scale")),
        mean_({.window = w_}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || !(b.volume > 0.0)) return;
    if (!is_nan(prev_)) mean_.update(std::abs(b.close / prev_ - 1.0) / (b.close * b.volume));
    prev_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return ready() ? scale_ * mean_.value() : nan; }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    mean_.reset();
    prev_ = nan;
  }

 private:
  std::size_t w_;
  double scale_;
  rolling::mean mean_;
  double prev_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
