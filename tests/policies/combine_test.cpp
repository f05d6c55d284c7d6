// Normalisers, combiners and the identity calibrator against hand-worked numbers.
#include "alpha/combine/normalise.hpp"
#include "alpha/combine/weighted.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/models/identity_calibrator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

namespace {

using alpha::nan;
using alpha::combine::signal_buffer;
using alpha::combine::signal_slice;

void expect_signal(const signal_buffer& out, const std::vector<double>& score,
                   const std::vector<double>& confidence, double tol = 1e-15) {
  ASSERT_EQ(out.size(), score.size());
  for (std::size_t i = 0; i < score.size(); ++i) {
    if (std::isnan(score[i])) {
      EXPECT_TRUE(std::isnan(out.score[i])) << "asset " << i << ": " << out.score[i];
      EXPECT_EQ(out.confidence[i], 0.0) << "asset " << i;
    } else {
      EXPECT_NEAR(out.score[i], score[i], tol) << "asset " << i;
      EXPECT_NEAR(out.confidence[i], confidence[i], tol) << "asset " << i;
    }
  }
  alpha::combine::check_signal(out.view(), "test");
}

TEST(Normalisers, ZScore) {
  // raw 1 2 3 NaN 6: n = 4, mean 3, deviations -2 -1 0 3, sum of squares 14.
  const std::vector<double> raw{1, 2, 3, nan, 6};
  signal_buffer out;
  // ddof 1: sd = sqrt(14/3), 1/sd = sqrt(3/14) = 0.46291004988627573; z_cap 3.
  alpha::combine::zscore_normaliser({}).normalise(raw, out);
  const double k = 0.46291004988627573 / 3.0;
  expect_signal(out, {-2 * k, -k, 0, nan, 3 * k}, {2 * k, k, 0, nan, 3 * k});
  // ddof 0, z_cap 1: 1/sd = sqrt(4/14) = 0.53452248382484879; z = -2/sd = -1.07 and
  // 3/sd = 1.60 clamp to -1 and 1.
  alpha::combine::zscore_normaliser({.z_cap = 1.0, .ddof = 0}).normalise(raw, out);
  const double k0 = 0.53452248382484879;
  expect_signal(out, {-1.0, -k0, 0, nan, 1.0}, {1.0, k0, 0, nan, 1.0});
  // All equal: 0; one finite value (ddof 1): NaN; infinite raw: not counted.
  alpha::combine::zscore_normaliser({}).normalise(std::vector<double>{4, nan, 4}, out);
  expect_signal(out, {0, nan, 0}, {0, nan, 0});
  alpha::combine::zscore_normaliser({}).normalise(std::vector<double>{nan, 4}, out);
  expect_signal(out, {nan, nan}, {nan, nan});
  alpha::combine::zscore_normaliser({}).normalise(
      std::vector<double>{1, std::numeric_limits<double>::infinity(), 3}, out);
  // finite 1, 3: mean 2, sd sqrt(2); z = -+1/sqrt(2) / 3.
  expect_signal(out, {-0.70710678118654752 / 3, nan, 0.70710678118654752 / 3},
                {0.70710678118654752 / 3, nan, 0.70710678118654752 / 3});
  EXPECT_THROW(alpha::combine::zscore_normaliser({.z_cap = 0.0}), alpha::config_error);
  EXPECT_THROW(alpha::combine::zscore_normaliser({.ddof = 2}), alpha::config_error);
}

TEST(Normalisers, Rank) {
  // finite 3 1 3 2 5 -> average ranks 3.5 1 3.5 2 5, n = 5, score = (r - 1)/2 - 1.
  signal_buffer out;
  alpha::combine::rank_normaliser{}.normalise(std::vector<double>{3, 1, nan, 3, 2, 5}, out);
  expect_signal(out, {0.25, -1, nan, 0.25, -0.5, 1}, {0.25, 1, nan, 0.25, 0.5, 1});
  alpha::combine::rank_normaliser{}.normalise(std::vector<double>{nan, 7}, out);
  expect_signal(out, {nan, 0}, {nan, 0});
}

TEST(Normalisers, MinMaxAndClamp) {
  signal_buffer out;
  alpha::combine::minmax_normaliser{}.normalise(std::vector<double>{2, 4, nan, 10}, out);
  expect_signal(out, {-1, -0.5, nan, 1}, {1, 0.5, nan, 1});
  alpha::combine::minmax_normaliser{}.normalise(std::vector<double>{5, 5, nan}, out);
  expect_signal(out, {0, 0, nan}, {0, 0, nan});
  alpha::combine::clamp_normaliser({.scale = 2.0})
      .normalise(std::vector<double>{0.3, -0.7, nan, 0.5}, out);
  expect_signal(out, {0.6, -1, nan, 1}, {0.6, 1, nan, 1});
  EXPECT_THROW(alpha::combine::clamp_normaliser({.scale = -1.0}), alpha::config_error);
}

TEST(Normalisers, RandomCrossSectionsStayInRange) {
  std::mt19937_64 g(1);
  std::normal_distribution<double> z(0.0, 5.0);
  std::vector<double> raw(50);
  signal_buffer out;
  for (int rep = 0; rep < 20; ++rep) {
    for (auto& x : raw) x = rep % 3 == 0 && z(g) > 6 ? nan : z(g);
    alpha::combine::zscore_normaliser({.z_cap = 1.5}).normalise(raw, out);
    alpha::combine::check_signal(out.view(), "zscore");
    alpha::combine::rank_normaliser{}.normalise(raw, out);
    alpha::combine::check_signal(out.view(), "rank");
    alpha::combine::minmax_normaliser{}.normalise(raw, out);
    alpha::combine::check_signal(out.view(), "minmax");
  }
}

struct two_sources {
  std::vector<double> s1{0.5, -0.2, nan, nan}, c1{0.5, 0.2, 0, 0};
  std::vector<double> s2{-0.1, 0.4, 0.8, nan}, c2{0.1, 0.8, 0.6, 0};
  std::vector<signal_slice> slices() const { return {{s1, c1, 1}, {s2, c2, 5}}; }
};

TEST(Combiners, FixedWeight) {
  const two_sources in;
  signal_buffer out;
  alpha::combine::fixed_weight::params p;
  p.weights[0] = 3.0;  // weights 3, 1
  alpha::combine::fixed_weight(p).combine(in.slices(), out);
  // asset 0: (3 x 0.5 + 1 x -0.1) / 4 = 0.35, confidence (1.5 + 0.1) / 4 = 0.4;
  // asset 1: (-0.6 + 0.4) / 4 = -0.05, (0.6 + 0.8) / 4 = 0.35; asset 2: source 2 only.
  expect_signal(out, {0.35, -0.05, 0.8, nan}, {0.4, 0.35, 0.6, nan});
  EXPECT_EQ(out.horizon, 5u);
  // Default: equal weights.
  alpha::combine::fixed_weight({}).combine(in.slices(), out);
  expect_signal(out, {0.2, 0.1, 0.8, nan}, {0.3, 0.5, 0.6, nan});
  p.weights[1] = -1.0;
  EXPECT_THROW(alpha::combine::fixed_weight{p}, alpha::config_error);
  std::vector<signal_slice> nine(9, in.slices()[0]);
  EXPECT_THROW(alpha::combine::fixed_weight({}).combine(nine, out), alpha::shape_error);
}

TEST(Combiners, ConfidenceWeighted) {
  const two_sources in;
  signal_buffer out;
  alpha::combine::confidence_weighted{}.combine(in.slices(), out);
  // asset 0: (0.25 - 0.01) / 0.6 = 0.4, confidence (0.25 + 0.01) / 0.6 = 0.43333...;
  // asset 1: (-0.04 + 0.32) / 1.0 = 0.28, (0.04 + 0.64) / 1.0 = 0.68; asset 2: 0.8, 0.36/0.6.
  expect_signal(out, {0.4, 0.28, 0.8, nan}, {0.43333333333333335, 0.68, 0.6, nan}, 1e-15);
  // Finite scores with zero confidence everywhere: neutral (0, 0), not NaN.
  const std::vector<double> s{0.3, nan}, c{0.0, 0.0};
  const std::vector<signal_slice> zero{{s, c, 1}};
  alpha::combine::confidence_weighted{}.combine(zero, out);
  expect_signal(out, {0.0, nan}, {0.0, nan});
}

TEST(Combiners, RankAverageAndBest) {
  const two_sources in;
  signal_buffer out;
  // Source 1 ranks (0.5, -0.2) -> +1, -1; source 2 ranks (-0.1, 0.4, 0.8) -> -1, 0, +1.
  alpha::combine::rank_average{}.combine(in.slices(), out);
  expect_signal(out, {0.0, -0.5, 1.0, nan}, {0.0, 0.5, 1.0, nan});
  alpha::combine::best_confidence{}.combine(in.slices(), out);
  expect_signal(out, {0.5, 0.4, 0.8, nan}, {0.5, 0.8, 0.6, nan});
  // Ties go to the first source.
  const std::vector<double> a{0.2}, b{-0.9}, c{0.5};
  const std::vector<signal_slice> tie{{a, c, 1}, {b, c, 1}};
  alpha::combine::best_confidence{}.combine(tie, out);
  expect_signal(out, {0.2}, {0.5});
}

TEST(Combiners, ShapeErrors) {
  const two_sources in;
  signal_buffer out;
  const std::vector<double> short_s{0.1}, short_c{0.1};
  auto bad = in.slices();
  bad.push_back({short_s, short_c, 1});
  EXPECT_THROW(alpha::combine::confidence_weighted{}.combine(bad, out), alpha::shape_error);
  EXPECT_THROW(alpha::combine::rank_average{}.combine(std::vector<signal_slice>{}, out),
               alpha::shape_error);
  EXPECT_THROW(alpha::combine::best_confidence{}.combine(bad, out), alpha::shape_error);
  EXPECT_THROW(alpha::combine::fixed_weight({}).combine(bad, out), alpha::shape_error);
}

TEST(Calibrator, IdentityLeavesScores) {
  alpha::models::identity_calibrator k{};
  k.observe(0.5, 0.01);
  k.fit();
  std::vector<double> s{0.25, nan, -1.0};
  k.calibrate(s);
  EXPECT_EQ(s[0], 0.25);
  EXPECT_TRUE(std::isnan(s[1]));
  EXPECT_EQ(s[2], -1.0);
}

}  // namespace
