// Cross-asset features (asset vs benchmark through PairIndicator, sector momentum) and order-book
// features: hand-worked values, naive long-double re-implementations (two-pass OLS), errors, and
// the laws suite through a pair-to-bar adapter.
#include "alpha/core/book.hpp"
#include "alpha/features/cross_asset/against_aux.hpp"
#include "alpha/features/cross_asset/benchmark_beta.hpp"
#include "alpha/features/cross_asset/benchmark_relative_strength.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/cross_asset/residual_return.hpp"
#include "alpha/features/cross_asset/sector_momentum.hpp"
#include "alpha/features/microstructure/book_features.hpp"
#include "alpha/features/ta/run.hpp"
#include "alpha/features/ts_reflect.hpp"

#include "features/laws.hpp"
#include "features_ts/ts_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace af = alpha::features;
using ts_test::close_rel;
using ld = long double;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

// Asset and benchmark price paths with correlated returns (corr ~0.6), deterministic in seed.
struct pair_paths {
  std::vector<double> asset, bench;
};
pair_paths make_pair_paths(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  pair_paths p;
  double a = 50, b = 1000;
  for (std::size_t i = 0; i < n; ++i) {
    const double m = z(gen), e = z(gen);
    b *= std::exp(0.01 * m);
    a *= std::exp(0.012 * (0.6 * m + 0.8 * e));
    p.asset.push_back(a);
    p.bench.push_back(b);
  }
  return p;
}

std::vector<ld> simple_returns(const std::vector<double>& x) {
  std::vector<ld> r{0};
  for (std::size_t t = 1; t < x.size(); ++t) r.push_back(ld(x[t]) / x[t - 1] - 1);
  return r;
}

// The laws suite takes Indicator types: this adapter makes a pair feature a bar indicator
// reading the asset from the close and the benchmark from the open.
template <class P>
struct pair_as_bar {
  using params = typename P::params;
  static constexpr auto output_names = P::output_names;
  static constexpr af::input_fields inputs = af::input_fields::open | af::input_fields::close;
  explicit pair_as_bar(const params& p) : f(p) {}
  void update(const alpha::bar& b) { f.update(b.close, b.open); }
  [[nodiscard]] double value() const { return f.value(); }
  [[nodiscard]] bool ready() const { return f.ready(); }
  [[nodiscard]] std::size_t lookback() const { return f.lookback(); }
  void reset() { f.reset(); }
  P f;
};

}  // namespace

static_assert(af::PairIndicator<af::benchmark_beta>);
static_assert(af::PairIndicator<af::benchmark_correlation>);
static_assert(af::PairIndicator<af::benchmark_relative_strength>);
static_assert(af::PairIndicator<af::residual_return>);
static_assert(!af::PairIndicator<int>);

// ---------------------------------------------------------------- beta, correlation

TEST(BenchmarkBetaCorrelation, TwoPassLongDouble) {
  const auto p = make_pair_paths(300, 1);
  const std::size_t w = 30;
  const auto beta = af::run_pair<af::benchmark_beta>({.window = w}, p.asset, p.bench)[0];
  const auto corr = af::run_pair<af::benchmark_correlation>({.window = w}, p.asset, p.bench)[0];
  const auto ra = simple_returns(p.asset), rb = simple_returns(p.bench);
  for (std::size_t t = 0; t < p.asset.size(); ++t) {
    if (t < w) {
      EXPECT_TRUE(std::isnan(beta[t]) && std::isnan(corr[t])) << t;
      continue;
    }
    const auto a = ts_test::slice(ra, t + 1 - w, t + 1), b = ts_test::slice(rb, t + 1 - w, t + 1);
    EXPECT_TRUE(close_rel(beta[t], double(ts_test::cov(a, b) / ts_test::var(b)), 1e-9)) << t;
    EXPECT_TRUE(close_rel(
        corr[t], double(ts_test::cov(a, b) / std::sqrt(ts_test::var(a) * ts_test::var(b))), 1e-9))
        << t;
  }
}

TEST(BenchmarkRelativeStrength, HandWorked) {
  // h = 1: asset 100 -> 110, benchmark 100 -> 105: 1.1 / 1.05 - 1; log: ln 1.1 - ln 1.05.
  const std::vector<double> a{100, 110}, b{100, 105};
  const auto s = af::run_pair<af::benchmark_relative_strength>({.horizon = 1}, a, b)[0];
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_NEAR(s[1], 1.1 / 1.05 - 1, 1e-15);
  const auto l = af::run_pair<af::benchmark_relative_strength>(
      {.horizon = 1, .kind = af::return_kind::log}, a, b)[0];
  EXPECT_NEAR(l[1], std::log(1.1) - std::log(1.05), 1e-15);
  // A pair with a NaN side is skipped: h counts complete pairs, the output repeats.
  const std::vector<double> an{100, 120, 110, 130}, bn{100, NaN, 105, NaN};
  const auto sn = af::run_pair<af::benchmark_relative_strength>({.horizon = 1}, an, bn)[0];
  EXPECT_TRUE(std::isnan(sn[1]));
  EXPECT_NEAR(sn[2], 1.1 / 1.05 - 1, 1e-15);
  EXPECT_EQ(sn[3], sn[2]);
}

TEST(ResidualReturn, BetaFromThePastOnly) {
  const auto p = make_pair_paths(250, 2);
  const std::size_t w = 20;
  const auto e = af::run_pair<af::residual_return>({.window = w}, p.asset, p.bench)[0];
  const auto ei =
      af::run_pair<af::residual_return>({.window = w, .with_intercept = true}, p.asset, p.bench)[0];
  const auto ra = simple_returns(p.asset), rb = simple_returns(p.bench);
  for (std::size_t t = 0; t < p.asset.size(); ++t) {
    if (t < w + 1) {
      EXPECT_TRUE(std::isnan(e[t]) && std::isnan(ei[t])) << t;
      continue;
    }
    // OLS of ra on rb over returns t-w .. t-1 (bars up to t-1), applied to the return at t.
    const auto a = ts_test::slice(ra, t - w, t), b = ts_test::slice(rb, t - w, t);
    const ld beta = ts_test::cov(a, b) / ts_test::var(b);
    const ld alpha = ts_test::mean(a) - beta * ts_test::mean(b);
    EXPECT_TRUE(close_rel(e[t], double(ra[t] - beta * rb[t]), 1e-8, 1e-4)) << t;
    EXPECT_TRUE(close_rel(ei[t], double(ra[t] - alpha - beta * rb[t]), 1e-8, 1e-4)) << t;
  }
}

TEST(PairDrivers, BenchmarkMissingOrMisaligned) {
  const auto p = make_pair_paths(100, 3);
  const std::vector<double> empty;
  try {
    (void)af::run_pair<af::benchmark_beta>({.window = 10}, p.asset, empty);
    ADD_FAILURE() << "no error for an empty benchmark";
  } catch (const alpha::shape_error& err) {
    EXPECT_NE(std::string(err.what()).find("benchmark series is empty"), std::string::npos)
        << err.what();
  }
  const std::span<const double> shorter(p.bench.data(), 99);
  EXPECT_THROW((void)af::run_pair<af::residual_return>({.window = 10}, p.asset, shorter),
               alpha::shape_error);
  // Too short for the warm-up: config_error, not a silent all-NaN output.
  const std::span<const double> a5(p.asset.data(), 5), b5(p.bench.data(), 5);
  EXPECT_THROW((void)af::run_pair<af::benchmark_beta>({.window = 10}, a5, b5), alpha::config_error);
  // Panel driver: every column against the benchmark equals run_pair on that column.
  const auto q = make_pair_paths(100, 4);
  alpha::panel<double>::array_type vals(100, 2);
  for (Eigen::Index t = 0; t < 100; ++t) {
    vals(t, 0) = p.asset[static_cast<std::size_t>(t)];
    vals(t, 1) = q.asset[static_cast<std::size_t>(t)];
  }
  std::vector<alpha::timestamp> times;
  for (std::int64_t i = 0; i < 100; ++i) times.emplace_back(i * 86'400'000'000LL);
  const alpha::panel<double> assets(alpha::time_index(times), alpha::asset_list{"A", "B"}, vals);
  const auto out = af::run_against<af::benchmark_correlation>({.window = 15}, assets, p.bench);
  const auto col_b = af::run_pair<af::benchmark_correlation>({.window = 15}, q.asset, p.bench)[0];
  for (std::size_t t = 0; t < 100; ++t) EXPECT_TRUE(close_rel(out(t, 1), col_b[t], 0.0));
  EXPECT_THROW((void)af::run_against<af::benchmark_correlation>({.window = 15}, assets, empty),
               alpha::shape_error);
  EXPECT_THROW(af::benchmark_beta({.window = 1}), alpha::config_error);
  EXPECT_THROW(af::residual_return({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::benchmark_relative_strength({.horizon = 0}), alpha::config_error);
  EXPECT_THROW(af::benchmark_correlation({.window = 5, .kind = static_cast<af::return_kind>(3)}),
               alpha::config_error);
}

TEST(AgainstAux, BenchmarkFromTheAuxiliaryField) {
  const auto p = make_pair_paths(120, 5);
  af::series_input in;
  in.close = p.asset;
  in.aux = p.bench;
  static_assert(af::BarIndicator<af::against_aux<af::residual_return>>);
  const auto got = af::run<af::against_aux<af::residual_return>>({.window = 20}, in)[0];
  const auto want = af::run_pair<af::residual_return>({.window = 20}, p.asset, p.bench)[0];
  for (std::size_t t = 0; t < got.size(); ++t) EXPECT_TRUE(close_rel(got[t], want[t], 0.0)) << t;
  // Bars without an auxiliary field: the benchmark is missing -> shape_error naming "aux".
  af::series_input no_aux;
  no_aux.close = p.asset;
  try {
    (void)af::run<af::against_aux<af::benchmark_beta>>({.window = 20}, no_aux);
    ADD_FAILURE() << "no error without a benchmark";
  } catch (const alpha::shape_error& e) {
    EXPECT_NE(std::string(e.what()).find("aux"), std::string::npos) << e.what();
  }
}

TEST(TimeSeriesFeatures, ParamsAreReflected) {
  af::period_return::params p;
  alpha::read_params(p, "horizon = 20; kind = 1");
  EXPECT_EQ(p.horizon, 20u);
  EXPECT_EQ(p.kind, af::return_kind::log);
  EXPECT_NE(alpha::format_params(p).find("horizon"), std::string::npos);
  af::vpin::params v;
  alpha::read_params(v, "bucket_volume = 2500\nbuckets = 10\nsigma_window = 30");
  EXPECT_EQ(v.bucket_volume, 2500.0);
  EXPECT_EQ(v.buckets, 10u);
  EXPECT_EQ(alpha::param_count(af::yang_zhang_volatility::params{}), 2u);
  EXPECT_EQ(alpha::param_count(af::sector_momentum_params{}), 4u);
  EXPECT_THROW(alpha::read_params(p, "window = 3"), alpha::config_error);  // no such key
}

// ---------------------------------------------------------------- sector momentum

TEST(SectorMomentum, HandWorkedPanel) {
  // Four assets, two sectors (tech: A, B; energy: C, D), h = 1. Rows:
  //   t0: 100 100 100 100
  //   t1: 110  90 100 120   returns A +.10, B -.10, C 0, D +.20
  //   t2: 121 NaN 105 120   returns A +.10, B NaN,  C +.05, D 0
  alpha::panel<double>::array_type v(3, 4);
  v << 100, 100, 100, 100, 110, 90, 100, 120, 121, NaN, 105, 120;
  std::vector<alpha::timestamp> times{alpha::timestamp(0), alpha::timestamp(86'400'000'000LL),
                                      alpha::timestamp(2 * 86'400'000'000LL)};
  const alpha::panel<double> close(alpha::time_index(times), alpha::asset_list{"A", "B", "C", "D"},
                                   v);
  const alpha::data::sector_map map(
      {{"A", "tech", "", 0}, {"B", "tech", "", 0}, {"C", "energy", "", 0}, {"D", "energy", "", 0}});
  const auto sm = af::sector_momentum(close, map, {.window = 1});
  for (std::size_t j = 0; j < 4; ++j) EXPECT_TRUE(std::isnan(sm(0, j)));
  EXPECT_NEAR(sm(1, 0), 0.0, 1e-15);  // tech (.10 - .10) / 2
  EXPECT_NEAR(sm(1, 1), 0.0, 1e-15);
  EXPECT_NEAR(sm(1, 2), 0.10, 1e-15);  // energy (0 + .20) / 2
  EXPECT_NEAR(sm(1, 3), 0.10, 1e-15);
  EXPECT_NEAR(sm(2, 0), 0.10, 1e-15);  // tech: B is NaN, left out -> A alone
  EXPECT_NEAR(sm(2, 1), 0.10, 1e-15);  // B gets its sector's value
  EXPECT_NEAR(sm(2, 2), 0.025, 1e-15);
  // Leave-one-out: each asset sees its peers only.
  const auto lo = af::sector_momentum(close, map, {.window = 1, .exclude_self = true});
  EXPECT_NEAR(lo(1, 0), -0.10, 1e-15);
  EXPECT_NEAR(lo(1, 1), 0.10, 1e-15);
  EXPECT_NEAR(lo(1, 3), 0.0, 1e-15);
  EXPECT_TRUE(std::isnan(lo(2, 0)));  // A's only peer B is NaN
  EXPECT_NEAR(lo(2, 1), 0.10, 1e-15);
  // min_assets = 2: tech at t2 has one valid return -> NaN.
  const auto m2 = af::sector_momentum(close, map, {.window = 1, .min_assets = 2});
  EXPECT_TRUE(std::isnan(m2(2, 0)));
  EXPECT_NEAR(m2(2, 2), 0.025, 1e-15);
  // h = 2, log: tech at t2 = ln(121/100) (B NaN), energy = (ln 1.05 + ln 1.2) / 2.
  const auto lg = af::sector_momentum(close, map, {.window = 2, .kind = af::return_kind::log});
  EXPECT_TRUE(std::isnan(lg(1, 0)));
  EXPECT_NEAR(lg(2, 1), std::log(1.21), 1e-15);
  EXPECT_NEAR(lg(2, 3), (std::log(1.05) + std::log(1.2)) / 2, 1e-15);
  // No look-ahead: changing the last row leaves rows 0..1 unchanged.
  alpha::panel<double> changed = close;
  changed(2, 0) = 50;
  changed(2, 2) = NaN;
  const auto sc = af::sector_momentum(changed, map, {.window = 1});
  for (std::size_t t = 0; t < 2; ++t)
    for (std::size_t j = 0; j < 4; ++j) EXPECT_TRUE(close_rel(sc(t, j), sm(t, j), 0.0));
  EXPECT_NEAR(sc(2, 2), 0.0, 1e-15);  // energy at t2: D alone (0)
  // A symbol missing from the sector map: data_error naming it.
  const alpha::data::sector_map partial({{"A", "tech", "", 0}, {"B", "tech", "", 0}});
  try {
    (void)af::sector_momentum(close, partial, {.window = 1});
    ADD_FAILURE() << "no error for a missing symbol";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "C");
  }
  EXPECT_THROW((void)af::sector_momentum(close, map, {.window = 0}), alpha::config_error);
  EXPECT_THROW((void)af::sector_momentum(close, map, {.window = 1, .min_assets = 0}),
               alpha::config_error);
}

// ---------------------------------------------------------------- order book

TEST(BookFeatures, HandWorked) {
  // Bids 99.9 x 300, 99.8 x 500, 99.7 x 200; asks 100.1 x 100, 100.2 x 400.
  const alpha::book_snapshot s(alpha::timestamp(0), {{99.9, 300}, {99.8, 500}, {99.7, 200}},
                               {{100.1, 100}, {100.2, 400}});
  EXPECT_NO_THROW(s.validate());
  EXPECT_NEAR(af::book_imbalance(s), (300.0 - 100) / 400, 1e-15);
  EXPECT_NEAR(af::book_imbalance(s, 2), (800.0 - 500) / 1300, 1e-15);
  // k beyond the asks' depth uses what there is: (1000 - 500) / 1500.
  EXPECT_NEAR(af::book_imbalance(s, 5), 500.0 / 1500, 1e-15);
  // Microprice (100.1 * 300 + 99.9 * 100) / 400 = 100.05: closer to the ask (bid-heavy book).
  EXPECT_NEAR(af::microprice(s), 100.05, 1e-12);
  EXPECT_NEAR(af::mid_price(s), 100.0, 1e-12);
  EXPECT_NEAR(af::quoted_spread(s), 0.2, 1e-12);
  EXPECT_NEAR(af::quoted_spread_bps(s), 20.0, 1e-9);
  EXPECT_EQ(af::book_depth(s), 400.0);
  EXPECT_EQ(af::book_depth(s, 2, af::book_side::bid), 800.0);
  EXPECT_EQ(af::book_depth(s, 3, af::book_side::ask), 500.0);
  EXPECT_NEAR(af::book_depth(s, 1, af::book_side::both, true), 99.9 * 300 + 100.1 * 100, 1e-9);
  // Top of book; one-sided books give NaN; k = 0 is a config_error.
  const auto q = alpha::book_snapshot::top_of_book(alpha::timestamp(0), 10, 5, 10.02, 15);
  EXPECT_NEAR(af::book_imbalance(q), -0.5, 1e-15);
  const alpha::book_snapshot one_sided(alpha::timestamp(0), {{10, 5}}, {});
  EXPECT_TRUE(std::isnan(af::book_imbalance(one_sided)));
  EXPECT_TRUE(std::isnan(af::microprice(one_sided)));
  EXPECT_TRUE(std::isnan(af::quoted_spread_bps(one_sided)));
  EXPECT_EQ(af::book_depth(one_sided), 5.0);
  EXPECT_THROW((void)af::book_imbalance(s, 0), alpha::config_error);
  EXPECT_THROW((void)af::book_depth(s, 0), alpha::config_error);
}

TEST(BookSnapshot, ValidateRejectsMalformedBooks) {
  const alpha::timestamp t0(0);
  EXPECT_THROW(alpha::book_snapshot(t0, {{100, 1}}, {{100, 1}}).validate(), alpha::data_error);
  EXPECT_THROW(alpha::book_snapshot(t0, {{101, 1}}, {{100, 1}}).validate(), alpha::data_error);
  EXPECT_THROW(alpha::book_snapshot(t0, {{99, 1}, {99.5, 1}}, {{100, 1}}).validate(),
               alpha::data_error);
  EXPECT_THROW(alpha::book_snapshot(t0, {{99, 1}}, {{100, 1}, {100, 2}}).validate(),
               alpha::data_error);
  EXPECT_THROW(alpha::book_snapshot(t0, {{99, -1}}, {{100, 1}}).validate(), alpha::data_error);
  EXPECT_THROW(alpha::book_snapshot(t0, {{NaN, 1}}, {{100, 1}}).validate(), alpha::data_error);
  try {
    alpha::book_snapshot(t0, {{99, 1}, {99.5, 1}}, {{100, 1}}).validate();
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.why()).find("bid level 1"), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------- laws (pair adapter)

namespace alpha_test {
template <class P>
struct pair_traits_base {
  // Bars whose open is an independent-ish benchmark path (returns correlated with the close's).
  static ohlcv_data input(std::size_t n, std::uint64_t seed) {
    ohlcv_data d = random_bars(n, seed);
    const auto p = make_pair_paths(n, seed + 50);
    for (std::size_t i = 0; i < n; ++i) d.open[i] = p.bench[i];
    return d;
  }
};
template <>
struct indicator_traits<pair_as_bar<af::benchmark_beta>> : pair_traits_base<af::benchmark_beta> {
  static af::benchmark_beta::params params() { return {.window = 20}; }
};
template <>
struct indicator_traits<pair_as_bar<af::benchmark_correlation>>
    : pair_traits_base<af::benchmark_correlation> {
  static af::benchmark_correlation::params params() { return {.window = 20}; }
};
template <>
struct indicator_traits<pair_as_bar<af::benchmark_relative_strength>>
    : pair_traits_base<af::benchmark_relative_strength> {
  static af::benchmark_relative_strength::params params() { return {.horizon = 10}; }
};
template <>
struct indicator_traits<pair_as_bar<af::residual_return>> : pair_traits_base<af::residual_return> {
  static af::residual_return::params params() { return {.window = 20, .with_intercept = true}; }
};
}  // namespace alpha_test

using CrossAssetTypes =
    ::testing::Types<pair_as_bar<af::benchmark_beta>, pair_as_bar<af::benchmark_correlation>,
                     pair_as_bar<af::benchmark_relative_strength>,
                     pair_as_bar<af::residual_return>>;
INSTANTIATE_TYPED_TEST_SUITE_P(CrossAsset, IndicatorLaws, CrossAssetTypes);
