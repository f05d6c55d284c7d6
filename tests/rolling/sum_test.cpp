// Tests of rolling::sum and rolling::mean: hand cases, naive reference with NaNs, pandas sma20,
// parameter validation, and the accumulator laws.
#include "alpha/rolling/sum.hpp"

#include "rolling/laws.hpp"
#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace ar = alpha::rolling;

template <>
struct alpha_test::laws_traits<ar::sum> {
  static ar::sum::params params() { return {.window = 10}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(10);
};
template <>
struct alpha_test::laws_traits<ar::mean> {
  static ar::mean::params params() { return {.window = 7, .min_periods = 4}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(7);
};
using SumTypes = ::testing::Types<ar::sum, ar::mean>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sum, AccumulatorLaws, SumTypes);

TEST(RollingMean, HandComputed) {
  // window 3, min_periods 2 over {1, 2, 4, NaN, 5, 6}:
  //   t0: 1 valid < 2 -> NaN; t1: (1+2)/2 = 1.5; t2: 7/3; t3: {2,4,NaN} -> 3;
  //   t4: {4,NaN,5} -> 4.5; t5: {NaN,5,6} -> 5.5
  const std::vector<double> x{1, 2, 4, alpha::nan, 5, 6};
  const auto m = ar::run<ar::mean>({.window = 3, .min_periods = 2}, x);
  EXPECT_TRUE(std::isnan(m[0]));
  EXPECT_DOUBLE_EQ(m[1], 1.5);
  EXPECT_DOUBLE_EQ(m[2], 7.0 / 3.0);
  EXPECT_DOUBLE_EQ(m[3], 3.0);
  EXPECT_DOUBLE_EQ(m[4], 4.5);
  EXPECT_DOUBLE_EQ(m[5], 5.5);
  const auto s = ar::run<ar::sum>({.window = 3}, x);  // min_periods = 3: NaN-touching windows NaN
  EXPECT_TRUE(std::isnan(s[1]));
  EXPECT_DOUBLE_EQ(s[2], 7.0);
  EXPECT_TRUE(std::isnan(s[3]));
  EXPECT_TRUE(std::isnan(s[5]));
}

TEST(RollingMean, MatchesNaiveReferenceWithNaNs) {
  for (std::size_t w : {1u, 2u, 5u, 20u, 63u}) {
    for (std::size_t mp : {std::size_t{1}, (w + 1) / 2, w}) {
      const auto x = alpha_test::noisy_series(2000, 7 + w, 0.1);
      const auto got_mean = ar::run<ar::mean>({.window = w, .min_periods = mp}, x);
      const auto got_sum = ar::run<ar::sum>({.window = w, .min_periods = mp}, x);
      const auto ref_mean = alpha_test::naive_rolling(x, w, mp, alpha_test::naive_mean);
      const auto ref_sum = alpha_test::naive_rolling(x, w, mp, alpha_test::naive_sum);
      EXPECT_TRUE(alpha_test::close_all(got_mean, ref_mean, 1e-12))
          << "mean w=" << w << " mp=" << mp;
      EXPECT_TRUE(alpha_test::close_all(got_sum, ref_sum, 1e-12)) << "sum w=" << w << " mp=" << mp;
    }
  }
}

TEST(RollingMean, MatchesPandasSma20) {
  for (const char* name : {"ttrc", "sp500", "msft"}) {
    SCOPED_TRACE(name);
    ALPHA_REQUIRE_SHARED_FILE(
        path, std::string("reference/indicators/indicators_pandas_") + name + ".csv");
    const auto table = alpha_test::read_reference_csv(path);
    const auto& close = table.at("close");
    const auto got = ar::run<ar::mean>({.window = 20}, close);
    EXPECT_TRUE(alpha_test::close_all(got, table.at("sma20"), 1e-9));
  }
}

TEST(RollingMean, ParameterValidation) {
  try {
    ar::mean m({.window = 0});
    FAIL() << "window 0 accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "window");
    EXPECT_NE(std::string(e.what()).find("'window'"), std::string::npos) << e.what();
  }
  try {
    ar::sum s({.window = 5, .min_periods = 6});
    FAIL() << "min_periods > window accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "min_periods");
  }
  EXPECT_THROW(ar::sum({.window = 5, .min_periods = 0}), alpha::config_error);
  const std::vector<double> x(5, 1.0);
  std::vector<double> out(4);
  EXPECT_THROW(ar::mean::batch({.window = 2}, x, out), alpha::shape_error);
  EXPECT_THROW(ar::run<ar::mean>({.window = 0}, x), alpha::config_error);
}
