// The indicator laws (tests/features/laws.hpp) for every OHLCV-bar indicator, plus the bad-input
// cases of the bar indicators: period 0 -> config_error naming the parameter, a missing or short
// OHLC field -> shape_error through features::run.
#include "alpha/features/ta/aroon.hpp"
#include "alpha/features/ta/balance_of_power.hpp"
#include "alpha/features/ta/cci.hpp"
#include "alpha/features/ta/chaikin.hpp"
#include "alpha/features/ta/directional_movement.hpp"
#include "alpha/features/ta/donchian.hpp"
#include "alpha/features/ta/ease_of_movement.hpp"
#include "alpha/features/ta/force_index.hpp"
#include "alpha/features/ta/ichimoku.hpp"
#include "alpha/features/ta/keltner.hpp"
#include "alpha/features/ta/mass_index.hpp"
#include "alpha/features/ta/mfi.hpp"
#include "alpha/features/ta/obv.hpp"
#include "alpha/features/ta/parabolic_sar.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"
#include "alpha/features/ta/stochastic.hpp"
#include "alpha/features/ta/true_range.hpp"
#include "alpha/features/ta/ultimate_oscillator.hpp"
#include "alpha/features/ta/vortex.hpp"
#include "alpha/features/ta/williams_r.hpp"

#include "features/laws.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace af = alpha::features;

#define ALPHA_BAR_TRAITS(type, ...)                      \
  template <>                                            \
  struct alpha_test::indicator_traits<type> {            \
    static type::params params() { return __VA_ARGS__; } \
  }

ALPHA_BAR_TRAITS(af::true_range, {});
ALPHA_BAR_TRAITS(af::atr, {.period = 14});
ALPHA_BAR_TRAITS(af::natr, {.period = 5});
ALPHA_BAR_TRAITS(af::plus_di, {.period = 14});
ALPHA_BAR_TRAITS(af::minus_di, {.period = 7});
ALPHA_BAR_TRAITS(af::dx, {.period = 14});
ALPHA_BAR_TRAITS(af::adx, {.period = 14});
ALPHA_BAR_TRAITS(af::adxr, {.period = 5});
ALPHA_BAR_TRAITS(af::stochastic_fast, {.fastk_period = 14, .fastd_period = 3});
ALPHA_BAR_TRAITS(af::stochastic_slow, {.fastk_period = 9, .slowk_period = 3, .slowd_period = 4});
ALPHA_BAR_TRAITS(af::williams_r, {.period = 14});
ALPHA_BAR_TRAITS(af::cci, {.period = 20});
ALPHA_BAR_TRAITS(af::obv, {});

using BarTypesA = ::testing::Types<af::true_range, af::atr, af::natr, af::plus_di, af::minus_di,
                                   af::dx, af::adx, af::adxr, af::stochastic_fast,
                                   af::stochastic_slow, af::williams_r, af::cci, af::obv>;
INSTANTIATE_TYPED_TEST_SUITE_P(BarIndicatorsA, IndicatorLaws, BarTypesA);

ALPHA_BAR_TRAITS(af::aroon, {.period = 14});
ALPHA_BAR_TRAITS(af::aroon_oscillator, {.period = 10});
ALPHA_BAR_TRAITS(af::mfi, {.period = 14});
ALPHA_BAR_TRAITS(af::ad_line, {});
ALPHA_BAR_TRAITS(af::ad_oscillator, {});
ALPHA_BAR_TRAITS(af::chaikin_money_flow, {.period = 20});
ALPHA_BAR_TRAITS(af::ultimate_oscillator, {});
ALPHA_BAR_TRAITS(af::parabolic_sar, {});
ALPHA_BAR_TRAITS(af::keltner, {});
ALPHA_BAR_TRAITS(af::donchian, {.period = 20});
ALPHA_BAR_TRAITS(af::rolling_vwap, {.period = 20});
ALPHA_BAR_TRAITS(af::balance_of_power, {});
ALPHA_BAR_TRAITS(af::force_index, {.period = 13});
ALPHA_BAR_TRAITS(af::mass_index, {});
ALPHA_BAR_TRAITS(af::vortex, {.period = 14});

// Per-output warm-ups: ease of movement (emv from bar 1) and ichimoku (every line its own).
template <>
struct alpha_test::indicator_traits<af::ease_of_movement> {
  static af::ease_of_movement::params params() { return {}; }
  static std::size_t output_lookback(const af::ease_of_movement::params& p, std::size_t k) {
    return k == 0 ? 1 : p.period;
  }
  // a NaN emv stays in the mean's window for n bars: recovery n + 1 bars after the hole
  static std::size_t nan_recovery(const af::ease_of_movement::params& p) { return p.period + 2; }
};
template <>
struct alpha_test::indicator_traits<af::ichimoku> {
  static af::ichimoku::params params() {
    return {.tenkan_period = 5, .kijun_period = 12, .senkou_b_period = 20, .displacement = 7};
  }
  static std::size_t output_lookback(const af::ichimoku::params& p, std::size_t k) {
    return af::ichimoku(p).output_lookback(k);
  }
};

using BarTypesB =
    ::testing::Types<af::aroon, af::aroon_oscillator, af::mfi, af::ad_line, af::ad_oscillator,
                     af::chaikin_money_flow, af::ultimate_oscillator, af::parabolic_sar,
                     af::ichimoku, af::keltner, af::donchian, af::rolling_vwap,
                     af::balance_of_power, af::force_index, af::ease_of_movement, af::mass_index,
                     af::vortex>;
INSTANTIATE_TYPED_TEST_SUITE_P(BarIndicatorsB, IndicatorLaws, BarTypesB);

namespace {
/// The parameter named by the config_error thrown by constructing I(p).
template <class I>
std::string rejected(const typename I::params& p) {
  try {
    I ind(p);
  } catch (const alpha::config_error& e) {
    return e.parameter();
  }
  return "<accepted>";
}
}  // namespace

TEST(BarBadInput, ZeroPeriodsNameTheParameter) {
  EXPECT_EQ(rejected<af::atr>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::natr>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::plus_di>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::adx>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::adxr>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::stochastic_fast>({.fastk_period = 0}), "fastk_period");
  EXPECT_EQ(rejected<af::stochastic_fast>({.fastk_period = 5, .fastd_period = 0}), "fastd_period");
  EXPECT_EQ(rejected<af::stochastic_slow>({.fastk_period = 5, .slowk_period = 0}), "slowk_period");
  EXPECT_EQ(
      rejected<af::stochastic_slow>({.fastk_period = 5, .slowk_period = 3, .slowd_period = 0}),
      "slowd_period");
  EXPECT_EQ(rejected<af::williams_r>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::cci>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::aroon>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::aroon_oscillator>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::mfi>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::ad_oscillator>({.fast_period = 0}), "fast_period");
  EXPECT_EQ(rejected<af::ad_oscillator>({.fast_period = 3, .slow_period = 0}), "slow_period");
  EXPECT_EQ(rejected<af::chaikin_money_flow>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::ultimate_oscillator>({.period1 = 7, .period2 = 0}), "period2");
  EXPECT_EQ(rejected<af::parabolic_sar>({.acceleration = 0.0}), "acceleration");
  EXPECT_EQ(rejected<af::parabolic_sar>({.acceleration = 0.02, .maximum = alpha::nan}), "maximum");
  EXPECT_EQ(rejected<af::ichimoku>({.tenkan_period = 0}), "tenkan_period");
  EXPECT_EQ(rejected<af::ichimoku>({.displacement = 0}), "displacement");
  EXPECT_EQ(rejected<af::keltner>({.ema_period = 0}), "ema_period");
  EXPECT_EQ(rejected<af::keltner>({.atr_period = 0}), "atr_period");
  EXPECT_EQ(rejected<af::keltner>({.multiplier = -1.0}), "multiplier");
  EXPECT_EQ(rejected<af::donchian>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::rolling_vwap>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::force_index>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::ease_of_movement>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::ease_of_movement>({.volume_divisor = 0.0}), "volume_divisor");
  EXPECT_EQ(rejected<af::mass_index>({.ema_period = 0}), "ema_period");
  EXPECT_EQ(rejected<af::mass_index>({.sum_period = 0}), "sum_period");
  EXPECT_EQ(rejected<af::vortex>({.period = 0}), "period");
}

TEST(BarBadInput, MissingOrMismatchedFieldsAreShapeErrors) {
  const auto d = alpha_test::random_bars(100, 5);  // longer than every warm-up used here (77)
  af::series_input in = d.view();
  in.high = {};  // high missing
  EXPECT_THROW((void)af::run<af::atr>({}, in), alpha::shape_error);
  EXPECT_THROW((void)af::run<af::cci>({}, in), alpha::shape_error);
  in = d.view();
  in.low = in.low.first(99);
  EXPECT_THROW((void)af::run<af::adx>({}, in), alpha::shape_error);
  EXPECT_THROW((void)af::run<af::stochastic_fast>({}, in), alpha::shape_error);
  in = d.view();
  in.volume = {};
  EXPECT_THROW((void)af::run<af::obv>({}, in), alpha::shape_error);
  EXPECT_THROW((void)af::run<af::mfi>({}, in), alpha::shape_error);
  EXPECT_NO_THROW((void)af::run<af::atr>({}, in));  // ATR does not read volume
  in = d.view();
  in.open = {};
  EXPECT_THROW((void)af::run<af::balance_of_power>({}, in), alpha::shape_error);
  EXPECT_NO_THROW((void)af::run<af::ichimoku>({}, in));  // reads high, low, close
  try {
    in = d.view();
    in.close = {};
    (void)af::run<af::atr>({}, in);
  } catch (const alpha::shape_error& e) {
    EXPECT_NE(std::string(e.what()).find("close"), std::string::npos) << e.what();
  }
}
