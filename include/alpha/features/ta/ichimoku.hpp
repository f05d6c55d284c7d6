/// @file
/// Ichimoku kinko hyo without look-ahead (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/minmax.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Ichimoku (Hosoda; defaults 9, 26, 52, displacement 26), every output computed from bars up to
/// t and stored at t: nothing is shifted into the past, so a backtest that reads row t never
/// sees later prices. With mid_p = (highest high + lowest low) / 2 over the last p bars:
///   - tenkan (conversion line) = mid_9, kijun (base line) = mid_26;
///   - senkou_a_ahead = (tenkan + kijun) / 2 and senkou_b_ahead = mid_52: the leading spans as
///     computed at t, which a chart plots at t + displacement (the cloud of the future);
///   - senkou_a / senkou_b: the cloud that applies at t, i.e. senkou_*_ahead computed at
///     t - displacement (what the chart draws above bar t);
///   - chikou_diff = C_t - C_{t-displacement}: the lagging span is C_t plotted displacement bars
///     back; at t we can only compare it with the past, so we expose the comparison the chart
///     shows (chikou above/below the price of that bar) as a difference, known at t.
/// Charting packages differ on the shift (TradingView plots at t + displacement - 1): set
/// `displacement` accordingly. The ichimoku has no TA-Lib or TTR function.
/// Warm-up per output (NaN-free input): tenkan p1 - 1, kijun p2 - 1, senkou_a_ahead
/// max(p1, p2) - 1, senkou_b_ahead p3 - 1, senkou_a max(p1, p2) - 1 + d, senkou_b p3 - 1 + d,
/// chikou_diff d; lookback() = the largest (77 by default).
/// Parameters: tenkan_period, kijun_period, senkou_b_period, displacement >= 1 (config_error
/// naming them). NaN rule: a bar with a NaN high, low or close is a missing bar: skipped (state
/// unchanged, value() repeats); periods and the displacement count complete bars.
/// Complexity: O(1) amortised per bar (six monotonic deques, three rings of d values).
/// @test tests/features/bar_naive_test.cpp (naive window scans with explicit lags; laws with
///       per-output warm-ups)
class ichimoku {
 public:
  struct params {
    std::size_t tenkan_period = 9;     ///< >= 1
    std::size_t kijun_period = 26;     ///< >= 1
    std::size_t senkou_b_period = 52;  ///< >= 1
    std::size_t displacement = 26;     ///< >= 1: bars between computing and applying the cloud
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 7> output_names{
      "tenkan", "kijun", "senkou_a_ahead", "senkou_b_ahead", "senkou_a", "senkou_b", "chikou_diff"};

  explicit ichimoku(const params& p)
      : p_(checked(p)),
        h1_({.window = p.tenkan_period}),
        l1_({.window = p.tenkan_period}),
        h2_({.window = p.kijun_period}),
        l2_({.window = p.kijun_period}),
        h3_({.window = p.senkou_b_period}),
        l3_({.window = p.senkou_b_period}),
        lag_a_(p.displacement, nan),
        lag_b_(p.displacement, nan),
        lag_c_(p.displacement, nan) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    h1_.update(b.high);
    l1_.update(b.low);
    h2_.update(b.high);
    l2_.update(b.low);
    h3_.update(b.high);
    l3_.update(b.low);
    const double tenkan = (h1_.value() + l1_.value()) / 2.0;  // NaN until ready
    const double kijun = (h2_.value() + l2_.value()) / 2.0;
    const double a = (tenkan + kijun) / 2.0;
    const double bb = (h3_.value() + l3_.value()) / 2.0;
    const std::size_t slot = count_ % p_.displacement;
    // the ring slot holds the values of d bars ago (NaN before)
    out_ = {tenkan, kijun, a, bb, lag_a_[slot], lag_b_[slot], b.close - lag_c_[slot]};
    lag_a_[slot] = a;
    lag_b_[slot] = bb;
    lag_c_[slot] = b.close;
    ++count_;
  }
  [[nodiscard]] std::array<double, 7> value() const noexcept { return out_; }
  [[nodiscard]] bool ready() const noexcept { return count_ > lookback(); }
  /// Leading NaNs of output k (see the class comment).
  [[nodiscard]] std::size_t output_lookback(std::size_t k) const noexcept {
    const std::size_t d = p_.displacement;
    const std::size_t a = std::max(p_.tenkan_period, p_.kijun_period) - 1;
    const std::array<std::size_t, 7> lb{p_.tenkan_period - 1,
                                        p_.kijun_period - 1,
                                        a,
                                        p_.senkou_b_period - 1,
                                        a + d,
                                        p_.senkou_b_period - 1 + d,
                                        d};
    return lb[k];
  }
  [[nodiscard]] std::size_t lookback() const noexcept {
    std::size_t m = 0;
    for (std::size_t k = 0; k < output_names.size(); ++k) m = std::max(m, output_lookback(k));
    return m;
  }
  void reset() noexcept {
    h1_.reset();
    l1_.reset();
    h2_.reset();
    l2_.reset();
    h3_.reset();
    l3_.reset();
    std::fill(lag_a_.begin(), lag_a_.end(), nan);
    std::fill(lag_b_.begin(), lag_b_.end(), nan);
    std::fill(lag_c_.begin(), lag_c_.end(), nan);
    out_.fill(nan);
    count_ = 0;
  }

 private:
  static params checked(const params& p) {
    detail::checked_period("tenkan_period", p.tenkan_period);
    detail::checked_period("kijun_period", p.kijun_period);
    detail::checked_period("senkou_b_period", p.senkou_b_period);
    detail::checked_period("displacement", p.displacement);
    return p;
  }
  params p_;
  ::alpha::rolling::max h1_;
  ::alpha::rolling::min l1_;
  ::alpha::rolling::max h2_;
  ::alpha::rolling::min l2_;
  ::alpha::rolling::max h3_;
  ::alpha::rolling::min l3_;
  std::vector<double> lag_a_, lag_b_, lag_c_;
  std::array<double, 7> out_{nan, nan, nan, nan, nan, nan, nan};
  std::size_t count_ = 0;
};

}  // namespace features
ALPHA_END_NAMESPACE
