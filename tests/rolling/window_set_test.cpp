// rolling::window_set: one pass over a shared window agrees with the separate accumulators
// (independent code paths for min/max; the same sums for variance/std, hence bit-equality).
#include "alpha/rolling/window_set.hpp"

#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace ar = alpha::rolling;
using four = ar::window_set<ar::stat::mean, ar::stat::std_dev, ar::stat::min, ar::stat::max>;

namespace {
std::vector<double> walk_with_nans(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> step(0.0, 1.0);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> x(n);
  double level = 1000;
  for (auto& v : x) {
    level += step(rng);
    v = u(rng) < 0.1 ? alpha::nan : level;
  }
  return x;
}
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }
}  // namespace

TEST(WindowSet, AgreesWithTheSeparateAccumulators) {
  for (const std::size_t w : {3u, 20u, 250u}) {
    const auto x = walk_with_nans(3000, static_cast<unsigned>(w));
    const ar::window_ddof_params p{.window = w, .min_periods = w / 2 + 1, .ddof = 1};
    four set(p);
    ar::mean mean({.window = w, .min_periods = w / 2 + 1});
    ar::std_dev sd(p);
    ar::min lo({.window = w, .min_periods = w / 2 + 1});
    ar::max hi({.window = w, .min_periods = w / 2 + 1});
    for (std::size_t t = 0; t < x.size(); ++t) {
      set.update(x[t]);
      mean.update(x[t]);
      sd.update(x[t]);
      lo.update(x[t]);
      hi.update(x[t]);
      const auto v = set.values();
      ASSERT_TRUE(same(v[1], sd.value())) << "std, w=" << w << " t=" << t;
      ASSERT_TRUE(same(v[2], lo.value())) << "min, w=" << w << " t=" << t;
      ASSERT_TRUE(same(v[3], hi.value())) << "max, w=" << w << " t=" << t;
      if (std::isnan(mean.value())) {
        ASSERT_TRUE(std::isnan(v[0])) << t;
      } else {
        ASSERT_NEAR(v[0], mean.value(), 1e-12 * std::fabs(mean.value())) << t;
      }
    }
  }
}

TEST(WindowSet, HandComputedWindowAndAccessors) {
  // Window 3 over 1, 2, 4: mean 7/3, sample sd sqrt(7/3), min 1, max 4.
  ar::window_set<ar::stat::max, ar::stat::variance, ar::stat::mean> w({.window = 3});
  for (const double x : {1.0, 2.0, 4.0}) w.update(x);
  EXPECT_EQ(w.get<ar::stat::max>(), 4.0);
  EXPECT_NEAR(w.get<ar::stat::variance>(), 7.0 / 3.0, 1e-15);
  EXPECT_NEAR(w.get<ar::stat::mean>(), 7.0 / 3.0, 1e-15);
  static_assert(decltype(w)::index_of<ar::stat::mean>() == 2);
  w.update(0.5);  // window 2, 4, 0.5
  EXPECT_EQ(w.get<ar::stat::max>(), 4.0);
  w.update(0.25);  // window 4, 0.5, 0.25
  w.update(3.0);   // window 0.5, 0.25, 3: the 4 has left
  EXPECT_EQ(w.get<ar::stat::max>(), 3.0);
  EXPECT_EQ(w.lookback(), 2u);
}

TEST(WindowSet, BatchEqualsStreamingAndResetReplays) {
  const auto x = walk_with_nans(500, 9);
  const ar::window_ddof_params p{.window = 20};
  std::vector<std::vector<double>> out(4, std::vector<double>(x.size()));
  four::batch(p, x, {out[0], out[1], out[2], out[3]});
  four w(p);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t t = 0; t < x.size(); ++t) {
      w.update(x[t]);
      const auto v = w.values();
      for (std::size_t k = 0; k < 4; ++k) ASSERT_TRUE(same(v[k], out[k][t])) << pass << " " << t;
    }
    w.reset();
  }
}

TEST(WindowSet, BadInput) {
  EXPECT_THROW(four({.window = 0}), alpha::config_error);
  EXPECT_THROW(four({.window = 5, .min_periods = 6}), alpha::config_error);
  EXPECT_THROW(four({.window = 2, .ddof = 2}), alpha::config_error);
  std::vector<double> x(10, 1.0), short_out(9);
  EXPECT_THROW(four::batch({.window = 3}, x, {short_out, short_out, short_out, short_out}),
               alpha::shape_error);
}
