/// @file
/// Markdown summary of a backtest: the strategy and its params, the metrics table, the ledger
/// totals, and the warnings. For humans (numbers with 6 significant digits).
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
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace detail::report {

/// A Markdown table cell: `|` escaped, line breaks as spaces.
inline std::string md_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace detail::report

namespace report {

/// The report as Markdown:
///
///     # Backtest: <strategy>
///     <start> .. <end>, T bars, N assets
///     ## Parameters        | parameter | value |   (omitted when there are none)
///     ## Performance       | metric | value |      (one row per leaf of `summary`, dotted names)
///     ## Ledger            | item | value |        (capital, final equity, costs, fills, trades)
///     ## Warnings          - one bullet each       (omitted when there are none)
///
/// O(fields + warnings).
template <ReflectedSummary S>
[[nodiscard]] std::string to_markdown(const backtest::backtest_result& r, const report_info& info,
                                      const S& summary) {
  namespace d = ::alpha::detail::report;
  std::string out = "# Backtest: " + d::md_cell(info.strategy) + "\n\n";
  const std::size_t t = r.bars();
  if (t > 0 && r.index)
    out += fmt::format("{} .. {}, {} bars, {} assets\n", (*r.index)[0].to_iso(),
                       (*r.index)[t - 1].to_iso(), t, r.assets ? r.assets->size() : 0);
  else
    out += "no bars\n";
  if (!info.params.empty()) {
    out += "\n## Parameters\n\n| parameter | value |\n| --- | --- |\n";
    for (const auto& [k, v] : info.params)
      out += "| " + d::md_cell(k) + " | " + d::md_cell(v) + " |\n";
  }
  out += "\n## Performance\n\n| metric | value |\n| --- | ---: |\n";
  d::for_each_leaf(summary, [&](std::string_view name, const auto& v) {
    out += "| " + d::md_cell(name) + " | " + d::md_cell(d::human_value(v)) + " |\n";
  });
  const double final_equity = t > 0 ? r.equity.back() : r.initial_capital;
  out += "\n## Ledger\n\n| item | value |\n| --- | ---: |\n";
  out += fmt::format("| initial capital | {:.6g} |\n", r.initial_capital);
  out += fmt::format("| final equity | {:.6g} |\n", final_equity);
  out += fmt::format("| net total return | {:.6g} |\n", final_equity / r.initial_capital - 1.0);
  out += fmt::format("| total costs | {:.6g} |\n", r.total_costs());
  out += fmt::format("| fills | {} |\n| trades | {} |\n", r.fills.size(), r.trades.size());
  if (!r.warnings.empty()) {
    out += "\n## Warnings\n\n";
    for (const auto& w : r.warnings) out += "- " + d::md_cell(w) + "\n";
  }
  return out;
}

/// Writes to_markdown(...) to `path` (created or truncated); data_error naming it on failure.
template <ReflectedSummary S>
void write_markdown(const std::filesystem::path& path, const backtest::backtest_result& r,
                    const report_info& info, const S& summary) {
  const std::string text = to_markdown(r, info, summary);
  data::detail::write_to_path(path, [&](std::ostream& os) {
    os.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

}  // namespace report
ALPHA_END_NAMESPACE
