/// @file
/// The event-driven engine: a share-and-cash ledger driven bar by bar (event_book), and the batch
/// loop over an OHLCV panel and a panel of target weights (run_event_driven).
///
/// Per-bar protocol (the batch loop and the streaming step API make the same calls):
///
///   for each bar t:  book.open_bar(slice_t);          // fills orders decided at close t-1
///                    book.decide(slice_t, w_t);       // optional: marks to close t, orders
///                    book.close_bar(slice_t);         // marks to close t, records bar t
///
/// Timing. With fill_at::next_open, the orders decided at close t fill at the open of t+1; with
/// fill_at::this_close they fill at the close of t, inside decide. Orders are sized at close t:
/// order_j = target_j - position_j with target_j = w_j x equity_t / close_{t,j} shares (equity
/// marked at close t before the decision's fills; rounded toward zero with whole_shares). The
/// quantity is fixed when decided: a next-open fill does not resize to the open price.
///
/// Cost inputs (costs::trade_context) for a decision at close t: daily_vol and adv over the last
/// liquidity_window observations up to and including bar t (the decision bar), whichever bar the
/// fill happens in; `equity` is the equity marked at the fill's prices before the bar's fills
/// (the close of t for this_close, the open of t+1 — last valid price where no open — for
/// next_open).
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

#include <cmath>
#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// The event-driven book: positions in shares, cash, pending orders, the fill list and the trade
/// ledger, advanced one bar at a time (see the file comment for the protocol and timing).
///
/// Prices. A price is valid when finite and > 0. A held asset's value uses its last valid price
/// (its mark: the latest valid close, or fill price if more recent). Under on_bad_price = "error"
/// (default) data_error names the asset and date when a held asset has no valid close, a decided
/// asset (non-NaN target weight, unless both target and position are 0) has no valid close, or
/// a pending order's asset has no valid open. Under "hold" the position keeps its mark, the order
/// is not placed (or is cancelled), and a warning is recorded.
///
/// Targets. A NaN weight means "no decision for this asset" (hold); an all-NaN row is no
/// decision at all; an infinite weight is a data_error. Equity <= 0 at a decision liquidates
/// (every target 0, warning).
///
/// Bars are numbered by the book (0 for the first open_bar); market_slice::bar is not read.
///
/// Complexity: open_bar O(N + pending orders x cost), decide O(N + orders x (window + cost)),
/// close_bar O(N). Memory O(T N) for the weights and positions records.
template <costs::CostModel C>
class event_book : public detail::backtest::book_base {
 public:
  /// A book over `assets`, trading with `cost` under `params` (validated: config_error).
  event_book(std::shared_ptr<const asset_list> assets, C cost, execution_params params = {})
      : book_base(std::move(assets), std::move(params)),
        cost_(std::move(cost)),
        q_(n_, 0.0),
        pending_(n_, 0.0),
        row_(n_, 0.0) {}
  event_book(asset_list assets, C cost, execution_params params = {})
      : event_book(std::make_shared<const asset_list>(std::move(assets)), std::move(cost),
                   std::move(params)) {}

  /// Starts bar t and fills the orders decided at close t-1 at this bar's open (next_open).
  void open_bar(const market_slice& s) {
    begin_bar(s);
    if (pending_count_ == 0) return;
    if (s.open.size() != n_)
      throw shape_error(fmt::format("market slice at {} has {} opens for a book of {} assets",
                                    s.time.to_iso(), s.open.size(), n_));
    double open_equity = cash_;
    for (std::size_t j = 0; j < n_; ++j)
      if (q_[j] != 0.0)
        open_equity += q_[j] * (detail::backtest::valid_price(s.open[j]) ? s.open[j] : mark_[j]);
    turnover_base_ = open_equity;
    for (std::size_t j = 0; j < n_; ++j) {
      const double order = pending_[j];
      if (order == 0.0) continue;
      pending_[j] = 0.0;
      if (detail::backtest::valid_price(s.open[j]))
        execute(j, order, s.open[j], open_equity, s, pending_bar_);
      else
        bad_price(j, s,
                  fmt::format("open is {}: the order of {} shares decided at bar {} is cancelled",
                              s.open[j], order, pending_bar_));
    }
    pending_count_ = 0;
  }

  /// Decides at the close of the current bar: marks the book to the close, then orders the
  /// difference between the target and the held shares. With this_close the orders fill now at
  /// the close; with next_open they wait for the next open_bar. `target_weights` has one entry
  /// per asset (fractions of equity; negative = short).
  void decide(const market_slice& s, std::span<const double> target_weights) {
    decide_each(
        s, target_weights, [&] { mark(s); }, [&](std::size_t j) { return q_[j]; },
        [&](std::size_t j, double w, double c, double e, std::size_t bar) {
          double target = w * e / c;
          if (params_.whole_shares) target = std::trunc(target);
          const double order = target - q_[j];
          if (order == 0.0 || within_band(target, order * c, e)) return;
          if (fill_ == fill_at::this_close) {
            turnover_base_ = e;
            execute(j, order, c, e, s, bar);
          } else {
            pending_[j] = order;
            ++pending_count_;
            pending_bar_ = bar;
          }
        });
  }

  /// Ends the current bar: marks to the close (if decide has not), records equity, returns,
  /// costs, turnover, weights and positions.
  void close_bar(const market_slice& s) {
    require_in_bar(s, "close_bar", false);
    if (!marked_) mark(s);
    equity_ = valuation();
    for (std::size_t j = 0; j < n_; ++j) row_[j] = q_[j] == 0.0 ? 0.0 : q_[j] * mark_[j] / equity_;
    record_bar(row_, q_);
  }

  /// Marks the book to the close of the current bar (once per bar: decide and close_bar reuse the
  /// mark) and returns the equity there, which is what a strategy deciding at this close may
  /// know. Call between open_bar and decide. O(N).
  double mark_to_close(const market_slice& s) {
    require_in_bar(s, "mark_to_close", true);
    if (!marked_) mark(s);
    return equity_;
  }
  /// Held weights at the current mark (position x mark / equity; 0 for a flat asset), i.e. the
  /// weights going into a decision at this close. O(N).
  [[nodiscard]] std::span<const double> marked_weights() {
    marked_w_.resize(n_);
    for (std::size_t j = 0; j < n_; ++j)
      marked_w_[j] = q_[j] == 0.0 || !(equity_ > 0.0) ? 0.0 : q_[j] * mark_[j] / equity_;
    return marked_w_;
  }

  /// Held shares of each asset.
  [[nodiscard]] std::span<const double> positions() const noexcept { return q_; }
  /// Orders waiting for the next open (shares; 0 = none).
  [[nodiscard]] std::span<const double> pending_orders() const noexcept { return pending_; }
  /// Held weights at the last close_bar (position x mark / equity).
  [[nodiscard]] std::span<const double> weights() const noexcept { return row_; }

  /// The result so far (the book is consumed). Orders still pending are not filled.
  [[nodiscard]] backtest_result result() && { return std::move(*this).build_result(); }

 private:
  double valuation() const noexcept {
    double e = cash_;
    for (std::size_t j = 0; j < n_; ++j)
      if (q_[j] != 0.0) e += q_[j] * mark_[j];
    return e;
  }

  void mark(const market_slice& s) {
    for (std::size_t j = 0; j < n_; ++j) {
      const double c = s.close[j];
      if (detail::backtest::valid_price(c)) {
        mark_[j] = c;
        in_gap_[j] = false;
      } else if (q_[j] != 0.0) {
        unmarked(j, s, q_[j]);
      }
    }
    liquidity_.ingest(s.close, s.volume);
    equity_ = valuation();
    marked_ = true;
  }

  void execute(std::size_t j, double quantity, double price, double equity, const market_slice& s,
               std::size_t decision_bar) {
    const double cost = charge(cost_, j, quantity, price, equity, s);
    cash_ -= quantity * price + cost;
    q_[j] += quantity;
    book_fill(j, quantity, price, cost, decision_bar);
  }

  C cost_;
  std::vector<double> q_, pending_, row_, marked_w_;
  std::size_t pending_count_ = 0, pending_bar_ = 0;
};

/// Runs the event-driven engine over `bars` with target weights `targets` (same calendar and
/// assets, else shape_error): for each row t, open_bar(t), decide(t, targets row t) unless the
/// row is all NaN, close_bar(t). Row t of `targets` holds the weights decided at close t. O(T N)
/// plus the cost model's calls.
template <costs::CostModel C>
[[nodiscard]] backtest_result run_event_driven(const ohlcv_panel& bars,
                                               const panel<double>& targets, const C& cost,
                                               const execution_params& params = {}) {
  require_same_shape(bars.close(), targets, "run_event_driven: targets vs bars");
  event_book<C> book(bars.close().shared_assets(), cost, params);
  book.reserve(bars.rows());
  detail::backtest::row_reader rows(bars, targets, /*with_open=*/true);
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
