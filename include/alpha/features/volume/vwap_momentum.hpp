/// @file
/// alpha::features::vwap_momentum: change of the VWAP over h bars.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// VWAP momentum (source design S1, "5-day change"): m_t = VWAP_t / VWAP_{t-h} - 1, the simple
/// return of the VWAP series over h bars, VWAP_t as in vwap_deviation (rolling_vwap of the last
/// p bars; bar::vwap when given and use_bar_vwap, else the typical price (H + L + C) / 3).
///
/// - Params: horizon h >= 1 (5), period p >= 1 (1), use_bar_vwap (true). Lookback: p - 1 + h.
/// - NaN rule: a bar with a NaN high, low, close or volume is skipped (h counts valid bars;
///   output repeats). NaN when a VWAP in the ratio is NaN (zero volume).
/// - Complexity: O(1) amortised per bar, O(p + h) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked bars, laws)
class vwap_momentum {
 public:
  struct params {
    std::size_t horizon = 5;   ///< h >= 1 bars
    std::size_t period = 1;    ///< p >= 1 bars in the VWAP
    bool use_bar_vwap = true;  ///< use bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"vwap_mom"};

  explicit vwap_momentum(const params& p)
      : h_(detail::ts::check_window(p.horizon, "horizon")),
        vwap_({.period = p.period, .use_bar_vwap = p.use_bar_vwap}),
        lags_(h_ + 1) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    vwap_.update(b);
    if (vwap_.ready()) lags_.push(vwap_.value());
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? lags_.lag(0) / lags_.lag(h_) - 1.0 : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return lags_.full(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return vwap_.lookback() + h_; }
  void reset() noexcept {
    vwap_.reset();
    lags_.clear();
  }

 private:
  std::size_t h_;
  rolling_vwap vwap_;
  detail::ts::lag_buffer lags_;
};

}  // namespace features
ALPHA_END_NAMESPACE
