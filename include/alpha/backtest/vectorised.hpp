/// @file
/// The vectorised daily engine: holdings kept as currency values per asset, drifting with
/// close-to-close returns, rebalanced to the target weights at the decision close
/// (vector_book, run_vectorised).
///
/// Model. Weights w_t decided with data up to close t are traded at close t and earn the
/// close-to-close returns from t to t+1. With h_{t,j} the value held in asset j and E_t the
/// equity, at each bar t:
///   drift      h_{t,j}^- = h_{t-1,j} x close_{t,j} / close_{t-1,j}   (weights drift with prices
///              between rebalances; a bar without a decision leaves the drifted holdings alone)
///   mark       E_t^- = cash + sum_j h_{t,j}^-
///   rebalance  traded value d_j = w_{t,j} E_t^- - h_{t,j}^-  (|w_t - w_t^drifted| x E_t^-),
///              cost_j = C(d_j), h_{t,j} = w_{t,j} E_t^-, cash -= sum_j (d_j + cost_j)
///   record     E_t = E_t^- - sum_j cost_j
/// so  E_{t+1} = E_t + sum_j h_{t,j} r_{t+1,j} - costs_{t+1}: the same ledger as the
/// event-driven engine with fill_at::this_close and fractional shares (up to rounding), computed
/// on values instead of shares. Execution therefore requires `fill = "this_close"`
/// (config_error otherwise) and fractional shares (`whole_shares = false`).
///
/// Fills and trades. Each rebalancing trade is reported as a fill of d_j / close_{t,j} shares at
/// the close, and the trade list is built from these fills by the same ledger (exact episodes,
/// not an approximation). Cost inputs: as in the event-driven engine (liquidity statistics up to
/// and including the decision bar; `equity` = E_t^-).
///
/// Prices and targets follow the event-driven rules (event_driven.hpp): a NaN weight holds the
/// asset, an all-NaN row is no decision, bad prices per execution_params::on_bad_price (a held
/// asset without a valid close keeps its value and has a zero return until its next valid close,
/// which then carries the return over the gap).
#pragma once

#include "alpha/backtest/execution.hpp"
#include "alpha/backtest/market.hpp"
#include "alpha/backtest/result.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/detail/backtest/book_base.hpp"
#include "alpha/detail/backtest/rows.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// The vectorised engine's per-bar book, with the event_book protocol (open_bar, decide,
/// close_bar; open_bar only starts the bar, as nothing fills at the open). Complexity per bar:
/// O(N) plus the cost model's calls for the traded assets.
template <costs::CostModel C>
class vector_book : public detail::backtest::book_base {
 public:
  /// A book over `assets`; config_error unless params.fill == "this_close" and whole_shares is
  /// off, or for any invalid field.
  vector_book(std::shared_ptr<const asset_list> assets, C cost, execution_params params)
      : book_base(std::move(assets), checked(std::move(params))),
        cost_(std::move(cost)),
        h_(n_, 0.0),
        q_(n_, 0.0),
        w_row_(n_, 0.0) {}
  vector_book(asset_list assets, C cost, execution_params params)
      : vector_book(std::make_shared<const asset_list>(std::move(assets)), std::move(cost),
                    std::move(params)) {}

  /// Starts bar t (no fills at the open in this engine).
  void open_bar(const market_slice& s) { begin_bar(s); }

  /// Drifts the holdings to close t, then rebalances them to `target_weights` at the close.
  void decide(const market_slice& s, std::span<const double> target_weights) {
    decide_each(
        s, target_weights, [&] { mark(s); }, [&](std::size_t j) { return h_[j]; },
        [&](std::size_t j, double w, double c, double e, std::size_t bar) {
          const double target = w * e;
          const double d = target - h_[j];
          if (d == 0.0 || within_band(target, d, e)) return;
          const double cost = charge(cost_, j, d / c, c, e, s);  // the cost model sees value d
          cash_ -= d + cost;
          h_[j] = target;
          // Shares: a close-out sells exactly the shares held, so the trade ledger sees the
          // position return to zero.
          const double quantity = target == 0.0 ? -q_[j] : d / c;
          q_[j] = target == 0.0 ? 0.0 : q_[j] + quantity;
          turnover_base_ = e;
          book_fill(j, quantity, c, cost, bar);
        });
  }

  /// Ends the bar: drifts to the close (if decide has not) and records it.
  void close_bar(const market_slice& s) {
    require_in_bar(s, "close_bar", false);
    if (!marked_) mark(s);
    equity_ = valuation();
    for (std::size_t j = 0; j < n_; ++j) w_row_[j] = h_[j] == 0.0 ? 0.0 : h_[j] / equity_;
    record_bar(w_row_, q_);
  }

  /// Marks the book to the close of the current bar (drifting the holdings; idempotent within
  /// a bar) and returns the equity a decision at this close is sized on. Same contract as
  /// event_book::mark_to_close. O(N).
  double mark_to_close(const market_slice& s) {
    require_in_bar(s, "mark_to_close", true);
    if (!marked_) mark(s);
    return equity_;
  }
  /// Held weights at the current mark (drifted value / equity; 0 for a flat asset or when
  /// equity <= 0), i.e. the weights going into a decision at this close. O(N).
  [[nodiscard]] std::span<const double> marked_weights() {
    marked_w_.resize(n_);
    for (std::size_t j = 0; j < n_; ++j)
      marked_w_[j] = h_[j] == 0.0 || !(equity_ > 0.0) ? 0.0 : h_[j] / equity_;
    return marked_w_;
  }

  /// Held value (currency) of each asset.
  [[nodiscard]] std::span<const double> holdings() const noexcept { return h_; }
  /// Held weights at the last close_bar.
  [[nodiscard]] std::span<const double> weights() const noexcept { return w_row_; }
  /// Held shares (the sum of the fills' quantities; value / mark up to rounding).
  [[nodiscard]] std::span<const double> positions() const noexcept { return q_; }

  /// The result so far (the book is consumed).
  [[nodiscard]] backtest_result result() && { return std::move(*this).build_result(); }

 private:
  static execution_params checked(execution_params p) {
    if (fill_timing(p) != fill_at::this_close)
      throw config_error("fill",
                         "the vectorised engine trades at the decision close: use \"this_close\" "
                         "(or the event-driven engine for next-open fills)");
    if (p.whole_shares)
      throw config_error("whole_shares",
                         "the vectorised engine holds values, not shares: use the event-driven "
                         "engine for whole shares");
    return p;
  }

  double valuation() const noexcept {
    double e = cash_;
    for (std::size_t j = 0; j < n_; ++j) e += h_[j];
    return e;
  }

  void mark(const market_slice& s) {
    for (std::size_t j = 0; j < n_; ++j) {
      const double c = s.close[j];
      if (detail::backtest::valid_price(c)) {
        if (h_[j] != 0.0) h_[j] *= c / mark_[j];
        mark_[j] = c;
        in_gap_[j] = false;
      } else if (h_[j] != 0.0) {
        unmarked(j, s, q_[j]);
      }
    }
    liquidity_.ingest(s.close, s.volume);
    equity_ = valuation();
    marked_ = true;
  }

  C cost_;
  std::vector<double> h_, q_, w_row_, marked_w_;
};

/// The execution_params of the vectorised engine: the defaults with fill = "this_close".
[[nodiscard]] inline execution_params vectorised_params() {
  execution_params p;
  p.fill = "this_close";
  return p;
}

/// Runs the vectorised engine over `bars` (close and volume are read) with target weights
/// `targets` (same calendar and assets, else shape_error); row t = weights decided at close t,
/// an all-NaN row = no decision. O(T N) plus the cost model's calls.
template <costs::CostModel C>
[[nodiscard]] backtest_result run_vectorised(const ohlcv_panel& bars, const panel<double>& targets,
                                             const C& cost,
                                             const execution_params& params = vectorised_params()) {
  require_same_shape(bars.close(), targets, "run_vectorised: targets vs bars");
  vector_book<C> book(bars.close().shared_assets(), cost, params);
  book.reserve(bars.rows());
  detail::backtest::row_reader rows(bars, targets, /*with_open=*/false);
  for (std::size_t t = 0; t < bars.rows(); ++t) {
    const market_slice s = rows.load(t);
    book.open_bar(s);
    if (rows.has_decision()) book.decide(s, rows.targets());
    book.close_bar(s);
  }
  return std::move(book).result();
}

}  // namespace backtest
ALPHA_END_NAMESPACE
