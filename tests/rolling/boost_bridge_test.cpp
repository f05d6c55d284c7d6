// Boost.Accumulators bridge: alpha's rolling mean/variance inside an accumulator_set agree with
// Boost's own rolling_mean / rolling_variance fed the same samples (an independent
// implementation). Boost's rolling_variance is the sample variance (n - 1), like our default.
#include "alpha/rolling/boost_accumulators.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/rolling_mean.hpp>
#include <boost/accumulators/statistics/rolling_variance.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace ba = boost::accumulators;

TEST(BoostBridge, AgreesWithBoostRollingMeanAndVariance) {
  ba::accumulator_set<double, ba::stats<alpha::rolling::boost_feature<alpha::rolling::mean>,
                                        alpha::rolling::boost_feature<alpha::rolling::variance>,
                                        ba::tag::rolling_mean, ba::tag::rolling_variance>>
      acc(ba::tag::rolling_window::window_size = 20);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> step(-1.0, 1.0);
  double price = 100;
  for (int t = 0; t < 5000; ++t) {
    price += step(rng);
    acc(price);
    const double ours_mean = alpha::rolling::extract_feature<alpha::rolling::mean>(acc);
    const double ours_var = alpha::rolling::extract_feature<alpha::rolling::variance>(acc);
    if (t < 19) {  // warm-up: alpha is NaN until the window is full (min_periods = window)
      EXPECT_TRUE(std::isnan(ours_mean)) << t;
      continue;
    }
    const double boost_mean = ba::rolling_mean(acc);
    const double boost_var = ba::rolling_variance(acc);
    EXPECT_NEAR(ours_mean, boost_mean, 1e-10 * std::fabs(boost_mean)) << t;
    EXPECT_NEAR(ours_var, boost_var, 1e-8 * boost_var + 1e-12) << t;
  }
}

TEST(BoostBridge, HandComputedWindow) {
  // Window 3 over 1, 2, 4: mean 7/3, sample variance ((1-7/3)^2 + (2-7/3)^2 + (4-7/3)^2)/2 = 7/3.
  ba::accumulator_set<double, ba::stats<alpha::rolling::boost_feature<alpha::rolling::variance>>>
      acc(ba::tag::rolling_window::window_size = 3);
  for (const double x : {1.0, 2.0, 4.0}) acc(x);
  EXPECT_NEAR(alpha::rolling::extract_feature<alpha::rolling::variance>(acc), 7.0 / 3.0, 1e-15);
}
