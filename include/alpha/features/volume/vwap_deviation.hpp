/// @file
/// alpha::features::vwap_deviation: relative distance of the close from the VWAP.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// VWAP deviation (source design S1): d_t = (C_t - VWAP_t) / VWAP_t, where VWAP_t is the
/// features::rolling_vwap of the last p bars: sum(P V) / sum(V) with P the bar's own VWAP when
/// `use_bar_vwap` and bar::vwap is given, else the typical price (H + L + C) / 3 (the usual
/// proxy for daily bars without VWAP; features::run always uses the proxy because series_input
/// has no VWAP field). Default p = 1: the day's own (proxy) VWAP, S1's daily feature.
///
/// - Params: period p >= 1 (1), use_bar_vwap (true). Lookback: p - 1.
/// - NaN when the volume sum is 0. NaN rule: a bar with a NaN high, low, close or volume is
///   skipped (state unchanged, output repeats).
/// - Complexity: O(1) amortised per bar, O(p) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked bars, laws)
class vwap_deviation {
 public:
  struct params {
    std::size_t period = 1;    ///< p >= 1 bars in the VWAP
    bool use_bar_vwap = true;  ///< use bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"vwap_dev"};

  explicit vwap_deviation(const params& p)
      : vwap_({.period = p.period, .use_bar_vwap = p.use_bar_vwap}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    vwap_.update(b);
    if (vwap_.ready()) {
      const double v = vwap_.value();
      value_ = (b.close - v) / v;
    }
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return vwap_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return vwap_.lookback(); }
  void reset() noexcept {
    vwap_.reset();
    value_ = nan;
  }

 private:
  rolling_vwap vwap_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
