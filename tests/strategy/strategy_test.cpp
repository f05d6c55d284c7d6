// alpha::strategy: params reflection, the walk-forward schedule (what a model sees and when),
// batch == streaming for the whole strategy, no look-ahead for the whole strategy, bad input.
#include "alpha/backtest/run.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/aux_input.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/labels/forward_return.hpp"
#include "alpha/models/ridge.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace {

using namespace alpha;

// --- Test policies, written here so the test depends only on the contracts. ---

/// Score -> weight: score / N (no state), so targets follow the signal directly.
struct equal_risk_sizer {
  struct params {
    double scale = 1.0;
  };
  equal_risk_sizer(const params& p, std::size_t n) : scale_(p.scale), n_(static_cast<double>(n)) {}
  void observe(const sizing::sizing_context&) {}
  void size(const combine::signal_slice& s, const sizing::sizing_context&, std::span<double> w) {
    for (std::size_t i = 0; i < w.size(); ++i)
      w[i] = std::isnan(s.score[i]) ? 0.0 : scale_ * s.score[i] / n_;
  }
  [[nodiscard]] std::size_t lookback() const { return 0; }
  void reset() {}
  double scale_, n_;
};

/// 5 bp of traded value.
struct five_bps {
  struct params {
    double bps = 5.0;
  };
  explicit five_bps(const params& p) : rate_(p.bps * 1e-4) {}
  [[nodiscard]] double cost(const costs::trade_context& t) const {
    return std::abs(t.traded_value) * rate_;
  }
  double rate_;
};

/// A model that records every call, to check the walk-forward schedule. Its one feature is the
/// bar index (fed through bar::aux), so an observed row tells which bar it comes from.
struct recording_model {
  struct params {
    std::size_t dummy = 0;
  };
  struct event {
    char what;         // 'o' observe, 'f' forget, 'F' fit
    double s;          // bar of the row (observe/forget)
    double y;          // label
    std::size_t rows;  // rows held after the call
  };
  recording_model(const params&, std::size_t) {}
  void observe(std::span<const double> x, double y) {
    ++rows_;
    log().push_back({'o', x[0], y, rows_});
  }
  void forget(std::span<const double> x, double y) {
    --rows_;
    log().push_back({'f', x[0], y, rows_});
  }
  void fit() {
    fitted_ = rows_ >= 3;
    log().push_back({'F', -1.0, 0.0, rows_});
  }
  void reset() { rows_ = 0; }
  [[nodiscard]] bool fitted() const { return fitted_; }
  [[nodiscard]] std::size_t training_rows() const { return rows_; }
  [[nodiscard]] double predict(std::span<const double> x) const {
    return fitted_ ? x[0] : alpha::nan;
  }
  static std::vector<event>& log() {
    static std::vector<event> events;
    return events;
  }
  std::size_t rows_ = 0;
  bool fitted_ = false;
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(equal_risk_sizer::params, scale);
BOOST_HANA_ADAPT_STRUCT(five_bps::params, bps);
BOOST_HANA_ADAPT_STRUCT(recording_model::params, dummy);

namespace {

using ridge_strategy = strategy<with::features<features::rsi, features::roc, features::aux_input>,
                                with::labeler<labels::forward_return>, with::model<models::ridge>,
                                with::sizer<equal_risk_sizer>, with::costs<five_bps>>;

using recording_strategy =
    strategy<with::costs<five_bps>, with::sizer<equal_risk_sizer>, with::model<recording_model>,
             with::features<features::aux_input>, with::labeler<labels::forward_return>>;

data::synthetic_market small_market(std::size_t assets, std::size_t days, std::uint64_t seed) {
  data::synthetic_config c;
  c.assets = assets;
  c.days = days;
  c.seed = seed;
  c.sectors = 2;
  c.planted_ic = 0.1;
  auto m = data::generate_market(c);
  m.bars.set_aux(m.signal);
  return m;
}

TEST(StrategyParams, ReflectsEverySlotAndReadsConfig) {
  ridge_strategy s;
  const std::string text = format_params(s.parameters());
  // Keys of every slot, with the policies' defaults (rsi 14, roc 10, ridge lambda 1, h = 1).
  EXPECT_NE(text.find("features.0.period=14"), std::string::npos) << text;
  EXPECT_NE(text.find("features.1.period=10"), std::string::npos) << text;
  EXPECT_NE(text.find("labeler.horizon=1"), std::string::npos) << text;
  EXPECT_NE(text.find("model.0.lambda=1"), std::string::npos) << text;
  EXPECT_NE(text.find("sizer.scale=1"), std::string::npos) << text;
  EXPECT_NE(text.find("costs.bps=5"), std::string::npos) << text;
  EXPECT_NE(text.find("walk_forward.refit_every=20"), std::string::npos) << text;

  read_params(s.parameters(), "model.0.lambda = 2.5\n# a comment\nwalk_forward.train_window=40");
  read_params_json(s.parameters(), R"({"features": {"0": {"period": 21}}, "costs": {"bps": 1.5}})");
  EXPECT_EQ(s.parameters().model[boost::hana::size_c<0>].lambda, 2.5);
  EXPECT_EQ(s.parameters().walk_forward.train_window, 40u);
  EXPECT_EQ(s.parameters().features[boost::hana::size_c<0>].period, 21u);
  EXPECT_EQ(s.parameters().costs.bps, 1.5);
  // Round trip: the printed text read into fresh params gives the same text.
  ridge_strategy t;
  std::string lines = format_params(s.parameters());
  for (auto& c : lines)
    if (c == ',') c = '\n';
  read_params(t.parameters(), lines);
  EXPECT_EQ(format_params(t.parameters()), format_params(s.parameters()));

  EXPECT_THROW(read_params(s.parameters(), "model.0.lambd=1"), config_error);
  EXPECT_THROW(read_params(s.parameters(), "walk_forward.refit_every=-3"), config_error);
  EXPECT_THROW(read_params_json(s.parameters(), R"({"costs": {"bps": 1.5})"), config_error);
  EXPECT_NE(ridge_strategy::type_name().find("alpha::with::model<alpha::models::ridge>"),
            std::string::npos)
      << ridge_strategy::type_name();
  EXPECT_EQ(s.feature_names()[0], "rsi[period=21]");
  EXPECT_EQ(s.feature_names()[2], "aux[]");
}

TEST(StrategyParams, ValidatesSchedule) {
  ridge_strategy::params p;
  p.walk_forward.refit_every = 0;
  EXPECT_THROW(ridge_strategy{p}, config_error);
}

// The walk-forward schedule, checked against the rules written out independently here: the row
// of bar s (label = close[s + h] / close[s] - 1) is observed at bar s + h, never before; with a
// rolling window of W label bars it is forgotten at bar s + h + W; fit() runs at every bar until
// the model is fitted, then at t % k == 0.
TEST(StrategySchedule, RowsEnterWhenLabelsAreKnownAndLeaveWithTheWindow) {
  const std::size_t N = 3, T = 60, h = 3, k = 7, W = 10;
  auto m = small_market(N, T, 5);
  // Feature = the bar index, so each observed row names its bar.
  panel<double> index(m.bars.close().shared_index(), m.bars.close().shared_assets());
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t j = 0; j < N; ++j) index(t, j) = static_cast<double>(t);
  m.bars.set_aux(index);
  recording_strategy::params p;
  p.labeler.horizon = h;
  p.walk_forward.refit_every = k;
  p.walk_forward.train_window = W;
  recording_model::log().clear();
  const auto out = backtest::run(recording_strategy(p), m.bars);

  const auto& close = m.bars.close();
  std::vector<std::size_t> observed_at(T, 0);
  std::size_t t = 0, fits = 0, observed = 0, forgotten = 0;
  bool fitted = false;
  // Replay the log bar by bar: per bar the strategy observes the new rows (N per bar from bar h
  // on), forgets the expired ones, then may fit.
  for (const auto& e : recording_model::log()) {
    if (e.what == 'o') {
      const auto s = static_cast<std::size_t>(e.s);
      const std::size_t j = observed % N;
      t = s + h;  // the bar this row must arrive at
      EXPECT_EQ(s, observed / N) << "rows arrive in bar order, one per asset";
      const double expected = close(s + h, j) / close(s, j) - 1.0;
      EXPECT_DOUBLE_EQ(e.y, expected) << "label of bar " << s << " asset " << j;
      ++observed;
    } else if (e.what == 'f') {
      const auto s = static_cast<std::size_t>(e.s);
      EXPECT_EQ(s + h + W, t) << "row of bar " << s << " forgotten at bar " << t;
      ++forgotten;
    } else {
      ++fits;
      EXPECT_LE(e.rows, W * N) << "the window holds at most W label bars";
      fitted = e.rows >= 3;
    }
  }
  EXPECT_EQ(observed, (T - h) * N);
  EXPECT_EQ(forgotten, (T - h - W) * N);
  EXPECT_TRUE(fitted);
  // fit() calls: every bar until fitted (bars 0..h: rows < 3 until bar h + 1 with N = 3 rows at
  // bar h; fitted at bar h), then bars with t % k == 0 after it.
  std::size_t expected_fits = h + 1;
  for (std::size_t b = h + 1; b < T; ++b) expected_fits += (b % k == 0) ? 1u : 0u;
  EXPECT_EQ(fits, expected_fits);
  // Before the first fit the strategy is flat; after it, the targets follow the signal.
  for (std::size_t b = 0; b < h; ++b)
    for (std::size_t j = 0; j < N; ++j) EXPECT_EQ(out.targets(b, j), 0.0);
}

// Batch (features and labels by the batch kernels) and streaming (one bar at a time through
// stepper::step) make the same decisions and the same book, bit for bit.
TEST(StrategyRun, BatchEqualsStreaming) {
  const auto m = small_market(8, 300, 11);
  ridge_strategy::params p;
  p.labeler.horizon = 2;
  p.walk_forward.refit_every = 10;
  p.walk_forward.train_window = 120;
  const ridge_strategy s(p);
  backtest::execution_params exec;
  const auto batch = backtest::run(s, m.bars, exec);

  backtest::stepper<ridge_strategy> live(s, m.bars.close().shared_assets(), exec);
  backtest::market_row row(m.bars.cols());
  std::size_t nonzero = 0;
  for (std::size_t t = 0; t < m.bars.rows(); ++t) {
    const auto targets = live.step(row.load(m.bars, t));
    for (std::size_t j = 0; j < m.bars.cols(); ++j) {
      ASSERT_EQ(targets[j], batch.targets(t, j)) << "bar " << t << " asset " << j;
      nonzero += targets[j] != 0.0;
    }
  }
  EXPECT_GT(nonzero, m.bars.rows() * m.bars.cols() / 2) << "the test must exercise real trades";
  const auto streamed = std::move(live).result();
  ASSERT_EQ(streamed.equity.size(), batch.book.equity.size());
  for (std::size_t t = 0; t < streamed.equity.size(); ++t)
    ASSERT_EQ(streamed.equity[t], batch.book.equity[t]) << "bar " << t;
  EXPECT_EQ(streamed.fills.size(), batch.book.fills.size());
}

// Perturbing every bar after t0 (prices and the auxiliary signal) leaves every decision up to t0
// and the equity up to t0 unchanged. (With next-open fills, the fill of the t0 decision happens
// at the open of t0 + 1 and legitimately moves with it.)
TEST(StrategyRun, NoLookAheadForTheWholeStrategy) {
  const auto m = small_market(6, 250, 3);
  ridge_strategy::params p;
  p.walk_forward.refit_every = 5;
  const ridge_strategy s(p);
  const auto base = backtest::run(s, m.bars);
  for (const std::size_t t0 : {60u, 140u, 220u}) {
    auto changed = m.bars;
    const std::size_t T = changed.rows();
    for (std::size_t t = t0 + 1; t < T; ++t)
      for (std::size_t j = 0; j < changed.cols(); ++j) {
        const double f = 1.0 + 0.05 * std::sin(static_cast<double>(7 * t + 3 * j));
        const auto ti = static_cast<Eigen::Index>(t), ji = static_cast<Eigen::Index>(j);
        changed.open_values()(ti, ji) *= f;
        changed.high_values()(ti, ji) *= f * 1.01;
        changed.low_values()(ti, ji) *= f * 0.99;
        changed.close_values()(ti, ji) *= f;
        changed.volume_values()(ti, ji) *= 2.0;
      }
    panel<double> aux = *changed.aux();
    for (std::size_t t = t0 + 1; t < T; ++t)
      for (std::size_t j = 0; j < changed.cols(); ++j) aux(t, j) = -aux(t, j);
    changed.set_aux(aux);
    const auto other = backtest::run(s, changed);
    std::size_t differ_after = 0;
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t j = 0; j < changed.cols(); ++j) {
        if (t <= t0)
          ASSERT_EQ(other.targets(t, j), base.targets(t, j)) << "t0 " << t0 << " bar " << t;
        else
          differ_after += other.targets(t, j) != base.targets(t, j);
      }
    for (std::size_t t = 0; t <= t0; ++t) ASSERT_EQ(other.book.equity[t], base.book.equity[t]);
    EXPECT_GT(differ_after, 0u) << "the perturbation must reach the later decisions";
  }
}

TEST(StrategyRun, BadInput) {
  const ridge_strategy s;
  EXPECT_THROW(backtest::run(s, ohlcv_panel{}), shape_error);
  const auto m = small_market(3, 40, 1);
  backtest::stepper<ridge_strategy> live(s, m.bars.close().shared_assets());
  backtest::market_row row(3);
  EXPECT_THROW(live.step(row.load(m.bars, 1)), config_error);  // bar 0 must come first
  backtest::market_row wrong(2);
  EXPECT_THROW(live.step(wrong.view(0, m.bars.index()[0])), shape_error);
  // Fewer bars than the warm-up (RSI 14) plus the horizon: config_error naming the market.
  const auto tiny = small_market(3, 15, 2);
  EXPECT_THROW(backtest::run(s, tiny.bars), config_error);
  // A feature set needing the auxiliary input on bars without one: shape_error naming "aux".
  auto plain = m.bars;
  ohlcv_panel no_aux(plain.open(), plain.high(), plain.low(), plain.close(), plain.volume());
  try {
    (void)backtest::run(s, no_aux);
    ADD_FAILURE() << "expected shape_error";
  } catch (const shape_error& e) {
    EXPECT_NE(std::string(e.what()).find("aux"), std::string::npos) << e.what();
  }
}

}  // namespace
