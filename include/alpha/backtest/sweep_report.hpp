/// @file
/// CSV and JSON writers of a sweep_result: one row / object per variant with its swept params
/// (key=value) and metrics; doubles in shortest round-trip form, NaN as empty (CSV) / null (JSON).
#pragma once

#include "alpha/backtest/sweep_result.hpp"
#include "alpha/config.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

namespace sweep_detail {
template <class F>
void for_each_sweep_metric(const sweep_metrics& m, F&& f) {
  f("periods", static_cast<double>(m.periods));
  f("total_return", m.total_return);
  f("cagr", m.cagr);
  f("annual_volatility", m.annual_volatility);
  f("sharpe", m.sharpe);
  f("sortino", m.sortino);
  f("max_drawdown", m.max_drawdown);
  f("turnover", m.turnover);
  f("sharpe_per_period", m.sharpe_per_period);
  f("skewness", m.skewness);
  f("raw_kurtosis", m.raw_kurtosis);
}
inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
inline std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}
}  // namespace sweep_detail

/// CSV: header `variant,<param keys...>,periods,total_return,...,raw_kurtosis`, one line per
/// evaluated variant in variant order (or in `order`, e.g. sorted_by(...), if given). O(M).
[[nodiscard]] inline std::string sweep_csv(const sweep_result& r,
                                           const std::vector<std::size_t>* order = nullptr) {
  std::string out = "variant";
  if (!r.rows.empty())
    for (const auto& [k, v] : r.rows[0].params) {
      out += ',';
      out += sweep_detail::csv_field(k);
    }
  sweep_detail::for_each_sweep_metric(sweep_metrics{}, [&](std::string_view name, double) {
    out += ',';
    out += name;
  });
  out += '\n';
  const auto line = [&](const sweep_row& row) {
    if (!row.evaluated) return;
    out += std::to_string(row.variant);
    for (const auto& [k, v] : row.params) {
      out += ',';
      out += sweep_detail::csv_field(v);
    }
    sweep_detail::for_each_sweep_metric(row.metrics, [&](std::string_view, double x) {
      out += std::isnan(x) ? std::string(",") : fmt::format(",{}", x);
    });
    out += '\n';
  };
  if (order != nullptr)
    for (const std::size_t i : *order) line(r.rows[i]);
  else
    for (const auto& row : r.rows) line(row);
  return out;
}

/// JSON: {"cancelled":..,"fast_path":..,"bars":..,"assets":..,"overfitting":{...},
/// "variants":[{"variant":0,"params":{"key":"value",...},"metrics":{...}},...]}; evaluated
/// variants only; kurtosis is named raw_kurtosis (RAW, normal = 3). O(M).
[[nodiscard]] inline std::string sweep_json(const sweep_result& r) {
  const auto num = [](double x) {
    return std::isfinite(x) ? fmt::format("{}", x) : std::string("null");
  };
  const auto& o = r.overfitting;
  std::string out = fmt::format(
      "{{\"cancelled\":{},\"fast_path\":{},\"bars\":{},\"assets\":{},\"overfitting\":{{\"trials\":"
      "{},\"trial_sharpe_variance\":{},\"psr\":{},\"dsr\":{},\"dsr_benchmark\":{},\"skewness\":"
      "{},\"raw_kurtosis\":{},\"pbo\":{},\"pbo_partitions\":{},\"pbo_variants\":{},"
      "\"pbo_subsampled\":{},\"haircut_sharpe_bhy\":{}}},\"variants\":[",
      r.cancelled, r.fast_path, r.bars, r.assets, o.trials, num(o.trial_sharpe_variance),
      num(o.psr), num(o.dsr), num(o.dsr_benchmark), num(o.skewness), num(o.raw_kurtosis),
      num(o.pbo), o.pbo_partitions, o.pbo_variants, o.pbo_subsampled, num(o.haircut_sharpe_bhy));
  bool first = true;
  for (const auto& row : r.rows) {
    if (!row.evaluated) continue;
    out += first ? "" : ",";
    first = false;
    out += fmt::format("{{\"variant\":{},\"params\":{{", row.variant);
    for (std::size_t k = 0; k < row.params.size(); ++k) {
      if (k != 0) out += ',';
      out += sweep_detail::json_string(row.params[k].first);
      out += ':';
      out += sweep_detail::json_string(row.params[k].second);
    }
    out += "},\"metrics\":{";
    bool f2 = true;
    sweep_detail::for_each_sweep_metric(row.metrics, [&](std::string_view name, double x) {
      if (!f2) out += ',';
      out += sweep_detail::json_string(name);
      out += ':';
      out += num(x);
      f2 = false;
    });
    out += "}}";
  }
  return out + "]}";
}

}  // namespace backtest
ALPHA_END_NAMESPACE
