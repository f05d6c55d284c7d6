/// @file
/// Running a strategy: `backtest::run` (batch: features and labels by the batch kernels, then
/// one decision per bar) and `backtest::stepper` (streaming: one bar of every asset at a time).
/// Both drive an execution book (event_book by default) with the same per-bar protocol:
///
///   book.open_bar(slice_t);                  // orders decided at close t-1 fill at the open
///   equity_t = book.mark_to_close(slice_t);  // marked at close t
///   state.decide(slice_t, inputs_t, w_t);    // the strategy's decision at close t
///   book.decide(slice_t, w_t);               // orders (filled now with fill_at::this_close)
///   book.close_bar(slice_t);                 // records bar t
///
/// so a whole history fed through `stepper::step` gives bit-identical targets and equity to
/// `run` (the indicators' and labelers' batch kernels are bit-equal to their streaming forms).
#pragma once

#include "alpha/backtest/event_driven.hpp"
#include "alpha/backtest/execution.hpp"
#include "alpha/backtest/market.hpp"
#include "alpha/backtest/result.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/backtest/strategy_state.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/parallel.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::strategy_run {

template <class S>
typename S::costs_type make_costs(const S& s) {
  return typename S::costs_type(s.parameters().costs);
}

/// Row-by-row reader of every OHLCV field (and aux) for the batch loop: panels are column-major,
/// so it transposes blocks of 16 rows at a time (every cache line read serves 16 rows). Rows must
/// be loaded in increasing order; a slice is valid until the next load(). O(N) per row.
class blocked_market_rows {
 public:
  static constexpr std::size_t block = 16;
  explicit blocked_market_rows(const ohlcv_panel& p)
      : p_(&p), n_(p.cols()), aux_(p.has_aux()), buf_((aux_ ? 6 : 5) * block * n_) {}

  ::alpha::backtest::market_slice load(std::size_t t) {
    if (t < first_ || t >= first_ + rows_) fill(t);
    const std::size_t b = t - first_;
    const auto field = [&](std::size_t k) {
      return std::span<const double>(buf_).subspan((k * block + b) * n_, n_);
    };
    ::alpha::backtest::market_slice s;
    s.bar = t;
    s.time = p_->index()[t];
    s.open = field(0);
    s.high = field(1);
    s.low = field(2);
    s.close = field(3);
    s.volume = field(4);
    if (aux_) s.aux = field(5);
    return s;
  }

 private:
  void fill(std::size_t t) {
    first_ = t;
    rows_ = std::min(block, p_->rows() - t);
    const std::size_t total = p_->rows();
    const auto copy = [&](const panel<double>& f, std::size_t k) {
      const double* data = f.values().data();
      double* out = buf_.data() + k * block * n_;
      for (std::size_t j = 0; j < n_; ++j) {
        const double* col = data + j * total + t;
        for (std::size_t b = 0; b < rows_; ++b) out[b * n_ + j] = col[b];
      }
    };
    copy(p_->open(), 0);
    copy(p_->high(), 1);
    copy(p_->low(), 2);
    copy(p_->close(), 3);
    copy(p_->volume(), 4);
    if (aux_) copy(*p_->aux(), 5);
  }

  const ohlcv_panel* p_;
  std::size_t n_;
  bool aux_;
  std::vector<double> buf_;
  std::size_t first_ = 0, rows_ = 0;
};

/// Copies a time-major T x N buffer into a (column-major) panel, in blocks of rows. O(T N).
inline void store_time_major(const std::vector<double>& rows, panel<double>& out) {
  const std::size_t T = out.rows(), N = out.cols();
  double* data = out.values().data();
  constexpr std::size_t block = 16;
  for (std::size_t t0 = 0; t0 < T; t0 += block) {
    const std::size_t t1 = std::min(T, t0 + block);
    for (std::size_t j = 0; j < N; ++j)
      for (std::size_t t = t0; t < t1; ++t) data[j * T + t] = rows[t * N + j];
  }
}

inline void check_run_panel(const ohlcv_panel& market) {
  if (market.rows() == 0 || market.cols() == 0)
    throw shape_error("backtest::run: the market panel is empty (" + std::to_string(market.rows()) +
                      " bars x " + std::to_string(market.cols()) + " assets)");
}

}  // namespace detail::strategy_run

namespace backtest {

/// What a run returns: the book's result, the decisions (row t = target weights decided at
/// close t), the combined (calibrated) score behind them (row t = the signal at close t, NaN
/// before the models are fitted or where an asset has no score), and the feature names.
struct strategy_run {
  backtest_result book;
  panel<double> targets;
  panel<double> scores;
  std::vector<std::string> feature_names;
};

/// Runs strategy `s` over `market` with the event-driven engine under `exec`. Features and
/// labels come from the batch kernels (parallel across assets, deterministic), decisions from
/// strategy_state::decide, bar by bar (see the file comment). Errors: shape_error for an empty
/// market or a feature field the bars lack (e.g. "aux"); config_error when the market has no more
/// bars than the features' warm-up plus the label horizon (no decision could be made); the
/// book's data_error for a bad price on a traded asset (execution_params::on_bad_price).
/// O(T x N x (F + per-bar policy costs)); memory O(T x N x F).
template <class S>
strategy_run run(const S& s, const ohlcv_panel& market, const execution_params& exec = {}) {
  ::alpha::detail::strategy_run::check_run_panel(market);
  using features_type = typename S::features_type;
  constexpr std::size_t F = features_type::width;
  const std::size_t T = market.rows(), N = market.cols();
  const auto& p = s.parameters();

  strategy_state<S> state(s, N);
  const std::size_t h = state.horizon();
  const std::size_t warm_up = typename features_type::state(p.features).lookback();
  if (T <= warm_up + h)
    throw config_error("market", "the market has " + std::to_string(T) +
                                     " bars, but the features need " + std::to_string(warm_up) +
                                     " bars of warm-up and the labels " + std::to_string(h) +
                                     " more before the first training row: no decision could "
                                     "be made");

  // Features and labels by the batch kernels, one task per asset, stored time-major (row t of
  // every asset contiguous: features at (t N + j) F + f, labels at t N + j) so that the bar
  // loop below reads each bar's cross-section without a gather.
  std::vector<double> features(T * N * F), labels(S::has_labeler ? T * N : 0);
  parallel_for_each_index(N, [&](std::size_t j) {
    const bar_series bars = market.asset(j);
    std::vector<double> column_major(T * F), asset_labels(S::has_labeler ? T : 0);
    features_type::batch(p.features, bars, column_major);
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t f = 0; f < F; ++f) features[(t * N + j) * F + f] = column_major[f * T + t];
    if constexpr (S::has_labeler) {
      S::labeler_type::batch(p.labeler, bars, asset_labels);
      for (std::size_t t = 0; t < T; ++t) labels[t * N + j] = asset_labels[t];
    }
  });

  event_book<typename S::costs_type> book(market.close().shared_assets(),
                                          ::alpha::detail::strategy_run::make_costs(s), exec);
  ::alpha::detail::strategy_run::blocked_market_rows reader(market);
  std::vector<double> no_labels(N, nan), decisions(T * N), scores(T * N);
  double peak = exec.initial_capital;

  for (std::size_t t = 0; t < T; ++t) {
    const market_slice m = reader.load(t);
    const std::span<double> targets(decisions.data() + t * N, N);
    book.open_bar(m);
    const double equity = book.mark_to_close(m);
    peak = std::max(peak, equity);
    const std::span<const double> rows(features.data() + t * N * F, N * F);
    std::span<const double> past_rows, past_labels;
    if (t >= h) {
      past_rows = std::span<const double>(features.data() + (t - h) * N * F, N * F);
      past_labels = S::has_labeler ? std::span<const double>(labels.data() + (t - h) * N, N)
                                   : std::span<const double>(no_labels);
    }
    const decision_inputs in{rows, past_rows, past_labels, book.marked_weights(), equity, peak};
    state.decide(m, in, targets);
    book.decide(m, targets);
    book.close_bar(m);
    if (state.fitted())
      std::copy(state.signal().score.begin(), state.signal().score.end(),
                scores.begin() + static_cast<std::ptrdiff_t>(t * N));
    else
      std::fill_n(scores.begin() + static_cast<std::ptrdiff_t>(t * N), N, nan);
  }
  strategy_run out{std::move(book).result(),
                   panel<double>(market.close().shared_index(), market.close().shared_assets()),
                   panel<double>(market.close().shared_index(), market.close().shared_assets()),
                   s.feature_names()};
  ::alpha::detail::strategy_run::store_time_major(decisions, out.targets);
  ::alpha::detail::strategy_run::store_time_major(scores, out.scores);
  return out;
}

/// The streaming form of `run`: feed one bar of every asset at a time (`step`), get the target
/// weights decided at its close; the book (orders, fills, equity) advances with it. Feeding a
/// whole history gives bit-identical targets and equity to `run` (tested). O(N x (F + per-bar
/// policy costs)) per step; memory O(N x F x horizon).
template <class S>
class stepper {
 public:
  using features_type = typename S::features_type;
  static constexpr std::size_t F = features_type::width;

  stepper(const S& s, std::shared_ptr<const asset_list> assets, const execution_params& exec = {})
      : s_(s),
        n_(checked_assets(assets)),
        state_(s_, n_),
        h_(state_.horizon()),
        book_(std::move(assets), ::alpha::detail::strategy_run::make_costs(s_), exec),
        rows_(n_ * F),
        past_rows_(n_ * F, nan),
        past_labels_(n_, nan),
        ring_((h_ + 1) * n_ * F, nan),
        targets_(n_, 0.0),
        peak_(exec.initial_capital) {
    const auto& p = s_.parameters();
    features_.reserve(n_);
    for (std::size_t j = 0; j < n_; ++j) features_.emplace_back(p.features);
    if constexpr (S::has_labeler) {
      labelers_.reserve(n_);
      for (std::size_t j = 0; j < n_; ++j) labelers_.emplace_back(p.labeler);
    }
  }

  /// Feeds bar `m.bar` (which must be the next bar: 0, 1, 2, ...) of every asset; returns the
  /// target weights decided at its close (one per asset). shape_error on a wrong asset count,
  /// config_error on a bar out of sequence.
  std::span<const double> step(const market_slice& m) {
    if (m.assets() != n_)
      throw shape_error("stepper::step: the slice has " + std::to_string(m.assets()) +
                        " assets, the stepper " + std::to_string(n_));
    if (m.bar != next_)
      throw config_error("bar", "stepper::step expected bar " + std::to_string(next_) + ", got " +
                                    std::to_string(m.bar));
    const std::size_t t = next_++;
    book_.open_bar(m);
    const double equity = book_.mark_to_close(m);
    peak_ = std::max(peak_, equity);
    double* ring_row = ring_.data() + (t % (h_ + 1)) * n_ * F;
    for (std::size_t j = 0; j < n_; ++j) {
      const bar b = m.at(j);
      features_[j].update(b);
      features_[j].read(std::span<double>(rows_).subspan(j * F, F));
      if constexpr (S::has_labeler) past_labels_[j] = labelers_[j].update(b);
    }
    std::copy(rows_.begin(), rows_.end(), ring_row);
    if (t >= h_) {
      const double* past = ring_.data() + ((t - h_) % (h_ + 1)) * n_ * F;
      std::copy(past, past + n_ * F, past_rows_.begin());
    }
    const decision_inputs in{rows_,  past_rows_, past_labels_, book_.marked_weights(),
                             equity, peak_};
    state_.decide(m, in, targets_);
    book_.decide(m, targets_);
    book_.close_bar(m);
    return targets_;
  }

  /// The execution book (positions, cash, equity so far).
  [[nodiscard]] const event_book<typename S::costs_type>& book() const noexcept { return book_; }
  /// The strategy state (signals, fitted models).
  [[nodiscard]] const strategy_state<S>& state() const noexcept { return state_; }
  /// Bars fed so far.
  [[nodiscard]] std::size_t bars() const noexcept { return next_; }
  /// The book's result so far (the stepper is consumed).
  [[nodiscard]] backtest_result result() && { return std::move(book_).result(); }

 private:
  static std::size_t checked_assets(const std::shared_ptr<const asset_list>& a) {
    if (!a || a->size() == 0) throw config_error("assets", "a stepper needs at least one asset");
    return a->size();
  }

  S s_;
  std::size_t n_;
  strategy_state<S> state_;
  std::size_t h_;
  event_book<typename S::costs_type> book_;
  std::vector<typename features_type::state> features_;
  using labeler_or_none = std::conditional_t<S::has_labeler, typename S::labeler_type, no_labeler>;
  std::vector<labeler_or_none> labelers_;
  std::vector<double> rows_, past_rows_, past_labels_, ring_, targets_;
  double peak_;
  std::size_t next_ = 0;
};

}  // namespace backtest
ALPHA_END_NAMESPACE
