/// @file
/// alpha::features::volume_zscore: standard score of the bar's volume within its window.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/zscore.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Volume z-score (source design S1, window 20): z_t = (v_t - mean) / sd over the last w bars,
/// v_t included, sd with divisor w - 1 (pandas `(v - v.rolling(w).mean()) / v.rolling(w).std()`,
/// rolling::zscore). With log_volume, v_t = ln(1 + V_t) (tames the right skew of volume; the
/// 1 + keeps zero-volume bars finite).
///
/// - Params: window w >= 2 (20), log_volume (false). Lookback: w - 1.
/// - NaN when every volume in the window is equal (sd = 0).
/// - Input: the volume series (a SeriesIndicator: `update(volume)`; batch with
///   `run<volume_zscore>(p, series_input::from(volumes))`).
/// - NaN rule: a NaN (or negative) volume is skipped (state unchanged, output repeats).
/// - Complexity: O(1) amortised per bar, O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (two-pass long-double loop, laws)
class volume_zscore {
 public:
  struct params {
    std::size_t window = 20;  ///< w >= 2 bars
    bool log_volume = false;  ///< z-score of ln(1 + volume)
  };
  static constexpr std::array<std::string_view, 1> output_names{"volume_z"};

  explicit volume_zscore(const params& p)
      : z_({.window = detail::ts::check_window(p.window, "window", 2), .ddof = 1}),
        log_(p.log_volume) {}

  /// Pushes the next volume. O(1) amortised.
  void update(double volume) noexcept {
    if (!(volume >= 0.0)) return;
    z_.update(log_ ? std::log1p(volume) : volume);
    value_ = z_.value();
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return z_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return z_.lookback(); }
  void reset() noexcept {
    z_.reset();
    value_ = nan;
  }

 private:
  rolling::zscore z_;
  bool log_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
