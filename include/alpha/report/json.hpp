/// @file
/// JSON report of a backtest: strategy, params, the metrics summary, the ledger totals and
/// (optionally) the equity curve. Machine readable; see docs/backtest.md#reports for the schema.
#pragma once

#include "alpha/backtest/result.hpp"
#include "alpha/config.hpp"
#include "alpha/data/write_csv.hpp"
#include "alpha/detail/report/fields.hpp"
#include "alpha/report/info.hpp"

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace report {

/// Options of to_json.
struct json_options {
  bool equity_curve = false;  ///< include the per-bar equity curve ("equity_curve" array)
  bool trades = false;        ///< include the trade list ("trades" array)
};

/// The report as one JSON object (UTF-8, two-space indentation):
///
///     {"strategy": "...", "params": {"key": "value", ...},
///      "period": {"start": "YYYY-MM-DD", "end": "...", "bars": T, "assets": N},
///      "summary": {<one member per field of `summary`, nested structs as objects>},
///      "backtest": {"initial_capital": x, "final_equity": x, "total_costs": x,
///                   "gross_total_return": x, "net_total_return": x, "fills": n, "trades": n,
///                   "warnings": ["...", ...]},
///      "equity_curve": [{"date": "...", "equity": x, "net_return": x, "gross_return": x,
///                        "cost": x, "turnover": x}, ...],          (json_options::equity_curve)
///      "trades": [{"asset": "...", "entry": "...", "exit": "...", "quantity": x,
///                  "entry_price": x, "exit_price": x, "pnl": x, "costs": x,
///                  "open_at_end": b}, ...]}                        (json_options::trades)
///
/// Strings are escaped; numbers are shortest round-trip (fmt `{}`); NaN and infinities are
/// `null`. `gross_total_return` compounds the gross returns. O(fields + T [+ trades]).
template <ReflectedSummary S>
[[nodiscard]] std::string to_json(const backtest::backtest_result& r, const report_info& info,
                                  const S& summary, const json_options& o = {}) {
  namespace d = ::alpha::detail::report;
  std::string out = "{\n  \"strategy\": ";
  d::put_json_string(out, info.strategy);
  out += ",\n  \"params\": {";
  for (std::size_t i = 0; i < info.params.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    d::put_json_string(out, info.params[i].first);
    out += ": ";
    d::put_json_string(out, info.params[i].second);
  }
  out += info.params.empty() ? "},\n" : "\n  },\n";
  const std::size_t t = r.bars();
  out += "  \"period\": {\"start\": ";
  d::put_json_string(out, t > 0 && r.index ? (*r.index)[0].to_iso() : std::string());
  out += ", \"end\": ";
  d::put_json_string(out, t > 0 && r.index ? (*r.index)[t - 1].to_iso() : std::string());
  out += fmt::format(", \"bars\": {}, \"assets\": {}}},\n", t, r.assets ? r.assets->size() : 0);
  out += "  \"summary\": ";
  d::put_json_object(out, summary, 2);
  out += ",\n  \"backtest\": {\"initial_capital\": ";
  d::put_json_number(out, r.initial_capital);
  out += ", \"final_equity\": ";
  d::put_json_number(out, t > 0 ? r.equity.back() : r.initial_capital);
  out += ", \"total_costs\": ";
  d::put_json_number(out, r.total_costs());
  double gross = 1.0;
  for (const double g : r.gross_returns) gross *= 1.0 + g;
  out += ", \"gross_total_return\": ";
  d::put_json_number(out, gross - 1.0);
  out += ", \"net_total_return\": ";
  d::put_json_number(out, (t > 0 ? r.equity.back() : r.initial_capital) / r.initial_capital - 1.0);
  out += fmt::format(", \"fills\": {}, \"trades\": {}, \"warnings\": [", r.fills.size(),
                     r.trades.size());
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    if (i > 0) out += ", ";
    d::put_json_string(out, r.warnings[i]);
  }
  out += "]}";
  if (o.equity_curve) {
    out += ",\n  \"equity_curve\": [";
    for (std::size_t i = 0; i < t; ++i) {
      out += i == 0 ? "\n    {\"date\": " : ",\n    {\"date\": ";
      d::put_json_string(out, (*r.index)[i].to_iso());
      const std::pair<const char*, double> cols[] = {{"equity", r.equity[i]},
                                                     {"net_return", r.net_returns[i]},
                                                     {"gross_return", r.gross_returns[i]},
                                                     {"cost", r.costs[i]},
                                                     {"turnover", r.turnover[i]}};
      for (const auto& [name, v] : cols) {
        out += fmt::format(", \"{}\": ", name);
        d::put_json_number(out, v);
      }
      out += '}';
    }
    out += t > 0 ? "\n  ]" : "]";
  }
  if (o.trades) {
    out += ",\n  \"trades\": [";
    for (std::size_t i = 0; i < r.trades.size(); ++i) {
      const auto& x = r.trades[i];
      out += i == 0 ? "\n    {\"asset\": " : ",\n    {\"asset\": ";
      d::put_json_string(out, (*r.assets)[x.asset]);
      out += ", \"entry\": ";
      d::put_json_string(out, x.entry_time.to_iso());
      out += ", \"exit\": ";
      d::put_json_string(out, x.exit_time.to_iso());
      const std::pair<const char*, double> cols[] = {{"quantity", x.quantity},
                                                     {"entry_price", x.entry_price},
                                                     {"exit_price", x.exit_price},
                                                     {"pnl", x.pnl},
                                                     {"costs", x.costs}};
      for (const auto& [name, v] : cols) {
        out += fmt::format(", \"{}\": ", name);
        d::put_json_number(out, v);
      }
      out += x.open_at_end ? ", \"open_at_end\": true}" : ", \"open_at_end\": false}";
    }
    out += r.trades.empty() ? "]" : "\n  ]";
  }
  out += "\n}\n";
  return out;
}

/// Writes to_json(...) to `path` (created or truncated); data_error naming the path on failure.
template <ReflectedSummary S>
void write_json(const std::filesystem::path& path, const backtest::backtest_result& r,
                const report_info& info, const S& summary, const json_options& o = {}) {
  const std::string text = to_json(r, info, summary, o);
  data::detail::write_to_path(path, [&](std::ostream& os) {
    os.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

}  // namespace report
ALPHA_END_NAMESPACE
