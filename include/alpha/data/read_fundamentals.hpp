/// @file
/// Fundamentals in long CSV form (one value per symbol, availability date and field) and their
/// reader: `symbol,available_date,field,value`, e.g. `AAPL,2020-01-29,eps_surprise,0.12`.
///
/// Column names (any order, case-insensitive, spaces/'_'/'-' ignored; other columns ignored):
///  - symbol: symbol, ticker, asset, id, code;
///  - availability date: available_date, available, available_from, as_of, as_of_date,
///    known_date, release_date, publication_date. The date from which the value was public:
///    period-end or "report" dates are deliberately not accepted (they precede the release and
///    would leak the future in a point-in-time join);
///  - field: field, name, metric, item;  value: value, val.
/// Every structural problem is a data_error naming `file:line:column` and the offending text:
/// empty file, no header, missing column, wrong number of fields, bad date, empty symbol or
/// field, a value that is not a number or is +-inf, no data rows, and a duplicate (symbol, field,
/// availability date), which names both lines. An empty or NaN value (NaN, NA, N/A, null, #N/A)
/// is kept as a NaN record: from its date on, the field is unknown until the next report.
///
/// @test tests/cross_section/fundamentals_test.cpp (hand-made files, every error case)
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/data/csv_options.hpp"
#include "alpha/detail/csv.hpp"
#include "alpha/detail/csv_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// One fundamental value: `value` of `field` for `symbol`, public from `available` on.
struct fundamental_record {
  std::string symbol;
  timestamp available;
  std::string field;
  double value = nan;    ///< NaN: reported as missing
  std::size_t line = 0;  ///< 1-based line in the source file (0: not read from a file)
};

/// A set of fundamental records, sorted by (field, symbol, available), with no duplicate
/// (field, symbol, available). Lookup of one series O(log n).
class fundamentals {
 public:
  fundamentals() = default;
  /// Takes the records (any order); data_error naming the symbol, field, date and both lines for
  /// a duplicate (symbol, field, available), or for an empty symbol or field. `source` names the
  /// file in messages. O(n log n).
  explicit fundamentals(std::vector<fundamental_record> records, std::string source = {})
      : records_(std::move(records)), source_(std::move(source)) {
    for (const fundamental_record& r : records_)
      if (r.symbol.empty() || r.field.empty()) {
        data_location w;
        w.file = source_;
        w.line = r.line;
        w.asset = r.symbol;
        throw data_error(std::move(w), r.symbol.empty() ? "fundamentals: empty symbol"
                                                        : "fundamentals: empty field name");
      }
    std::stable_sort(records_.begin(), records_.end(), less);
    for (std::size_t i = 1; i < records_.size(); ++i) {
      const fundamental_record &a = records_[i - 1], &b = records_[i];
      if (a.field == b.field && a.symbol == b.symbol && a.available == b.available) {
        data_location w;
        w.file = source_;
        w.line = b.line;
        w.asset = b.symbol;
        w.date = b.available.to_iso();
        throw data_error(std::move(w),
                         fmt::format("duplicate fundamental: symbol '{}', field '{}', available "
                                     "{} appears on lines {} and {}",
                                     b.symbol, b.field, b.available.to_iso(), a.line, b.line));
      }
    }
    for (const fundamental_record& r : records_)
      if (fields_.empty() || fields_.back() != r.field) fields_.push_back(r.field);
  }

  [[nodiscard]] std::size_t size() const noexcept { return records_.size(); }
  [[nodiscard]] bool empty() const noexcept { return records_.empty(); }
  /// All records, sorted by (field, symbol, available).
  [[nodiscard]] const std::vector<fundamental_record>& records() const noexcept { return records_; }
  /// The distinct fields, sorted.
  [[nodiscard]] const std::vector<std::string>& fields() const noexcept { return fields_; }
  /// The file the records came from (empty if built in memory).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// The records of one field (all symbols), sorted by (symbol, available). O(log n).
  [[nodiscard]] std::span<const fundamental_record> field(std::string_view name) const {
    const auto lo = std::lower_bound(
        records_.begin(), records_.end(), name,
        [](const fundamental_record& r, std::string_view f) { return r.field < f; });
    const auto hi = std::upper_bound(
        lo, records_.end(), name,
        [](std::string_view f, const fundamental_record& r) { return f < r.field; });
    return {records_.data() + (lo - records_.begin()), static_cast<std::size_t>(hi - lo)};
  }

 private:
  static bool less(const fundamental_record& a, const fundamental_record& b) {
    return std::tie(a.field, a.symbol, a.available) < std::tie(b.field, b.symbol, b.available);
  }
  std::vector<fundamental_record> records_;
  std::vector<std::string> fields_;
  std::string source_;
};

/// Reads fundamentals from long CSV text (format and errors in the file comment). Uses
/// csv_options::delimiter and ::dates; the validation policy does not apply (every problem is
/// structural). O(length + n log n).
[[nodiscard]] inline fundamentals read_fundamentals_csv(const csv_source& source,
                                                        const csv_options& options = {}) {
  namespace d = detail;
  ::alpha::detail::csv_reader reader(source, options.delimiter);
  const ::alpha::detail::csv_record header = d::read_header(reader, options);
  const std::string& file = source.name;
  const char delim = options.delimiter;
  const std::size_t sym_col = d::require_role(header, file, "symbol", d::symbol_aliases, delim);
  const std::size_t date_col =
      d::require_role(header, file, "available_date",
                      {"availabledate", "available", "availablefrom", "asof", "asofdate",
                       "knowndate", "releasedate", "publicationdate"},
                      delim);
  const std::size_t field_col =
      d::require_role(header, file, "field", {"field", "name", "metric", "item"}, delim);
  const std::size_t value_col = d::require_role(header, file, "value", {"value", "val"}, delim);
  std::vector<fundamental_record> out;
  const std::vector<d::raw_row> rows =
      d::read_rows(reader, header, [&](::alpha::detail::csv_record& rec) {
        d::raw_row row = d::parse_row(rec, header, file, options, date_col, sym_col, {value_col});
        if (!row.texts.empty())
          d::fail(
              file, rec.line, value_col + 1, row.texts.front().second,
              fmt::format("value in column '{}' is not a finite number", header.fields[value_col]));
        if (rec.fields[field_col].empty())
          d::fail(file, rec.line, field_col + 1, {},
                  fmt::format("empty field name in column '{}'", header.fields[field_col]));
        out.push_back({std::move(row.symbol), row.date, std::move(rec.fields[field_col]),
                       row.values[0], rec.line});
        return row;
      });
  (void)rows;
  return fundamentals(std::move(out), file);
}

/// Reads a fundamentals CSV file (see the csv_source overload); data_error if it cannot be read.
[[nodiscard]] inline fundamentals read_fundamentals_csv(const std::filesystem::path& path,
                                                        const csv_options& options = {}) {
  return read_fundamentals_csv(::alpha::detail::read_csv_file(path), options);
}

}  // namespace data
ALPHA_END_NAMESPACE
