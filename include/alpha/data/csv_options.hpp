/// @file
/// Options of the CSV readers (alpha::data::csv_options) and their result type
/// (alpha::data::loaded<T>: the data plus the validation report).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/detail/csv.hpp"

#include <string>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// An in-memory CSV text and the name used in messages (a path or a label such as "aapl.csv"):
/// what the `read_*_csv(const csv_source&, ...)` overloads read.
using csv_source = ::alpha::detail::csv_source;

/// How to read a CSV file. Aggregate: `read_ohlcv_csv(path, {.dates = time_format::yyyymmdd})`.
struct csv_options {
  /// Field separator (',' by default; ';', '\t' or '|' for other dialects).
  char delimiter = ',';
  /// Date format of the date column; `automatic` recognises YYYY-MM-DD, YYYYMMDD, ISO date-time
  /// and epoch seconds/milliseconds (see alpha::time_format).
  time_format dates = time_format::automatic;
  /// Single-asset files: the asset id; empty means the file stem ("data/AAPL.csv" -> "AAPL").
  std::string asset{};
  /// When a file has both a close column (close/c/last/price) and an adjusted-close column
  /// (adj close/adjclose/adjusted close): false (default) reads close, true reads adjusted close.
  /// With only one of them present, that one is used.
  bool prefer_adjusted = false;
  /// OHLCV files: true (default) makes a missing volume column a data_error; false reads such
  /// files with an all-NaN volume field, which is then not validated.
  bool require_volume = true;
  /// What to do with each kind of value problem (see validation_policy).
  validation_policy policy{};
};

/// The result of a reader: the data and the report of every problem found and how it was
/// handled. Supports structured bindings: `auto [px, report] = read_ohlcv_csv("x.csv");`.
template <class T>
struct loaded {
  T data;
  validation_report report;
};

}  // namespace data
ALPHA_END_NAMESPACE
