// Probability of backtest overfitting (CSCV): two hand-worked cases, a naive independent
// implementation, the constructed cases of the issue (pure noise -> PBO near 1/2, a planted
// edge -> PBO near 0), determinism at 1, 2 and 4 threads, and the input errors.
#include "alpha/metrics/pbo.hpp"

#include "overfitting/reference.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

namespace {

namespace ref = overfitting_ref;
using alpha::metrics::probability_of_backtest_overfitting;

// Plain mean, to keep the hand-worked cases short.
struct mean_metric {
  double operator()(std::span<const double> x) const {
    double s = 0.0;
    for (const double v : x) s += v;
    return s / static_cast<double>(x.size());
  }
};

Eigen::ArrayXXd from_columns(const std::vector<std::vector<double>>& cols) {
  Eigen::ArrayXXd a(static_cast<Eigen::Index>(cols[0].size()),
                    static_cast<Eigen::Index>(cols.size()));
  for (std::size_t j = 0; j < cols.size(); ++j)
    for (std::size_t t = 0; t < cols[j].size(); ++t)
      a(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j)) = cols[j][t];
  return a;
}

TEST(Pbo, HandWorkedTwoPartitions) {
  // T = 4, S = 2: block 0 = rows 0-1, block 1 = rows 2-3; metric = mean.
  //   A = {1, 3, -1, 0}: means 2 | -0.5;  B = {0, 2, 1, 1}: 1 | 1;  C = {-1, -1, 2, 4}: -1 | 3.
  // c0 (IS = block 0): best A (2); OOS A -0.5 < B 1 < C 3 -> rank 1, w = 1/4, lambda = ln(1/3).
  // c1 (IS = block 1): best C (3); OOS C -1 < B 1 < A 2 -> rank 1, lambda = ln(1/3).
  // PBO = 1; loss in both; regression through (2, -0.5), (3, -1): slope -0.5, intercept 0.5.
  const auto perf = from_columns({{1, 3, -1, 0}, {0, 2, 1, 1}, {-1, -1, 2, 4}});
  const auto r = probability_of_backtest_overfitting(perf, 2, mean_metric{});
  ASSERT_EQ(r.combinations(), 2u);
  EXPECT_EQ(r.in_sample_blocks, (std::vector<std::uint32_t>{0b01, 0b10}));
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{0, 2}));
  EXPECT_DOUBLE_EQ(r.logits[0], std::log(1.0 / 3.0));
  EXPECT_DOUBLE_EQ(r.logits[1], std::log(1.0 / 3.0));
  EXPECT_EQ(r.pbo, 1.0);
  EXPECT_EQ(r.probability_of_loss, 1.0);
  EXPECT_DOUBLE_EQ(r.degradation_slope, -0.5);
  EXPECT_DOUBLE_EQ(r.degradation_intercept, 0.5);
  EXPECT_DOUBLE_EQ(r.degradation_r2, 1.0);
}

TEST(Pbo, HandWorkedFourPartitionsWithTies) {
  // T = 4, S = 4 (one row per block), metric = mean of the two rows of each half.
  //        b0 b1 b2 b3
  //   A:   4  0  1  1
  //   B:   1  3  0  2
  //   C:   3  2  3  3
  // IS {b0,b1} (mask 0011): A 2, B 2, C 2.5 -> C; OOS {b2,b3}: A 1, B 1, C 3 -> rank 3,
  //   w = 3/4, lambda = ln 3.
  // IS {b0,b2} (0101): A 2.5, B 0.5, C 3 -> C; OOS {b1,b3}: A 0.5, B 2.5, C 2.5 -> C ties B:
  //   mid-rank 2.5, w = 2.5/4, lambda = ln(5/3).
  // IS {b1,b2} (0110): A 0.5, B 1.5, C 2.5 -> C; OOS {b0,b3}: 2.5, 1.5, 3 -> ln 3.
  // IS {b0,b3} (1001): 2.5, 1.5, 3 -> C; OOS {b1,b2}: 0.5, 1.5, 2.5 -> ln 3.
  // IS {b1,b3} (1010): A 0.5, B 2.5, C 2.5 -> tie, lowest column B; OOS {b0,b2}: A 2.5, B 0.5,
  //   C 3 -> rank 1, lambda = ln(1/3).
  // IS {b2,b3} (1100): 1, 1, 3 -> C; OOS {b0,b1}: 2, 2, 2.5 -> ln 3.
  // PBO = 1/6, no OOS loss. Regression of OOS (3, 2.5, 3, 2.5, 0.5, 2.5) on IS
  // (2.5, 3, 2.5, 3, 2.5, 3): mean IS 2.75, mean OOS 7/3, Sxy = 0.25, Sxx = 0.375 ->
  // slope 2/3, intercept 7/3 - (2/3) 2.75 = 1/2.
  const auto perf = from_columns({{4, 0, 1, 1}, {1, 3, 0, 2}, {3, 2, 3, 3}});
  const auto r = probability_of_backtest_overfitting(perf, 4, mean_metric{});
  ASSERT_EQ(r.combinations(), 6u);
  EXPECT_EQ(r.in_sample_blocks,
            (std::vector<std::uint32_t>{0b0011, 0b0101, 0b0110, 0b1001, 0b1010, 0b1100}));
  EXPECT_EQ(r.selected, (std::vector<std::size_t>{2, 2, 2, 2, 1, 2}));
  const std::vector<double> w{0.75, 0.625, 0.75, 0.75, 0.25, 0.75};
  for (std::size_t c = 0; c < 6; ++c) {
    EXPECT_DOUBLE_EQ(r.relative_ranks[c], w[c]) << c;
    EXPECT_DOUBLE_EQ(r.logits[c], std::log(w[c] / (1.0 - w[c]))) << c;
  }
  EXPECT_DOUBLE_EQ(r.pbo, 1.0 / 6.0);
  EXPECT_EQ(r.probability_of_loss, 0.0);
  EXPECT_NEAR(r.degradation_slope, 2.0 / 3.0, 1e-14);
  EXPECT_NEAR(r.degradation_intercept, 0.5, 1e-14);
}

Eigen::ArrayXXd noise_panel(std::uint64_t seed, Eigen::Index t, Eigen::Index m,
                            double edge_drift = 0.0) {
  ref::normal_sampler z(seed);
  Eigen::ArrayXXd a(t, m);
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index i = 0; i < t; ++i) a(i, j) = z() + (j == 0 ? edge_drift : 0.0);
  return a;
}

// Naive CSCV written from the paper: every S-bit mask with S/2 bits, ascending; row t belongs
// to block b when floor(b T / S) <= t < floor((b + 1) T / S); Sharpe in long double.
struct naive_cscv {
  std::vector<std::uint32_t> masks;
  std::vector<std::size_t> selected;
  std::vector<double> w, is, oos;
  double pbo = 0.0;
};
naive_cscv naive(const Eigen::ArrayXXd& a, std::size_t s) {
  const auto t_rows = static_cast<std::size_t>(a.rows());
  const auto m = static_cast<std::size_t>(a.cols());
  auto sharpe = [](const std::vector<double>& x) {
    long double sum = 0;
    for (double v : x) sum += v;
    const long double mean = sum / static_cast<long double>(x.size());
    long double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    return static_cast<double>(mean / std::sqrt(ss / static_cast<long double>(x.size() - 1)));
  };
  naive_cscv out;
  double overfit = 0;
  for (std::uint32_t mask = 0; mask < (1u << s); ++mask) {
    if (static_cast<std::size_t>(std::popcount(mask)) != s / 2) continue;
    std::vector<double> is(m), oos(m);
    for (std::size_t j = 0; j < m; ++j) {
      std::vector<double> xi, xo;
      for (std::size_t t = 0; t < t_rows; ++t) {
        std::size_t b = 0;
        while ((b + 1) * t_rows / s <= t) ++b;
        ((mask >> b) & 1u ? xi : xo)
            .push_back(a(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j)));
      }
      is[j] = sharpe(xi);
      oos[j] = sharpe(xo);
    }
    std::size_t best = 0;
    for (std::size_t j = 0; j < m; ++j)
      if (is[j] > is[best]) best = j;
    double rank = 1;
    for (std::size_t j = 0; j < m; ++j)
      if (j != best) rank += oos[j] < oos[best] ? 1.0 : (oos[j] == oos[best] ? 0.5 : 0.0);
    const double w = rank / (static_cast<double>(m) + 1.0);
    overfit += w <= 0.5 ? 1.0 : 0.0;  // lambda <= 0 <=> w <= 1/2
    out.masks.push_back(mask);
    out.selected.push_back(best);
    out.w.push_back(w);
    out.is.push_back(is[best]);
    out.oos.push_back(oos[best]);
  }
  out.pbo = overfit / static_cast<double>(out.masks.size());
  return out;
}

TEST(Pbo, MatchesNaiveImplementation) {
  // T = 203 (blocks of 33 or 34 rows with S = 6), M = 7 noise trials.
  const auto a = noise_panel(42, 203, 7);
  const auto r = probability_of_backtest_overfitting(a, 6);
  const auto n = naive(a, 6);
  ASSERT_EQ(r.combinations(), 20u);
  EXPECT_EQ(r.in_sample_blocks, n.masks);
  EXPECT_EQ(r.selected, n.selected);
  EXPECT_EQ(r.relative_ranks, n.w);
  EXPECT_EQ(r.pbo, n.pbo);
  for (std::size_t c = 0; c < n.masks.size(); ++c) {
    EXPECT_NEAR(r.in_sample[c], n.is[c], 1e-13);
    EXPECT_NEAR(r.out_of_sample[c], n.oos[c], 1e-13);
  }
}

TEST(Pbo, PooledSharpeEqualsTheGenericPath) {
  // The default metric pools per-block moments; the same Sharpe ratio wrapped in a lambda goes
  // through the generic path (rows gathered, two-pass). Same picks and ranks, metric values
  // equal to rounding.
  const auto a = noise_panel(9, 501, 9);
  const auto fast = probability_of_backtest_overfitting(a, 8);
  const auto generic = probability_of_backtest_overfitting(
      a, 8, [](std::span<const double> x) { return alpha::metrics::sharpe_metric{}(x); });
  ASSERT_EQ(fast.combinations(), 70u);
  EXPECT_EQ(fast.selected, generic.selected);
  EXPECT_EQ(fast.relative_ranks, generic.relative_ranks);
  EXPECT_EQ(fast.pbo, generic.pbo);
  for (std::size_t c = 0; c < fast.combinations(); ++c) {
    EXPECT_NEAR(fast.in_sample[c], generic.in_sample[c], 1e-14);
    EXPECT_NEAR(fast.out_of_sample[c], generic.out_of_sample[c], 1e-14);
  }
  EXPECT_NEAR(fast.degradation_slope, generic.degradation_slope, 1e-12);
}

TEST(Pbo, PureNoiseGivesOneHalf) {
  // M = 16 skill-less trials (iid N(0,1) returns), T = 1000, S = 10 (252 combinations). With M
  // even, lambda <= 0 <=> the pick's OOS rank <= M/2, which has probability exactly 1/2 when
  // IS and OOS are independent. One seed's PBO is noisy (the 252 combinations share data;
  // measured over these 24 seeds: mean 0.508, standard deviation 0.22), so average over 24
  // seeds: standard error ~0.045; the tolerance 0.12 is ~2.7 standard errors.
  double sum = 0.0;
  const int seeds = 24;
  for (int k = 0; k < seeds; ++k) {
    const auto a = noise_panel(1000 + static_cast<std::uint64_t>(k), 1000, 16);
    sum += probability_of_backtest_overfitting(a, 10).pbo;
  }
  EXPECT_NEAR(sum / seeds, 0.5, 0.12);
}

TEST(Pbo, PlantedEdgeGivesNearZero) {
  // Trial 0 has a drift of 0.2 standard deviations per period (per-period Sharpe 0.2); the
  // other 15 are noise. A half sample (500 rows) estimates a Sharpe ratio with standard error
  // ~0.045, so the edge (0.2) dominates the best noise trial (~0.08) in and out of sample:
  // the pick is trial 0 and ranks first out of sample in (nearly) every combination.
  for (int k = 0; k < 4; ++k) {
    const auto a = noise_panel(2000 + static_cast<std::uint64_t>(k), 1000, 16, 0.2);
    const auto r = probability_of_backtest_overfitting(a, 10);
    EXPECT_LT(r.pbo, 0.05) << k;
    EXPECT_LT(r.probability_of_loss, 0.05) << k;
    std::size_t picked_edge = 0;
    for (const std::size_t s : r.selected) picked_edge += s == 0 ? 1 : 0;
    EXPECT_GT(picked_edge, r.combinations() * 9 / 10) << k;
  }
}

TEST(Pbo, DeterministicAtAnyThreadCount) {
  const auto a = noise_panel(7, 600, 12);
  auto run = [&a](int threads) {
    tbb::global_control gc(tbb::global_control::max_allowed_parallelism,
                           static_cast<std::size_t>(threads));
    return probability_of_backtest_overfitting(a, 12);
  };
  const auto r1 = run(1), r2 = run(2), r4 = run(4);
  ASSERT_EQ(r1.combinations(), 924u);
  EXPECT_EQ(r1.logits, r2.logits);
  EXPECT_EQ(r1.logits, r4.logits);
  EXPECT_EQ(r1.in_sample, r4.in_sample);
  EXPECT_EQ(r1.out_of_sample, r4.out_of_sample);
  EXPECT_EQ(r1.selected, r2.selected);
  EXPECT_EQ(r1.pbo, r4.pbo);
  EXPECT_EQ(r1.degradation_slope, r4.degradation_slope);
}

TEST(Pbo, InputErrors) {
  const auto a = noise_panel(3, 20, 3);
  EXPECT_THROW((void)probability_of_backtest_overfitting(a, 3), alpha::config_error);
  EXPECT_THROW((void)probability_of_backtest_overfitting(a, 0), alpha::config_error);
  EXPECT_THROW((void)probability_of_backtest_overfitting(a, 22), alpha::config_error);
  EXPECT_THROW((void)probability_of_backtest_overfitting(noise_panel(3, 200, 3), 26),
               alpha::config_error);
  EXPECT_THROW((void)probability_of_backtest_overfitting(noise_panel(3, 20, 1), 4),
               alpha::config_error);
  auto bad = a;
  bad(5, 1) = alpha::nan;
  try {
    (void)probability_of_backtest_overfitting(bad, 4);
    ADD_FAILURE() << "no throw";
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.what()).find("row 5, column 1"), std::string::npos) << e.what();
  }
  const auto nan_metric = [](std::span<const double>) { return alpha::nan; };
  EXPECT_THROW((void)probability_of_backtest_overfitting(a, 4, nan_metric), alpha::data_error);
}

}  // namespace
