/// @file
/// Internal pieces shared by the CSV readers: header checks, column roles and aliases, row
/// parsing with structural errors, and the unsorted/duplicate-date rules.
// IWYU pragma: private, include "alpha/data.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/data/csv_options.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/detail/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data::detail {

inline constexpr std::size_t no_column = static_cast<std::size_t>(-1);

/// A data_error at file:line:column with the offending text.
[[noreturn]] inline void fail(const std::string& file, std::size_t line, std::size_t column,
                              std::string text, const std::string& why) {
  data_location w;
  w.file = file;
  w.line = line;
  w.column = column;
  w.text = std::move(text);
  throw data_error(std::move(w), why);
}

using ::alpha::detail::join_fields;

/// Reads and checks the header record (a leading UTF-8 byte-order mark is removed): data_error
/// for an empty file, a header that looks like
/// data (no header), a single column that holds another delimiter, an empty column name, or two
/// columns with the same (normalised) name. O(header length).
[[nodiscard]] inline ::alpha::detail::csv_record read_header(::alpha::detail::csv_reader& reader,
                                                             const csv_options& opt) {
  const std::string& file = reader.name();
  auto rec = reader.next();
  if (!rec) fail(file, 0, 0, {}, "empty file: expected a header line such as 'date,close'");
  if (!rec->fields.empty() && rec->fields[0].starts_with("\xEF\xBB\xBF"))
    rec->fields[0].erase(0, 3);  // UTF-8 byte-order mark (Excel exports)
  const auto& h = rec->fields;
  if (h.size() == 1) {
    for (const char d : {',', ';', '\t', '|'})
      if (d != opt.delimiter && h[0].find(d) != std::string::npos)
        fail(file, rec->line, 1, h[0],
             fmt::format("the header has a single column but contains '{}': the file seems to be "
                         "delimited by '{}' (set csv_options::delimiter)",
                         d == '\t' ? std::string("\\t") : std::string(1, d),
                         d == '\t' ? std::string("\\t") : std::string(1, d)));
  }
  double number = 0;
  if (!h.empty() &&
      (parse_timestamp(h[0], opt.dates) ||
       ::alpha::detail::parse_number(h[0], number) == ::alpha::detail::number_status::ok))
    fail(file, rec->line, 1, h[0],
         "no header: the first line looks like data; expected column names such as "
         "'date,open,high,low,close,volume'");
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (h[i].empty()) fail(file, rec->line, i + 1, {}, "empty column name in the header");
    const std::string n = ::alpha::detail::normalise_column_name(h[i]);
    for (std::size_t k = 0; k < i; ++k)
      if (::alpha::detail::normalise_column_name(h[k]) == n)
        fail(file, rec->line, i + 1, h[i],
             fmt::format("duplicate column '{}' (same name as column {} '{}')", h[i], k + 1, h[k]));
  }
  return std::move(*rec);
}

/// Accepted (normalised) names of the date column.
inline const std::vector<std::string_view> date_aliases{"date", "timestamp", "time", "datetime",
                                                        "day"};
/// Accepted (normalised) names of the symbol column of long files.
inline const std::vector<std::string_view> symbol_aliases{"symbol", "ticker", "asset", "id",
                                                          "code"};

/// The column holding `role`, or no_column. Two columns that both match (e.g. `close` and
/// `price`) are a data_error naming both. O(header size * aliases).
[[nodiscard]] inline std::size_t find_role(const ::alpha::detail::csv_record& header,
                                           const std::string& file, std::string_view role,
                                           const std::vector<std::string_view>& aliases) {
  std::size_t found = no_column;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string n = ::alpha::detail::normalise_column_name(header.fields[i]);
    if (std::find(aliases.begin(), aliases.end(), n) == aliases.end()) continue;
    if (found != no_column)
      fail(file, header.line, i + 1, header.fields[i],
           fmt::format("columns {} '{}' and {} '{}' both name the {} field", found + 1,
                       header.fields[found], i + 1, header.fields[i], role));
    found = i;
  }
  return found;
}

/// data_error: a required column is missing; names the accepted names and the header found.
[[noreturn]] inline void missing_column(const ::alpha::detail::csv_record& header,
                                        const std::string& file, std::string_view role,
                                        const std::vector<std::string_view>& aliases, char delim,
                                        std::string_view hint = {}) {
  std::string names;
  for (const std::string_view a : aliases) names += (names.empty() ? "" : ", ") + std::string(a);
  fail(file, header.line, 0, {},
       fmt::format("missing required column '{}' (accepted names, case-insensitive: {}){}; "
                   "header found: {}",
                   role, names, hint, join_fields(header.fields, delim)));
}

/// The required column for `role` (data_error if absent). O(header size * aliases).
[[nodiscard]] inline std::size_t require_role(const ::alpha::detail::csv_record& header,
                                              const std::string& file, std::string_view role,
                                              const std::vector<std::string_view>& aliases,
                                              char delim) {
  const std::size_t c = find_role(header, file, role, aliases);
  if (c == no_column) missing_column(header, file, role, aliases, delim);
  return c;
}

/// The close column, honouring csv_options::prefer_adjusted; `adjusted` tells whether it is an
/// adjusted close. O(header size).
[[nodiscard]] inline std::size_t close_column(const ::alpha::detail::csv_record& header,
                                              const std::string& file, const csv_options& opt,
                                              bool& is_adjusted) {
  const std::size_t plain =
      find_role(header, file, "close", {"close", "c", "last", "price", "closeprice"});
  const std::size_t adjusted =
      find_role(header, file, "adjusted close", {"adjclose", "adjustedclose", "adjcloseprice"});
  if (plain == no_column && adjusted == no_column)
    missing_column(header, file, "close",
                   {"close", "c", "last", "price", "adj close", "adjclose", "adjusted close"},
                   opt.delimiter);
  is_adjusted = plain == no_column || (adjusted != no_column && opt.prefer_adjusted);
  return is_adjusted ? adjusted : plain;
}

/// One data row as read: date, optional symbol, the numbers of the wanted columns (NaN when the
/// column is absent or the field is missing/non-numeric) and the verbatim text of the fields that
/// were not finite numbers (non-numeric text or +-inf), as (value index, text).
struct raw_row {
  std::size_t line = 0;
  timestamp date;
  std::string date_text;
  std::string symbol;
  std::size_t asset = 0;  ///< index of `symbol` among the file's assets (set before order_rows)
  std::vector<double> values;
  std::vector<std::pair<std::size_t, std::string>> texts;

  /// True if value `k` came from text that is not a number.
  [[nodiscard]] bool non_numeric(std::size_t k) const noexcept {
    for (const auto& [i, text] : texts)
      if (i == k) return is_nan(values[k]);
    return false;
  }
  [[nodiscard]] const std::string* text(std::size_t k) const noexcept {
    for (const auto& [i, s] : texts)
      if (i == k) return &s;
    return nullptr;
  }
};

/// Parses one data record: data_error for a wrong number of fields (truncated line or extra
/// fields), a bad date, or an empty symbol. `value_columns[k]` is the column of value k, or
/// no_column. O(record length).
[[nodiscard]] inline raw_row parse_row(::alpha::detail::csv_record& rec,
                                       const ::alpha::detail::csv_record& header,
                                       const std::string& file, const csv_options& opt,
                                       std::size_t date_col, std::size_t symbol_col,
                                       const std::vector<std::size_t>& value_columns) {
  const std::size_t n = header.fields.size();
  if (rec.fields.size() < n)
    fail(file, rec.line, rec.fields.size() + 1, join_fields(rec.fields, opt.delimiter),
         fmt::format("the line has {} field{} but the header has {} (truncated line?); missing "
                     "column {} '{}'",
                     rec.fields.size(), rec.fields.size() == 1 ? "" : "s", n, rec.fields.size() + 1,
                     header.fields[rec.fields.size()]));
  if (rec.fields.size() > n)
    fail(file, rec.line, n + 1, rec.fields[n],
         fmt::format("the line has {} fields but the header has {} (extra field)",
                     rec.fields.size(), n));
  raw_row row;
  row.line = rec.line;
  row.date_text = rec.fields[date_col];
  const auto t = parse_timestamp(row.date_text, opt.dates);
  if (!t) {
    constexpr std::array<std::string_view, 5> fmts{
        "YYYY-MM-DD, YYYYMMDD, ISO date-time or epoch seconds/milliseconds", "ISO YYYY-MM-DD",
        "YYYYMMDD", "epoch seconds", "epoch milliseconds"};
    fail(file, rec.line, date_col + 1, row.date_text,
         fmt::format("not a valid date in column '{}' (expected {})", header.fields[date_col],
                     fmts[static_cast<std::size_t>(opt.dates)]));
  }
  row.date = *t;
  if (symbol_col != no_column) {
    row.symbol = rec.fields[symbol_col];
    if (row.symbol.empty())
      fail(file, rec.line, symbol_col + 1, {},
           fmt::format("empty asset id in column '{}'", header.fields[symbol_col]));
  }
  row.values.assign(value_columns.size(), nan);
  for (std::size_t k = 0; k < value_columns.size(); ++k) {
    const std::size_t c = value_columns[k];
    if (c == no_column) continue;
    double v = nan;
    const auto status = ::alpha::detail::parse_number(rec.fields[c], v);
    if (status == ::alpha::detail::number_status::not_a_number ||
        (status == ::alpha::detail::number_status::ok && !std::isfinite(v)))
      row.texts.emplace_back(k, std::move(rec.fields[c]));
    row.values[k] = v;
  }
  return row;
}

/// Reads every data record after the header; data_error "no data rows" if there is none.
template <class Parse>
[[nodiscard]] std::vector<raw_row> read_rows(::alpha::detail::csv_reader& reader,
                                             const ::alpha::detail::csv_record& header,
                                             Parse parse) {
  std::vector<raw_row> rows;
  ::alpha::detail::csv_record rec;  // reused: its field strings keep their storage
  while (reader.next(rec)) rows.push_back(parse(rec));
  if (rows.empty())
    fail(reader.name(), header.line, 0, {}, "no data rows: the file has a header line only");
  return rows;
}

/// Applies the unsorted_timestamp and duplicate_timestamp rules per symbol (rows of a symbol must
/// have strictly increasing dates in file order), then sorts the rows by (symbol, date). Appends
/// each problem to `report`. `date_column` is 1-based. O(R log R).
inline void order_rows(std::vector<raw_row>& rows, const std::string& file, std::size_t date_column,
                       const validation_policy& policy, validation_report& report) {
  const auto where = [&](const raw_row& r) {
    data_location w;
    w.file = file;
    w.line = r.line;
    w.column = date_column;
    w.asset = r.symbol;
    w.date = r.date.to_iso();
    w.text = r.date_text;
    return w;
  };
  // Unsorted: a row earlier than the latest date seen before it for the same asset.
  const action unsorted = policy[problem_kind::unsorted_timestamp];
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t asset_count = 0;
  for (const raw_row& r : rows) asset_count = std::max(asset_count, r.asset + 1);
  std::vector<std::size_t> latest(asset_count, none);
  std::vector<std::uint8_t> remove(rows.size(), 0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::size_t& last = latest[rows[i].asset];
    if (last == none || !(rows[i].date < rows[last].date)) {
      last = i;
      continue;
    }
    const raw_row& prev = rows[last];
    std::string detail =
        fmt::format("date {} is earlier than {} on line {} (rows must be in ascending date order)",
                    rows[i].date.to_iso(), prev.date.to_iso(), prev.line);
    if (unsorted == action::drop) {
      remove[i] = 1;
      detail += " -> row removed";
    } else if (unsorted == action::repair) {
      detail += " -> repaired: rows sorted by date";
    }
    report.add(
        problem{problem_kind::unsorted_timestamp, where(rows[i]), std::move(detail), unsorted});
  }
  if (std::find(remove.begin(), remove.end(), std::uint8_t{1}) != remove.end()) {
    std::vector<raw_row> kept;
    kept.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!remove[i]) kept.push_back(std::move(rows[i]));
    rows = std::move(kept);
  }
  // Order by (asset, date), stable: sort a permutation on integer keys, then move each row once.
  const auto before = [](const raw_row& a, const raw_row& b) {
    return a.asset != b.asset ? a.asset < b.asset : a.date < b.date;
  };
  if (!std::is_sorted(rows.begin(), rows.end(), before)) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return before(rows[a], rows[b]); });
    std::vector<raw_row> sorted;
    sorted.reserve(rows.size());
    for (const std::size_t i : order) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
  }
  // Duplicates: runs of equal (symbol, date); file order is kept inside a run.
  const action dup = policy[problem_kind::duplicate_timestamp];
  std::vector<raw_row> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t e = i + 1;
    while (e < rows.size() && rows[e].asset == rows[i].asset && rows[e].date == rows[i].date) ++e;
    if (e - i > 1) {
      for (std::size_t k = i + 1; k < e; ++k) {
        std::string detail =
            fmt::format("date {} repeats line {}", rows[k].date.to_iso(), rows[i].line);
        if (dup == action::drop)
          detail += fmt::format(" -> every row dated {} removed", rows[k].date.to_iso());
        else if (dup == action::repair)
          detail += fmt::format(" -> row removed, line {} kept", rows[i].line);
        report.add(
            problem{problem_kind::duplicate_timestamp, where(rows[k]), std::move(detail), dup});
      }
      if (dup == action::drop)
        report.add(problem{problem_kind::duplicate_timestamp, where(rows[i]),
                           fmt::format("first of {} rows dated {} -> row removed with its "
                                       "duplicates",
                                       e - i, rows[i].date.to_iso()),
                           dup});
      if (dup != action::drop) out.push_back(std::move(rows[i]));
    } else {
      out.push_back(std::move(rows[i]));
    }
    i = e;
  }
  rows = std::move(out);
}

/// The sorted distinct dates of `rows`. O(R log R).
[[nodiscard]] inline std::vector<timestamp> distinct_dates(const std::vector<raw_row>& rows) {
  std::vector<timestamp> d;
  d.reserve(rows.size());
  for (const raw_row& r : rows) d.push_back(r.date);
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  return d;
}

/// The asset id of a single-asset file: the option, else the stem of the source name.
[[nodiscard]] inline std::string single_asset_id(const csv_source& src, const csv_options& opt) {
  if (!opt.asset.empty()) return opt.asset;
  std::string stem = std::filesystem::path(src.name).stem().string();
  return stem.empty() ? std::string("asset") : stem;
}

}  // namespace data::detail
ALPHA_END_NAMESPACE
