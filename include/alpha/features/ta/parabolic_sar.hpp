/// @file
/// Parabolic stop and reverse (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Parabolic SAR (TA-Lib SAR; defaults acceleration 0.02, maximum 0.2), TA-Lib's algorithm
/// step for step:
///   - First-bar direction rule (bar 1): the trend starts short if -DM of bar 1 is positive
///     (L_0 - L_1 > 0 and > H_1 - H_0), long otherwise (TA-Lib calls MINUS_DM(1)). Long: EP =
///     H_1, SAR = L_0; short: EP = L_1, SAR = H_0.
///   - Each bar t >= 1 (for bar 1 "previous" = bar 1 itself): if the low (long) / high (short)
///     penetrates the SAR, reverse: SAR = EP, clamped beyond the previous and current highs
///     (to short) / lows (to long), output it, reset AF, EP = current low/high, then project.
///     Otherwise output the SAR, raise AF by `acceleration` (capped at `maximum`) on a new EP,
///     project SAR += AF (EP - SAR), clamped inside the previous and current lows (long) /
///     highs (short).
///   - The output at bar t is the SAR in force for bar t (computed from bars up to t).
/// An acceleration above the maximum is capped to it (TA-Lib).
/// Parameters: acceleration > 0, maximum > 0, finite (config_error naming them).
/// Warm-up: lookback() = 1. NaN rule: a bar with a NaN high or low is skipped (state unchanged,
/// value() repeats). O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (a direct transcription of TA-Lib's ta_SAR.c loop
///       over arrays, hand-checked first bars; laws)
class parabolic_sar {
 public:
  struct params {
    double acceleration = 0.02;  ///< AF step and initial AF
    double maximum = 0.2;        ///< AF cap
  };
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::array<std::string_view, 1> output_names{"sar"};

  explicit parabolic_sar(const params& p)
      : step_(detail::checked_positive("acceleration", p.acceleration)),
        max_(detail::checked_positive("maximum", p.maximum)) {
    if (step_ > max_) step_ = max_;
    af_ = step_;
  }

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double new_high = b.high, new_low = b.low;
    if (count_ == 0) {
      prev_high_ = new_high;
      prev_low_ = new_low;
      ++count_;
      return;
    }
    if (count_ == 1) {
      const double diff_m = prev_low_ - new_low;
      const double diff_p = new_high - prev_high_;
      long_ = !(diff_m > 0 && diff_p < diff_m);
      if (long_) {
        ep_ = new_high;
        sar_ = prev_low_;
      } else {
        ep_ = new_low;
        sar_ = prev_high_;
      }
      prev_high_ = new_high;
      prev_low_ = new_low;
    }
    ++count_;
    const double prev_high = prev_high_, prev_low = prev_low_;
    if (long_) {
      if (new_low <= sar_) {
        long_ = false;
        sar_ = ep_;
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high) sar_ = new_high;
        out_ = sar_;
        af_ = step_;
        ep_ = new_low;
        sar_ = sar_ + af_ * (ep_ - sar_);
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high) sar_ = new_high;
      } else {
        out_ = sar_;
        if (new_high > ep_) {
          ep_ = new_high;
          af_ += step_;
          if (af_ > max_) af_ = max_;
        }
        sar_ = sar_ + af_ * (ep_ - sar_);
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low) sar_ = new_low;
      }
    } else {
      if (new_high >= sar_) {
        long_ = true;
        sar_ = ep_;
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low) sar_ = new_low;
        out_ = sar_;
        af_ = step_;
        ep_ = new_high;
        sar_ = sar_ + af_ * (ep_ - sar_);
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low) sar_ = new_low;
      } else {
        out_ = sar_;
        if (new_low < ep_) {
          ep_ = new_low;
          af_ += step_;
          if (af_ > max_) af_ = max_;
        }
        sar_ = sar_ + af_ * (ep_ - sar_);
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high) sar_ = new_high;
      }
    }
    prev_high_ = new_high;
    prev_low_ = new_low;
  }
  [[nodiscard]] double value() const noexcept { return out_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(out_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 1; }
  void reset() noexcept {
    count_ = 0;
    af_ = step_;
    long_ = true;
    sar_ = ep_ = out_ = prev_high_ = prev_low_ = nan;
  }

 private:
  double step_;
  double max_;
  double af_ = 0.0;
  std::size_t count_ = 0;
  bool long_ = true;
  double sar_ = nan, ep_ = nan, out_ = nan;
  double prev_high_ = nan, prev_low_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
