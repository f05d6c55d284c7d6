// Tests of backtest::sweep (issue 5): the grid, determinism across thread counts, the fast path
// against a naive crossover written here, the fast path against the general path (the
// event-driven engine at this close, and the vectorised engine), shared features, cancellation
// and the memory bound.
#include "alpha/backtest/sweep.hpp"

#include "alpha/backtest/sweep_report.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/features/ta/sma.hpp"
#include "alpha/metrics/summary.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

namespace {

using namespace alpha;
namespace bt = alpha::backtest;

using crossover =
    strategy<with::features<features::sma, features::sma>, with::model<models::sign_of_difference>,
             with::normaliser<combine::clamp_normaliser>, with::sizer<sizing::proportional>,
             with::costs<costs::bps>>;
using P = crossover::params;

const ohlcv_panel& market() {
  static const ohlcv_panel m = [] {
    data::synthetic_config c;
    c.assets = 6;
    c.sectors = 2;
    c.days = 400;
    return data::generate_market(c).bars;
  }();
  return m;
}

crossover prototype() {
  crossover s;
  s.parameters().costs.commission_bps = 1.0;
  s.parameters().costs.half_spread_bps = 0.0;
  return s;
}

bt::sweep_grid<P> small_grid() {
  bt::sweep_grid<P> g;
  g.add_range<std::size_t>("features.0.period", 2, 11)
      .add_range<std::size_t>("features.1.period", 10, 40, 3)
      .where([](const P& p) {
        return boost::hana::at_c<0>(p.features).period < boost::hana::at_c<1>(p.features).period;
      });
  return g;
}

std::size_t fast_of(const P& p) { return boost::hana::at_c<0>(p.features).period; }
std::size_t slow_of(const P& p) { return boost::hana::at_c<1>(p.features).period; }

TEST(SweepGrid, ProductConstraintsAndUnknownKeys) {
  bt::sweep_grid<P> g;
  g.add_range<std::size_t>("features.0.period", 2, 51)
      .add_range<std::size_t>("features.1.period", 10, 208, 2);
  EXPECT_EQ(g.product(), 5000u);  // 50 x 100, counted by hand
  const auto p0 = g.make(prototype().parameters(), 0);
  EXPECT_EQ(fast_of(p0), 2u);
  EXPECT_EQ(slow_of(p0), 10u);
  const auto p101 = g.make(prototype().parameters(), 101);  // second fast, second slow
  EXPECT_EQ(fast_of(p101), 3u);
  EXPECT_EQ(slow_of(p101), 12u);
  // fast < slow: count by brute force, independently of the grid.
  g.where([](const P& p) { return fast_of(p) < slow_of(p); });
  std::size_t expected = 0;
  for (std::size_t f = 2; f <= 51; ++f)
    for (std::size_t s = 10; s <= 208; s += 2) expected += f < s ? 1 : 0;
  EXPECT_EQ(g.indices(prototype().parameters()).size(), expected);
  // Unknown key: set_param's message.
  bt::sweep_grid<P> bad;
  try {
    bad.add("features.0.perod", {3.0});
    FAIL();
  } catch (const config_error& e) {
    EXPECT_NE(std::string(e.what()).find("no such parameter"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("features.0.period"), std::string::npos);
  }
  EXPECT_THROW(bad.add_range<std::size_t>("features.0.period", 5, 4), config_error);
  EXPECT_THROW(bad.add("features.0.period", std::vector<std::string>{"x"}), config_error);
}

TEST(SweepGrid, SamplingIsSeededDistinctAndAdmissible) {
  auto g = small_grid();
  const auto proto = prototype().parameters();
  const auto a = g.sample(proto, 20, 7), b = g.sample(proto, 20, 7), c = g.sample(proto, 20, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  for (std::size_t k = 1; k < a.size(); ++k) EXPECT_LT(a[k - 1], a[k]);
  for (const auto i : a) EXPECT_TRUE(g.admissible(proto, i));
  EXPECT_THROW((void)g.sample(proto, 100000, 1), config_error);
}

bt::sweep_options quiet() {
  bt::sweep_options o;
  o.progress = false;
  o.pbo_partitions = 8;
  return o;
}

TEST(Sweep, DeterministicAtOneTwoFourThreads) {
  const auto g = small_grid();
  std::vector<bt::sweep_result> r;
  for (const std::size_t threads : {std::size_t(1), std::size_t(2), std::size_t(4)}) {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
    auto o = quiet();
    o.tile_variants = 3 * threads;  // tiles differ too
    r.push_back(bt::sweep(prototype(), g, market(), o));
  }
  ASSERT_TRUE(r[0].fast_path);
  for (std::size_t k = 1; k < r.size(); ++k) {
    ASSERT_EQ(r[k].rows.size(), r[0].rows.size());
    for (std::size_t i = 0; i < r[0].rows.size(); ++i) {
      const auto &x = r[0].rows[i].metrics, &y = r[k].rows[i].metrics;
      EXPECT_EQ(std::memcmp(&x, &y, sizeof x), 0) << "variant " << i;
    }
    EXPECT_EQ(r[k].overfitting.pbo, r[0].overfitting.pbo);
    EXPECT_EQ(r[k].overfitting.dsr, r[0].overfitting.dsr);
  }
}

// Naive crossover P&L: SMAs by direct window sums, position sign(fast - slow) (0 in warm-up),
// or position(fast, slow) when given, pnl_t = pos_{t-1} r_t - c |pos_t - pos_{t-1}|,
// portfolio = mean over assets.
std::vector<double> naive_returns(std::size_t f, std::size_t s, double c,
                                  double (*position)(double, double) = nullptr) {
  const auto& close = market().close().values();
  const std::size_t T = market().rows(), N = market().cols();
  std::vector<double> R(T, 0.0);
  for (std::size_t j = 0; j < N; ++j) {
    auto sma = [&](std::size_t w, std::size_t t) {
      if (t + 1 < w) return std::nan("");
      double sum = 0;
      for (std::size_t k = t + 1 - w; k <= t; ++k) sum += close(long(k), long(j));
      return sum / double(w);
    };
    double prev = 0.0;
    for (std::size_t t = 0; t < T; ++t) {
      const double a = sma(f, t), b = sma(s, t);
      const double pos = std::isnan(a) || std::isnan(b) ? 0.0
                         : position != nullptr          ? position(a, b)
                                                        : (a > b ? 1.0 : (a < b ? -1.0 : 0.0));
      const double r = t == 0 ? 0.0 : close(long(t), long(j)) / close(long(t - 1), long(j)) - 1.0;
      R[t] += (prev * r - c * std::abs(pos - prev)) / double(N);
      prev = pos;
    }
  }
  return R;
}

TEST(Sweep, FastPathEqualsNaiveCrossover) {
  auto o = quiet();
  o.keep_all_curves = true;
  const auto res = bt::sweep(prototype(), small_grid(), market(), o);
  ASSERT_TRUE(res.fast_path);
  const auto proto = prototype().parameters();
  for (std::size_t v = 0; v < res.rows.size(); v += 5) {
    const auto p = small_grid().make(proto, res.rows[v].grid_index);
    const auto naive = naive_returns(fast_of(p), slow_of(p), 1e-4);
    const auto* c = res.curve_of(v);
    ASSERT_NE(c, nullptr);
    double w = 1, mean = 0;
    for (std::size_t t = 0; t < naive.size(); ++t) {
      // Window sums vs the rolling kernel differ by rounding only: 1e-12 on daily returns.
      EXPECT_NEAR(c->returns[t], naive[t], 1e-12) << "variant " << v << " bar " << t;
      w *= 1 + naive[t];
      mean += naive[t];
    }
    mean /= double(naive.size());
    double ss = 0;
    for (const double x : naive) ss += (x - mean) * (x - mean);
    const double sharpe = mean / std::sqrt(ss / double(naive.size() - 1)) * std::sqrt(252.0);
    EXPECT_NEAR(res.rows[v].metrics.total_return, w - 1, 1e-10);
    EXPECT_NEAR(res.rows[v].metrics.sharpe, sharpe, 1e-8);
  }
}

// Non-default downstream params, worked by hand: sign mode with normaliser scale 0.5 and a
// sizer cap of 0.3 gives positions 0.3 sign(fast - slow); difference mode (sign = false) gives
// clamp(clamp(0.5 (fast - slow), -1, 1), -0.3, 0.3). Checks the fast path's composed policies
// (and sign_of_difference's make_then) against that arithmetic written out here.
TEST(Sweep, FastPathDownstreamParamsMatchHandWorkedPositions) {
  for (const bool sign : {true, false}) {
    crossover s = prototype();
    s.parameters().normaliser.scale = 0.5;
    s.parameters().sizer.max_weight = 0.3;
    boost::hana::at_c<0>(s.parameters().model).sign = sign;
    bt::sweep_grid<P> g;
    g.add("features.0.period", std::vector<std::size_t>{3, 7})
        .add("features.1.period", std::vector<std::size_t>{15, 31});
    auto o = quiet();
    o.keep_all_curves = true;
    o.overfitting = false;
    const auto res = bt::sweep(s, g, market(), o);
    ASSERT_TRUE(res.fast_path);
    const auto pos = sign ? +[](double a, double b) { return a > b ? 0.3 : (a < b ? -0.3 : 0.0); }
                          : +[](double a, double b) {
                              return std::clamp(std::clamp(0.5 * (a - b), -1.0, 1.0), -0.3, 0.3);
                            };
    for (std::size_t v = 0; v < res.rows.size(); ++v) {
      const auto p = g.make(s.parameters(), res.rows[v].grid_index);
      const auto naive = naive_returns(fast_of(p), slow_of(p), 1e-4, pos);
      for (std::size_t t = 0; t < naive.size(); ++t)
        ASSERT_NEAR(res.curves[v].returns[t], naive[t], 1e-12)
            << "sign " << sign << " variant " << v << " bar " << t;
    }
  }
}

// 2 rate max_j |r_tj| + 1e-12: the bound on the drift rebalancing cost at bar t (see below).
double drift_bound(std::size_t t, double rate) {
  if (t == 0) return 1e-12;
  const auto& c = market().close().values();
  double m = 0;
  for (long j = 0; j < c.cols(); ++j)
    m = std::max(m, std::abs(c(long(t), j) / c(long(t - 1), j) - 1.0));
  return 2 * rate * m + 1e-12;
}

TEST(Sweep, FastPathMatchesGeneralPathAndVectorisedEngine) {
  bt::sweep_grid<P> g;
  g.add("features.0.period", std::vector<std::size_t>{3, 5, 8})
      .add("features.1.period", std::vector<std::size_t>{20, 30});
  auto o = quiet();
  o.keep_all_curves = true;
  o.overfitting = false;
  const auto fast = bt::sweep(prototype(), g, market(), o);
  o.path = bt::sweep_path::general;
  const auto general = bt::sweep(prototype(), g, market(), o);
  ASSERT_TRUE(fast.fast_path);
  ASSERT_FALSE(general.fast_path);
  for (std::size_t v = 0; v < fast.rows.size(); ++v) {
    const auto &a = fast.curves[v].returns, &b = general.curves[v].returns;
    // The engine trades back the drift of the weights at every rebalance, which the fast path
    // does not: that extra cost is rate x sum_j |w_j| |r_tj - R_t| <= 2 rate max_j |r_tj|.
    for (std::size_t t = 0; t < a.size(); ++t)
      EXPECT_NEAR(a[t], b[t], drift_bound(t, 1e-4)) << v << " " << t;
    double total_bound = 0;  // the per-bar bounds add up (to first order) over the T bars
    for (std::size_t t = 0; t < a.size(); ++t) total_bound += drift_bound(t, 1e-4);
    EXPECT_NEAR(fast.rows[v].metrics.total_return, general.rows[v].metrics.total_return,
                total_bound);
    EXPECT_NEAR(fast.rows[v].metrics.sharpe, general.rows[v].metrics.sharpe, 5e-3);
  }
  // The vectorised engine on the targets of one variant.
  crossover s = prototype();
  s.parameters() = g.make(s.parameters(), 0);
  const auto run = bt::run(s, market(), bt::vectorised_params());
  const auto vec = bt::run_vectorised(market(), run.targets, costs::bps(s.parameters().costs));
  for (std::size_t t = 0; t < vec.net_returns.size(); ++t)
    EXPECT_NEAR(fast.curves[0].returns[t], vec.net_returns[t], drift_bound(t, 1e-4)) << t;
}

TEST(Sweep, SharedFeaturesAreComputedOnce) {
  const auto g = small_grid();
  const auto res = bt::sweep(prototype(), g, market(), quiet());
  // Distinct features by hand: fast periods 2..11 (10) + slow periods 10..40 step 3 (11).
  EXPECT_EQ(res.features_computed, 10u + 11u);
  EXPECT_EQ(res.feature_lookups, 2 * res.rows.size());
  EXPECT_EQ(res.feature_hits, res.feature_lookups - res.features_computed);
  auto o = quiet();
  o.share_features = false;
  const auto own = bt::sweep(prototype(), g, market(), o);
  for (std::size_t i = 0; i < res.rows.size(); ++i)
    EXPECT_EQ(res.rows[i].metrics.sharpe, own.rows[i].metrics.sharpe);
}

TEST(Sweep, CancellationReturnsWhatFinished) {
  std::atomic<bool> stop{true};
  auto o = quiet();
  o.cancel = &stop;
  const auto res = bt::sweep(prototype(), small_grid(), market(), o);
  EXPECT_TRUE(res.cancelled);
  EXPECT_EQ(res.evaluated(), 0u);
  EXPECT_NE(res.summary().find("CANCELLED"), std::string::npos);
}

TEST(Sweep, MemoryBoundTopKOnlyAndPboSubsample) {
  auto o = quiet();
  o.keep_top = 3;
  o.pbo_memory_budget = 8 * 400 * 10;  // room for 10 columns of T = 400
  const auto res = bt::sweep(prototype(), small_grid(), market(), o);
  EXPECT_EQ(res.curves.size(), 3u);
  const auto top = res.top_k(3, bt::sweep_metric::sharpe);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(res.curves[k].variant, top[k]);
  EXPECT_TRUE(res.overfitting.pbo_subsampled);
  EXPECT_LE(res.overfitting.pbo_variants, 10u);
  EXPECT_TRUE(std::isfinite(res.overfitting.pbo));
  EXPECT_TRUE(std::isfinite(res.overfitting.dsr));
  // The work cap: C(8, 4) = 70 combinations (8!/(4! 4!), by hand) x 10 variants = 700.
  auto capped = quiet();
  capped.pbo_max_evaluations = 700;
  const auto thin = bt::sweep(prototype(), small_grid(), market(), capped);
  EXPECT_TRUE(thin.overfitting.pbo_subsampled);
  EXPECT_LE(thin.overfitting.pbo_variants, 10u);
  EXPECT_GE(thin.overfitting.pbo_variants, 2u);
  EXPECT_TRUE(std::isfinite(thin.overfitting.pbo));
  capped.pbo_max_evaluations = 71 * 10;  // one more than needed for 10: still at most 10
  EXPECT_LE(bt::sweep(prototype(), small_grid(), market(), capped).overfitting.pbo_variants, 10u);
  // The best's curve reproduces its streamed metrics (metrics::summarize: independent code).
  const auto sum = metrics::summarize(res.curves[0].returns);
  EXPECT_NEAR(res.rows[top[0]].metrics.sharpe, sum.sharpe, 1e-9);
  EXPECT_NEAR(res.rows[top[0]].metrics.max_drawdown, sum.max_drawdown, 1e-12);
  EXPECT_NEAR(res.rows[top[0]].metrics.sortino, sum.sortino, 1e-9);
  // Reports.
  const std::string csv = bt::sweep_csv(res);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), long(res.rows.size() + 1));
  EXPECT_NE(bt::sweep_json(res).find("\"features.0.period\""), std::string::npos);
}

}  // namespace
