/// @file
/// alpha::backtest::trade_ledger: builds the trade list (position episodes, see
/// alpha::backtest::trade) from a stream of fills.
#pragma once

#include "alpha/backtest/result.hpp"
#include "alpha/config.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// Turns fills into trades, one open episode per asset at a time (definition: see `trade`).
/// `add` is O(1) per fill; `trades()` is O(trades + N).
class trade_ledger {
 public:
  explicit trade_ledger(std::size_t assets = 0) : open_(assets) {}

  /// Books one fill (its asset must be < the ledger's asset count). A zero-quantity fill is
  /// ignored.
  void add(const fill& f) {
    ALPHA_ASSERT(f.asset < open_.size());
    if (f.quantity == 0.0) return;
    episode& e = open_[f.asset];
    const double dir = f.quantity > 0.0 ? 1.0 : -1.0;
    const double size = std::fabs(f.quantity);
    if (!e.active) {
      start(e, f, dir, size, f.cost);
      return;
    }
    ++e.fills;
    if (dir == e.dir) {  // adds to the position
      e.in_qty += size;
      e.in_value += size * f.price;
      e.position += f.quantity;
      e.costs += f.cost;
      return;
    }
    const double held = std::fabs(e.position);
    if (size < held) {  // partial reduction
      e.out_qty += size;
      e.out_value += size * f.price;
      e.position += f.quantity;
      e.costs += f.cost;
      return;
    }
    // Closes the episode, and opens a new one with the rest if the fill crosses zero.
    const double share = size == held ? 1.0 : held / size;
    e.out_qty += held;
    e.out_value += held * f.price;
    e.costs += f.cost * share;
    closed_.push_back(close(e, f.asset, f.bar, f.time, false));
    e = episode{};
    if (size > held) start(e, f, dir, size - held, f.cost * (1.0 - share));
  }

  /// The closed trades (in closing order), then the episodes still open (by asset) valued with
  /// their remaining shares sold at `marks[asset]` at bar `last_bar` / `last_time`.
  [[nodiscard]] std::vector<trade> trades(std::size_t last_bar, timestamp last_time,
                                          std::span<const double> marks) const& {
    return trade_ledger(*this).take(last_bar, last_time, marks);
  }
  /// As above, moving the closed trades out of the ledger (no copy).
  [[nodiscard]] std::vector<trade> trades(std::size_t last_bar, timestamp last_time,
                                          std::span<const double> marks) && {
    return take(last_bar, last_time, marks);
  }

 private:
  std::vector<trade> take(std::size_t last_bar, timestamp last_time,
                          std::span<const double> marks) {
    std::vector<trade> out = std::move(closed_);
    for (std::size_t j = 0; j < open_.size(); ++j) {
      episode e = open_[j];
      if (!e.active) continue;
      const double held = std::fabs(e.position);
      e.out_qty += held;
      e.out_value += held * marks[j];
      out.push_back(close(e, j, last_bar, last_time, true));
    }
    return out;
  }

  struct episode {
    bool active = false;
    double dir = 0.0;
    double position = 0.0;
    double in_qty = 0.0, in_value = 0.0, out_qty = 0.0, out_value = 0.0, costs = 0.0;
    std::size_t entry_bar = 0, fills = 0;
    timestamp entry_time;
  };

  static void start(episode& e, const fill& f, double dir, double size, double cost) {
    e.active = true;
    e.dir = dir;
    e.position = dir * size;
    e.in_qty = size;
    e.in_value = size * f.price;
    e.costs = cost;
    e.entry_bar = f.bar;
    e.entry_time = f.time;
    e.fills = 1;
  }

  static trade close(const episode& e, std::size_t asset, std::size_t bar, timestamp time,
                     bool open_at_end) {
    trade t;
    t.asset = asset;
    t.entry_bar = e.entry_bar;
    t.entry_time = e.entry_time;
    t.exit_bar = bar;
    t.exit_time = time;
    t.quantity = e.dir * e.in_qty;
    t.entry_price = e.in_value / e.in_qty;
    t.exit_price = e.out_qty > 0.0 ? e.out_value / e.out_qty : t.entry_price;
    t.gross_pnl = e.dir * (e.out_value - e.in_value);
    t.costs = e.costs;
    t.pnl = t.gross_pnl - t.costs;
    t.fills = e.fills;
    t.open_at_end = open_at_end;
    return t;
  }

  std::vector<episode> open_;
  std::vector<trade> closed_;
};

}  // namespace backtest
ALPHA_END_NAMESPACE
