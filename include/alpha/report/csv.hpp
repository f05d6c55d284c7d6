/// @file
/// CSV writers of a backtest: the equity curve, the held weights and positions (wide files, one
/// column per asset), the trades and the fills. ISO dates, shortest round-trip numbers (fmt
/// `{}`), `NaN` for missing: every number reads back to the same double.
#pragma once

#include "alpha/backtest/result.hpp"
#include "alpha/config.hpp"
#include "alpha/data/write_csv.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <filesystem>
#include <iterator>
#include <ostream>

ALPHA_BEGIN_NAMESPACE
namespace report {

/// `date,equity,cash,net_return,gross_return,cost,traded_value,turnover`, one row per bar.
/// O(T).
inline void write_equity_csv(std::ostream& os, const backtest::backtest_result& r) {
  namespace d = data::detail;
  fmt::memory_buffer buf;
  buf.append(
      std::string_view("date,equity,cash,net_return,gross_return,cost,traded_value,"
                       "turnover\n"));
  for (std::size_t t = 0; t < r.bars(); ++t) {
    buf.append((*r.index)[t].to_iso());
    for (const double v : {r.equity[t], r.cash[t], r.net_returns[t], r.gross_returns[t], r.costs[t],
                           r.traded_value[t], r.turnover[t]}) {
      buf.push_back(',');
      d::put_number(buf, v);
    }
    buf.push_back('\n');
    if (buf.size() > 1 << 16) d::flush(os, buf);
  }
  d::flush(os, buf);
}

/// The held weights as a wide CSV (`date,<assets>`; data::write_wide_csv). O(T N).
inline void write_weights_csv(std::ostream& os, const backtest::backtest_result& r) {
  data::write_wide_csv(os, r.weights);
}

/// The held positions (shares) as a wide CSV (`date,<assets>`). O(T N).
inline void write_positions_csv(std::ostream& os, const backtest::backtest_result& r) {
  data::write_wide_csv(os, r.positions);
}

/// `asset,entry_date,exit_date,entry_bar,exit_bar,quantity,entry_price,exit_price,gross_pnl,
/// costs,pnl,fills,open_at_end` (open_at_end as 0/1), one row per trade. O(trades).
inline void write_trades_csv(std::ostream& os, const backtest::backtest_result& r) {
  namespace d = data::detail;
  fmt::memory_buffer buf;
  buf.append(
      std::string_view("asset,entry_date,exit_date,entry_bar,exit_bar,quantity,entry_price,"
                       "exit_price,gross_pnl,costs,pnl,fills,open_at_end\n"));
  for (const auto& x : r.trades) {
    d::put_text(buf, (*r.assets)[x.asset], ',');
    fmt::format_to(std::back_inserter(buf), ",{},{},{},{}", x.entry_time.to_iso(),
                   x.exit_time.to_iso(), x.entry_bar, x.exit_bar);
    for (const double v : {x.quantity, x.entry_price, x.exit_price, x.gross_pnl, x.costs, x.pnl}) {
      buf.push_back(',');
      d::put_number(buf, v);
    }
    fmt::format_to(std::back_inserter(buf), ",{},{}\n", x.fills, x.open_at_end ? 1 : 0);
    if (buf.size() > 1 << 16) d::flush(os, buf);
  }
  d::flush(os, buf);
}

/// `date,bar,decision_bar,asset,quantity,price,value,cost`, one row per fill. O(fills).
inline void write_fills_csv(std::ostream& os, const backtest::backtest_result& r) {
  namespace d = data::detail;
  fmt::memory_buffer buf;
  buf.append(std::string_view("date,bar,decision_bar,asset,quantity,price,value,cost\n"));
  for (const auto& f : r.fills) {
    fmt::format_to(std::back_inserter(buf), "{},{},{},", f.time.to_iso(), f.bar, f.decision_bar);
    d::put_text(buf, (*r.assets)[f.asset], ',');
    for (const double v : {f.quantity, f.price, f.value, f.cost}) {
      buf.push_back(',');
      d::put_number(buf, v);
    }
    buf.push_back('\n');
    if (buf.size() > 1 << 16) d::flush(os, buf);
  }
  d::flush(os, buf);
}

/// File versions (created or truncated; data_error naming the path on failure).
inline void write_equity_csv(const std::filesystem::path& p, const backtest::backtest_result& r) {
  data::detail::write_to_path(p, [&](std::ostream& os) { write_equity_csv(os, r); });
}
inline void write_weights_csv(const std::filesystem::path& p, const backtest::backtest_result& r) {
  data::detail::write_to_path(p, [&](std::ostream& os) { write_weights_csv(os, r); });
}
inline void write_positions_csv(const std::filesystem::path& p,
                                const backtest::backtest_result& r) {
  data::detail::write_to_path(p, [&](std::ostream& os) { write_positions_csv(os, r); });
}
inline void write_trades_csv(const std::filesystem::path& p, const backtest::backtest_result& r) {
  data::detail::write_to_path(p, [&](std::ostream& os) { write_trades_csv(os, r); });
}
inline void write_fills_csv(const std::filesystem::path& p, const backtest::backtest_result& r) {
  data::detail::write_to_path(p, [&](std::ostream& os) { write_fills_csv(os, r); });
}

}  // namespace report
ALPHA_END_NAMESPACE
