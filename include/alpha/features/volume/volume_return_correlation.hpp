/// @file
/// alpha::features::volume_return_correlation: rolling correlation of returns with volume.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/covariance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Volume-return correlation (source design S1, window 20): the Pearson correlation over the
/// last w bars of the one-bar return r_t = C_t / C_{t-1} - 1 and the volume v_t = V_t (or
/// ln(1 + V_t) with log_volume): pandas `close.pct_change().rolling(w).corr(volume)`
/// (rolling::correlation). Positive: volume comes with up moves.
///
/// - Params: window w >= 2 (20), log_volume (false). Lookback: w (the first return is at bar 1).
/// - NaN when returns or volumes are constant over the window.
/// - NaN rule: a bar with a NaN close or a NaN (or negative) volume is skipped (state unchanged,
///   output repeats); the next return uses the last valid close.
/// - Complexity: O(1) amortised per bar, O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (two-pass long-double loop, laws)
class volume_return_correlation {
 public:
  struct params {
    std::size_t window = 20;  ///< w >= 2 bars
    bool log_volume = false;  ///< correlate with ln(1 + volume)
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"volume_return_corr"};

  explicit volume_return_correlation(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        corr_({.window = w_}),
        log_(p.log_volume) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || !(b.volume >= 0.0)) return;
    if (!is_nan(prev_)) corr_.update(b.close / prev_ - 1.0, log_ ? std::log1p(b.volume) : b.volume);
    prev_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return corr_.value(); }
  [[nodiscard]] bool ready() const noexcept { return corr_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    corr_.reset();
    prev_ = nan;
  }

 private:
  std::size_t w_;
  rolling::correlation corr_;
  bool log_;
  double prev_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
