/// @file
/// Vortex indicator (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Vortex indicator (Botes & Siepman 2010; default period 14): VM+_t = |H_t - L_{t-1}|,
/// VM-_t = |L_t - H_{t-1}|, TR_t the true range (t >= 1); VI+ = sum VM+ / sum TR and
/// VI- = sum VM- / sum TR over the last n bars (NaN while sum TR = 0). Outputs {vi_plus,
/// vi_minus}. Not in TA-Lib or TTR.
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n.
/// NaN rule: a bar with a NaN high, low or close is skipped (state unchanged, value() repeats;
/// the next bar uses the last complete bar). Complexity: O(1) amortised (three rolling::sum).
/// @test tests/features/bar_naive_test.cpp (naive window sums; laws)
class vortex {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 2> output_names{"vi_plus", "vi_minus"};

  explicit vortex(const params& p)
      : plus_({.window = detail::checked_period("period", p.period)}),
        minus_({.window = p.period}),
        tr_({.window = p.period}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (!is_nan(prev_close_)) {
      plus_.update(std::fabs(b.high - prev_low_));
      minus_.update(std::fabs(b.low - prev_high_));
      tr_.update(detail::true_range_of(b.high, b.low, prev_close_));
      if (tr_.ready()) {
        const double t = tr_.value();
        out_ = t != 0.0 ? std::array<double, 2>{plus_.value() / t, minus_.value() / t}
                        : std::array<double, 2>{nan, nan};
      }
    }
    prev_high_ = b.high;
    prev_low_ = b.low;
    prev_close_ = b.close;
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept { return out_; }
  [[nodiscard]] bool ready() const noexcept { return tr_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return tr_.lookback() + 1; }
  void reset() noexcept {
    plus_.reset();
    minus_.reset();
    tr_.reset();
    prev_high_ = prev_low_ = prev_close_ = nan;
    out_ = {nan, nan};
  }

 private:
  ::alpha::rolling::sum plus_;
  ::alpha::rolling::sum minus_;
  ::alpha::rolling::sum tr_;
  double prev_high_ = nan, prev_low_ = nan, prev_close_ = nan;
  std::array<double, 2> out_{nan, nan};
};

}  // namespace features
ALPHA_END_NAMESPACE
