/// @file
/// Money flow index (alpha::features).
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

/// Money flow index (TA-Lib MFI; default period 14): TP_t = (H + L + C) / 3, MF_t = TP_t V_t;
/// positive flow = MF_t if TP_t > TP_{t-1}, negative flow = MF_t if TP_t < TP_{t-1} (neither
/// when equal), summed over the last n bars (bars t-n+1..t, t >= 1);
/// MFI = 100 pos / (pos + neg), and 0 when pos + neg < 1 (TA-Lib's rule; TTR `MFI` returns NaN
/// or 100 there instead).
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n (TA-Lib).
/// NaN rule: a bar with a NaN high, low, close or volume is skipped (state unchanged, value()
/// repeats; the next bar compares with the last complete bar's TP).
/// Complexity: O(1) amortised per bar (two rolling::sum), O(n) memory.
/// @test tests/features/bar_naive_test.cpp (naive loop over the definition; laws)
class mfi {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"mfi"};

  explicit mfi(const params& p)
      : pos_({.window = detail::checked_period("period", p.period)}), neg_({.window = p.period}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double tp = (b.high + b.low + b.close) / 3.0;
    if (!is_nan(prev_tp_)) {
      const double mf = tp * b.volume;
      pos_.update(tp > prev_tp_ ? mf : 0.0);
      neg_.update(tp < prev_tp_ ? mf : 0.0);
      if (pos_.ready()) {
        const double p = pos_.value();
        const double total = p + neg_.value();
        value_ = total < 1.0 ? 0.0 : 100.0 * (p / total);
      }
    }
    prev_tp_ = tp;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return pos_.lookback() + 1; }
  void reset() noexcept {
    pos_.reset();
    neg_.reset();
    prev_tp_ = value_ = nan;
  }

 private:
  ::alpha::rolling::sum pos_;
  ::alpha::rolling::sum neg_;
  double prev_tp_ = nan;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
