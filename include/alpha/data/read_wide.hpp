/// @file
/// Wide CSV reader: `date,AAA,BBB,...` (one column of close prices per asset) into a
/// panel<double>.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/data/csv_options.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/detail/csv.hpp"
#include "alpha/detail/csv_read.hpp"
#include "alpha/detail/validate_bars.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Reads a wide CSV text: a date column (date, timestamp, time, datetime, day; any position)
/// and one column per asset whose header is the asset id (verbatim), each holding that asset's
/// price (NaN/empty when missing). Rows are dates in ascending order.
///
/// Structural errors throw data_error naming file:line:column and the offending text (empty
/// file, no header, no date column, no asset column, empty or duplicate column name, wrong number
/// of fields, bad date). Value problems go through csv_options::policy as for a close-only panel
/// (see validate(panel<double>&)): non_numeric, non_finite, non_positive_price, calendar_gap (a
/// NaN between an asset's first and last price; leading/trailing NaN, e.g. before an IPO, are
/// not problems), outlier_return; `drop` blanks the cell. Throws validation_error after the whole
/// file has been scanned if a problem's action is `error`. O(file size + R log R).
/// @test tests/data/csv_read_test.cpp (CsvRead.Wide*), real_data_test.cpp (swx, vega_stocks)
[[nodiscard]] inline loaded<panel<double>> read_wide_csv(const csv_source& source,
                                                         const csv_options& options = {}) {
  options.policy.check();
  ::alpha::detail::csv_reader reader(source, options.delimiter);
  const ::alpha::detail::csv_record header = detail::read_header(reader, options);
  const std::string& file = source.name;
  const std::size_t date_col =
      detail::require_role(header, file, "date", detail::date_aliases, options.delimiter);
  std::vector<std::size_t> cols;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    if (i != date_col) {
      cols.push_back(i);
      names.push_back(header.fields[i]);
    }
  if (cols.empty())
    detail::fail(file, header.line, 0, {},
                 "no asset columns: a wide file has a date column and one column per asset; "
                 "header found: " +
                     detail::join_fields(header.fields, options.delimiter));

  std::vector<detail::raw_row> rows =
      detail::read_rows(reader, header, [&](::alpha::detail::csv_record& rec) {
        return detail::parse_row(rec, header, file, options, date_col, detail::no_column, cols);
      });
  validation_report report;
  detail::order_rows(rows, file, date_col + 1, options.policy, report);
  std::vector<timestamp> dates;
  dates.reserve(rows.size());
  for (const detail::raw_row& r : rows) dates.push_back(r.date);  // sorted and distinct now
  const std::size_t N = names.size();
  panel<double> px(time_index(std::move(dates)), asset_list(std::move(names)));
  for (std::size_t t = 0; t < rows.size(); ++t)
    for (std::size_t j = 0; j < N; ++j) px(t, j) = rows[t].values[j];

  detail::bar_input in;
  in.fields[detail::f_close] = &px.values();
  in.index = &px.index();
  in.assets = &px.assets();
  in.locate = [&](std::size_t t, std::size_t j, std::size_t f) {
    data_location w;
    w.file = file;
    w.line = rows[t].line;
    if (f == detail::f_close) {
      w.column = cols[j] + 1;
      if (const std::string* s = rows[t].text(j)) w.text = *s;
    }
    return w;
  };
  in.non_numeric = [&](std::size_t t, std::size_t j, std::size_t f) {
    return f == detail::f_close && rows[t].non_numeric(j);
  };
  (void)detail::validate_bars(in, options.policy, report);
  detail::throw_if_errors(report);
  return {std::move(px), std::move(report)};
}

/// Reads a wide CSV file (see the csv_source overload); data_error if it cannot be opened.
[[nodiscard]] inline loaded<panel<double>> read_wide_csv(const std::filesystem::path& path,
                                                         const csv_options& options = {}) {
  return read_wide_csv(::alpha::detail::read_csv_file(path), options);
}

}  // namespace data
ALPHA_END_NAMESPACE
