/// @file
/// OHLCV CSV readers: single-asset files (`date,open,high,low,close,volume[,vwap]`) and long
/// multi-asset files (`date,symbol,open,high,low,close,volume[,vwap]`) into an ohlcv_panel.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/data/csv_options.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/detail/csv.hpp"
#include "alpha/detail/csv_read.hpp"
#include "alpha/detail/validate_bars.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {
namespace detail {

/// Shared implementation of the two OHLCV readers.
[[nodiscard]] inline loaded<ohlcv_panel> read_ohlcv(const csv_source& src, const csv_options& opt,
                                                    bool long_format) {
  opt.policy.check();
  ::alpha::detail::csv_reader reader(src, opt.delimiter);
  const ::alpha::detail::csv_record header = read_header(reader, opt);
  const std::string& file = src.name;
  const char d = opt.delimiter;
  const std::size_t date_col = require_role(header, file, "date", date_aliases, d);
  const std::size_t sym_col =
      long_format ? require_role(header, file, "symbol", symbol_aliases, d) : no_column;
  std::vector<std::size_t> cols(bar_field_count, no_column);
  cols[f_open] = require_role(header, file, "open", {"open", "o", "openprice"}, d);
  cols[f_high] = require_role(header, file, "high", {"high", "h", "highprice"}, d);
  cols[f_low] = require_role(header, file, "low", {"low", "l", "lowprice"}, d);
  bool adjusted = false;
  cols[f_close] = close_column(header, file, opt, adjusted);
  cols[f_volume] = find_role(header, file, "volume", {"volume", "vol", "v"});
  if (cols[f_volume] == no_column && opt.require_volume)
    missing_column(header, file, "volume", {"volume", "vol", "v"}, d,
                   " (set csv_options::require_volume = false to read a file without volume)");
  cols[f_vwap] = find_role(header, file, "vwap", {"vwap"});

  std::vector<raw_row> rows = read_rows(reader, header, [&](::alpha::detail::csv_record& rec) {
    return parse_row(rec, header, file, opt, date_col, sym_col, cols);
  });
  std::vector<std::string> names;
  std::map<std::string, std::size_t, std::less<>> position;
  if (!long_format) {
    const std::string id = single_asset_id(src, opt);
    for (raw_row& r : rows) r.symbol = id;
  }
  // Number the assets in order of first appearance (one map lookup per change of symbol: the
  // rows of one asset usually follow each other).
  const std::string* previous = nullptr;
  std::size_t previous_asset = 0;
  for (raw_row& r : rows) {
    if (previous == nullptr || r.symbol != *previous) {
      const auto [it, inserted] = position.emplace(r.symbol, names.size());
      if (inserted) names.push_back(r.symbol);
      previous_asset = it->second;
      previous = &r.symbol;
    }
    r.asset = previous_asset;
  }

  validation_report report;
  order_rows(rows, file, date_col + 1, opt.policy, report);
  const std::vector<timestamp> dates = distinct_dates(rows);
  const std::size_t T = dates.size(), N = names.size();
  ohlcv_panel px(time_index(dates), asset_list(names), cols[f_vwap] != no_column);
  std::array<panel<double>::array_type*, bar_field_count> arrays{
      &px.open_values(),  &px.high_values(),   &px.low_values(),
      &px.close_values(), &px.volume_values(), px.has_vwap() ? &px.vwap_values() : nullptr};
  std::vector<const raw_row*> cell(T * N, nullptr);
  for (const raw_row& r : rows) {
    const auto t = static_cast<std::size_t>(std::lower_bound(dates.begin(), dates.end(), r.date) -
                                            dates.begin());
    const std::size_t j = r.asset;
    cell[j * T + t] = &r;
    for (std::size_t f = 0; f < bar_field_count; ++f)
      if (arrays[f])
        (*arrays[f])(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j)) = r.values[f];
  }

  bar_input in;
  in.fields = arrays;
  if (cols[f_volume] == no_column) in.fields[f_volume] = nullptr;
  in.index = &px.index();
  in.assets = &px.assets();
  in.locate = [&](std::size_t t, std::size_t j, std::size_t f) {
    data_location w;
    w.file = file;
    if (const raw_row* r = cell[j * T + t]) {
      w.line = r->line;
      if (f < bar_field_count) {
        w.column = cols[f] + 1;
        if (const std::string* s = r->text(f)) w.text = *s;
      }
    }
    return w;
  };
  in.non_numeric = [&](std::size_t t, std::size_t j, std::size_t f) {
    const raw_row* r = cell[j * T + t];
    return r != nullptr && r->non_numeric(f);
  };
  in.drop_wording = long_format ? "bar blanked to NaN" : "row removed";
  in.check_high_low = !adjusted;
  const std::vector<std::uint8_t> dropped = validate_bars(in, opt.policy, report);
  detail::throw_if_errors(report);

  if (!long_format && std::find(dropped.begin(), dropped.end(), std::uint8_t{1}) != dropped.end()) {
    std::vector<std::size_t> keep;
    std::vector<timestamp> kept_dates;
    for (std::size_t t = 0; t < T; ++t)
      if (!dropped[t]) {
        keep.push_back(t);
        kept_dates.push_back(dates[t]);
      }
    ohlcv_panel out(time_index(std::move(kept_dates)), px.assets(), px.has_vwap());
    std::array<panel<double>::array_type*, bar_field_count> dst{
        &out.open_values(),  &out.high_values(),   &out.low_values(),
        &out.close_values(), &out.volume_values(), out.has_vwap() ? &out.vwap_values() : nullptr};
    for (std::size_t f = 0; f < bar_field_count; ++f)
      if (dst[f])
        for (std::size_t k = 0; k < keep.size(); ++k)
          (*dst[f])(static_cast<Eigen::Index>(k), 0) =
              (*arrays[f])(static_cast<Eigen::Index>(keep[k]), 0);
    return {std::move(out), std::move(report)};
  }
  return {std::move(px), std::move(report)};
}

}  // namespace detail

/// Reads a single-asset OHLCV CSV text: one header line, then one row per date.
///
/// Columns (any order, names case-insensitive, spaces/'_'/'-' ignored): date (date, timestamp,
/// time, datetime, day), open (open, o), high (high, h), low (low, l), close (close, c, last,
/// price; or adj close / adjclose / adjusted close, see csv_options::prefer_adjusted), volume
/// (volume, vol, v; optional if csv_options::require_volume is false, then all NaN), vwap
/// (optional). Other columns are ignored. The asset id is csv_options::asset or the stem of the
/// source name. Dates via alpha::parse_timestamp (csv_options::dates). When the close read is an
/// adjusted close, the high/low rules are skipped (raw high/low are not comparable with it).
///
/// Structural errors throw data_error naming file:line:column and the offending text: empty
/// file, no header, empty/duplicate column name, missing column, a wrong number of fields, a bad
/// date. Value problems go through csv_options::policy; `drop` removes the row. Throws
/// validation_error (a data_error) after the whole file has been scanned if a problem's action is
/// `error`. O(file size + R log R).
/// @test tests/data/csv_read_test.cpp, validation_test.cpp, real_data_test.cpp
[[nodiscard]] inline loaded<ohlcv_panel> read_ohlcv_csv(const csv_source& source,
                                                        const csv_options& options = {}) {
  return detail::read_ohlcv(source, options, false);
}
/// Reads a single-asset OHLCV CSV file (see the csv_source overload); data_error if it cannot be
/// opened.
[[nodiscard]] inline loaded<ohlcv_panel> read_ohlcv_csv(const std::filesystem::path& path,
                                                        const csv_options& options = {}) {
  return read_ohlcv_csv(::alpha::detail::read_csv_file(path), options);
}

/// Reads a long multi-asset OHLCV CSV text: `date,symbol,open,high,low,close,volume[,vwap]` (the
/// symbol column also as ticker, asset, id or code), rows in any symbol order, each symbol's
/// rows in ascending date order. The panel's calendar is the union of every symbol's dates, its
/// assets are in order of first appearance; a date a symbol has no row for is a NaN bar (a
/// calendar_gap if inside the symbol's first..last dates). `drop` blanks a bar to NaN (the
/// calendar is kept). Otherwise as read_ohlcv_csv. O(file size + R log R).
[[nodiscard]] inline loaded<ohlcv_panel> read_ohlcv_long_csv(const csv_source& source,
                                                             const csv_options& options = {}) {
  return detail::read_ohlcv(source, options, true);
}
/// Reads a long multi-asset OHLCV CSV file (see the csv_source overload).
[[nodiscard]] inline loaded<ohlcv_panel> read_ohlcv_long_csv(const std::filesystem::path& path,
                                                             const csv_options& options = {}) {
  return read_ohlcv_long_csv(::alpha::detail::read_csv_file(path), options);
}

}  // namespace data
ALPHA_END_NAMESPACE
