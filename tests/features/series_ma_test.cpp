// Moving averages of one series: SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, HMA, T3.
#include "alpha/features/ta/ema.hpp"
#include "alpha/features/ta/sma.hpp"

#include "features/laws.hpp"
#include "features/series_reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace f = alpha::features;
using alpha_test::series::matches;
using alpha_test::series::qnan;
using alpha_test::series::run1;

template <>
struct alpha_test::indicator_traits<f::sma> {
  static f::sma::params params() { return {.period = 20}; }
};
template <>
struct alpha_test::indicator_traits<f::ema> {
  static f::ema::params params() { return {.period = 20}; }
};

using MovingAverageTypes = ::testing::Types<f::sma, f::ema>;
INSTANTIATE_TYPED_TEST_SUITE_P(SeriesMovingAverages, IndicatorLaws, MovingAverageTypes);

TEST(SeriesMa, SmaEmaAgainstTaLibAndTtr) {
  for (const char* name : alpha_test::series::datasets) {
    for (const char* lib : {"talib", "ttr"}) {
      ALPHA_LOAD_INDICATOR_REFERENCE(ref, lib, name);
      const auto& close = ref.at("close");
      EXPECT_TRUE(matches(run1<f::sma>({.period = 20}, close), ref.at("sma20"), 1e-9))
          << lib << " " << name;
      EXPECT_TRUE(matches(run1<f::ema>({.period = 20}, close), ref.at("ema20"), 1e-9))
          << lib << " " << name;
    }
  }
}

TEST(SeriesMa, BadParams) {
  EXPECT_THROW(f::sma({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::ema({.period = 0}), alpha::config_error);
}
