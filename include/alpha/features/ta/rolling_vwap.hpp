/// @file
/// Rolling volume-weighted average price (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Rolling VWAP over the last n bars (default 20): sum(P_t V_t) / sum(V_t), where P_t is the
/// bar's own VWAP when `use_bar_vwap` and `bar::vwap` is not NaN (intrabar VWAP x volume = the
/// bar's traded value, so the result is exact), else the typical price (H + L + C) / 3 (the
/// usual approximation, TTR `VWAP` uses the close instead). NaN when the volume sum is 0.
/// features::run reads series_input, which has no VWAP field, so the batch form always uses the
/// typical price; stream `update(bar)` with bar_series bars to use the data's VWAP.
/// Parameters: period n >= 1 (config_error "period"), use_bar_vwap (default true).
/// Warm-up: lookback() = n - 1. NaN rule: a bar with a NaN high, low, close or volume is skipped
/// (state unchanged, value() repeats). Complexity: O(1) amortised per bar (two rolling::sum).
/// @test tests/features/bar_naive_test.cpp (naive window sums, with and without bar VWAP; laws)
class rolling_vwap {
 public:
  struct params {
    std::size_t period = 20;   ///< n >= 1
    bool use_bar_vwap = true;  ///< use bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"vwap"};

  explicit rolling_vwap(const params& p)
      : pv_({.window = detail::checked_period("period", p.period)}),
        v_({.window = p.period}),
        use_bar_vwap_(p.use_bar_vwap) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double price =
        use_bar_vwap_ && !is_nan(b.vwap) ? b.vwap : (b.high + b.low + b.close) / 3.0;
    pv_.update(price * b.volume);
    v_.update(b.volume);
    if (pv_.ready()) {
      const double v = v_.value();
      value_ = v != 0.0 ? pv_.value() / v : nan;
    }
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return pv_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return pv_.lookback(); }
  void reset() noexcept {
    pv_.reset();
    v_.reset();
    value_ = nan;
  }

 private:
  ::alpha::rolling::sum pv_;
  ::alpha::rolling::sum v_;
  bool use_bar_vwap_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
