// The indicator laws (tests/features/laws.hpp) for every OHLCV-bar indicator, plus the bad-input
// cases of the bar indicators: period 0 -> config_error naming the parameter, a missing or short
// OHLC field -> shape_error through features::run.
#include "alpha/features/ta/cci.hpp"
#include "alpha/features/ta/directional_movement.hpp"
#include "alpha/features/ta/obv.hpp"
#include "alpha/features/ta/stochastic.hpp"
#include "alpha/features/ta/true_range.hpp"
#include "alpha/features/ta/williams_r.hpp"

#include "features/laws.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace af = alpha::features;

#define ALPHA_BAR_TRAITS(type, ...)                                  \
  template <>                                                        \
  struct alpha_test::indicator_traits<type> {                        \
    static type::params params() { return __VA_ARGS__; }             \
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
  EXPECT_EQ(rejected<af::stochastic_fast>({.fastk_period = 5, .fastd_period = 0}),
            "fastd_period");
  EXPECT_EQ(rejected<af::stochastic_slow>({.fastk_period = 5, .slowk_period = 0}),
            "slowk_period");
  EXPECT_EQ(rejected<af::stochastic_slow>({.fastk_period = 5, .slowk_period = 3, .slowd_period = 0}),
            "slowd_period");
  EXPECT_EQ(rejected<af::williams_r>({.period = 0}), "period");
  EXPECT_EQ(rejected<af::cci>({.period = 0}), "period");
}

TEST(BarBadInput, MissingOrMismatchedFieldsAreShapeErrors) {
  const auto d = alpha_test::random_bars(50, 5);
  af::series_input in = d.view();
  in.high = {};  // high missing
  EXPECT_THROW((void)af::run<af::atr>({}, in), alpha::shape_error);
  EXPECT_THROW((void)af::run<af::cci>({}, in), alpha::shape_error);
  in = d.view();
  in.low = in.low.first(49);
  EXPECT_THROW((void)af::run<af::adx>({}, in), alpha::shape_error);
  EXPECT_THROW((void)af::run<af::stochastic_fast>({}, in), alpha::shape_error);
  in = d.view();
  in.volume = {};
  EXPECT_THROW((void)af::run<af::obv>({}, in), alpha::shape_error);
  EXPECT_NO_THROW((void)af::run<af::atr>({}, in));  // ATR does not read volume
  try {
    in = d.view();
    in.close = {};
    (void)af::run<af::atr>({}, in);
  } catch (const alpha::shape_error& e) {
    EXPECT_NE(std::string(e.what()).find("close"), std::string::npos) << e.what();
  }
}
