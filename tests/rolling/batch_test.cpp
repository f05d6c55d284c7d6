// The batch driver's input checks: a window longer than the series and mismatched lengths.
#include "alpha/rolling/batch.hpp"

#include "alpha/rolling/covariance.hpp"
#include "alpha/rolling/sum.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

TEST(RollingBatch, WindowLongerThanSeriesIsAConfigError) {
  const std::vector<double> x{1, 2, 3};
  try {
    (void)alpha::rolling::run<alpha::rolling::mean>({.window = 5}, x);
    FAIL() << "no error";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "window");
    EXPECT_NE(std::string(e.what()).find("window 5 is longer than the series (3 values)"),
              std::string::npos)
        << e.what();
  }
  // A window equal to the length is fine: one defined output, the mean of 1, 2, 3.
  const auto out = alpha::rolling::run<alpha::rolling::mean>({.window = 3}, x);
  EXPECT_EQ(out[2], 2.0);
}

TEST(RollingBatch, PairInputsMustHaveEqualLengths) {
  const std::vector<double> x{1, 2, 3}, y{1, 2};
  std::vector<double> out(3);
  EXPECT_THROW(
      alpha::rolling::run<alpha::rolling::correlation>({.window = 2}, x, y, std::span<double>(out)),
      alpha::shape_error);
}
