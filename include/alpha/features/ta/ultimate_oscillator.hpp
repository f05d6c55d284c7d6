/// @file
/// Ultimate oscillator (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Ultimate oscillator (TA-Lib ULTOSC; defaults 7, 14, 28): buying pressure
/// BP_t = C_t - min(L_t, C_{t-1}), TR_t the true range (t >= 1); A_p = sum BP / sum TR over the
/// last p bars; UO = 100 (4 A_short + 2 A_mid + A_long) / 7, a term whose TR sum is ~0 (|.| <
/// 1e-8) counting 0 (TA-Lib). As in TA-Lib the three periods are sorted first, so the shortest
/// gets weight 4 whatever the order given.
/// Parameters: period1..3 >= 1 (config_error naming the parameter). Warm-up: lookback() =
/// longest period (TA-Lib). NaN rule: a bar with a NaN high, low or close is skipped (state
/// unchanged, value() repeats). Complexity: O(1) amortised per bar (six rolling::sum), O(p).
/// @test tests/features/bar_naive_test.cpp (naive window sums; laws)
class ultimate_oscillator {
 public:
  struct params {
    std::size_t period1 = 7;   ///< >= 1
    std::size_t period2 = 14;  ///< >= 1
    std::size_t period3 = 28;  ///< >= 1
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"ultosc"};

  explicit ultimate_oscillator(const params& p)
      : sorted_(sorted(p)), bp_{sums(sorted_)}, tr_{sums(sorted_)} {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (!is_nan(prev_close_)) {
      const double true_low = b.low < prev_close_ ? b.low : prev_close_;
      const double bp = b.close - true_low;
      const double tr = detail::true_range_of(b.high, b.low, prev_close_);
      for (std::size_t i = 0; i < 3; ++i) {
        bp_[i].update(bp);
        tr_[i].update(tr);
      }
      if (tr_[2].ready()) {
        double out = 0.0;
        constexpr std::array<double, 3> weight{4.0, 2.0, 1.0};
        for (std::size_t i = 0; i < 3; ++i) {
          const double t = tr_[i].value();
          if (!detail::talib_is_zero(t)) out += weight[i] * (bp_[i].value() / t);
        }
        value_ = 100.0 * (out / 7.0);
      }
    }
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return sorted_[2]; }
  void reset() noexcept {
    for (auto& s : bp_) s.reset();
    for (auto& s : tr_) s.reset();
    prev_close_ = value_ = nan;
  }

 private:
  static std::array<std::size_t, 3> sorted(const params& p) {
    std::array<std::size_t, 3> s{detail::checked_period("period1", p.period1),
                                 detail::checked_period("period2", p.period2),
                                 detail::checked_period("period3", p.period3)};
    std::sort(s.begin(), s.end());
    return s;
  }
  static std::array<::alpha::rolling::sum, 3> sums(const std::array<std::size_t, 3>& w) {
    using wp = ::alpha::rolling::window_params;
    return {::alpha::rolling::sum(wp{.window = w[0]}), ::alpha::rolling::sum(wp{.window = w[1]}),
            ::alpha::rolling::sum(wp{.window = w[2]})};
  }
  std::array<std::size_t, 3> sorted_;
  std::array<::alpha::rolling::sum, 3> bp_;
  std::array<::alpha::rolling::sum, 3> tr_;
  double prev_close_ = nan;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
