/// @file
/// CSV writers: a panel<double> as a wide file, an ohlcv_panel as a single-asset or long file,
/// to a std::ostream or a path. Output is read back bit-identically by the readers.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Layout of an OHLCV file: `single_asset` is `date,open,high,low,close,volume[,vwap]` (the panel
/// must hold one asset), `long_format` is `date,symbol,open,...`; `automatic` picks single_asset
/// for one asset and long_format otherwise.
enum class ohlcv_layout { automatic, single_asset, long_format };

/// Options of the CSV writers.
struct csv_write_options {
  char delimiter = ',';                           ///< field separator
  ohlcv_layout layout = ohlcv_layout::automatic;  ///< OHLCV writers only
  /// Long OHLCV layout only: leave out bars whose every field is NaN (default false, which keeps
  /// the panel's whole calendar in the file).
  bool skip_empty_bars = false;
};

namespace detail {

/// Appends a number: shortest text that reads back to the same double (fmt `{}`), `NaN` for NaN,
/// `inf`/`-inf` for infinities. O(1).
inline void put_number(fmt::memory_buffer& buf, double v) {
  if (is_nan(v)) {
    buf.append(std::string_view("NaN"));
    return;
  }
  fmt::format_to(std::back_inserter(buf), "{}", v);
}

/// Appends a text field, quoted (with doubled quotes) if it holds the delimiter, a quote, a
/// newline or leading/trailing blanks. O(length).
inline void put_text(fmt::memory_buffer& buf, std::string_view s, char delim) {
  const bool quote =
      s.find_first_of(std::string{delim, '"', '\n', '\r'}) != std::string_view::npos ||
      (!s.empty() &&
       (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t'));
  if (!quote) {
    buf.append(s);
    return;
  }
  buf.push_back('"');
  for (const char c : s) {
    if (c == '"') buf.push_back('"');
    buf.push_back(c);
  }
  buf.push_back('"');
}

inline void flush(std::ostream& os, fmt::memory_buffer& buf) {
  os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.clear();
  if (!os) throw data_error({}, "write error on the output stream");
}

template <class Write>
void write_to_path(const std::filesystem::path& path, Write write) {
  std::ofstream os(path, std::ios::binary | std::ios::trunc);
  if (!os) {
    data_location w;
    w.file = path.string();
    throw data_error(std::move(w), "cannot open file for writing");
  }
  try {
    write(os);
    os.flush();
    if (!os) throw data_error({}, "write error");
  } catch (const data_error& e) {
    data_location w;
    w.file = path.string();
    throw data_error(std::move(w), e.why());
  }
}

}  // namespace detail

/// Writes `p` as a wide CSV: header `date,<asset ids>`, then one row per date with ISO dates
/// (timestamp::to_iso) and shortest round-trip numbers (`NaN` for missing). read_wide_csv reads
/// it back bit-identically. Throws data_error on a stream failure. O(T * N).
/// @test tests/data/csv_write_test.cpp (CsvWrite.WideRoundTripIsBitIdentical)
inline void write_wide_csv(std::ostream& os, const panel<double>& p,
                           const csv_write_options& options = {}) {
  fmt::memory_buffer buf;
  const char d = options.delimiter;
  buf.append(std::string_view("date"));
  for (const std::string& a : p.assets()) {
    buf.push_back(d);
    detail::put_text(buf, a, d);
  }
  buf.push_back('\n');
  for (std::size_t t = 0; t < p.rows(); ++t) {
    buf.append(p.index()[t].to_iso());
    for (std::size_t j = 0; j < p.cols(); ++j) {
      buf.push_back(d);
      detail::put_number(buf, p(t, j));
    }
    buf.push_back('\n');
    if (buf.size() > 1 << 16) detail::flush(os, buf);
  }
  detail::flush(os, buf);
}

/// Writes `p` as a wide CSV file (created or truncated); data_error naming the path on failure.
inline void write_wide_csv(const std::filesystem::path& path, const panel<double>& p,
                           const csv_write_options& options = {}) {
  detail::write_to_path(path, [&](std::ostream& os) { write_wide_csv(os, p, options); });
}

/// Writes `px` as an OHLCV CSV in `options.layout` (see ohlcv_layout): columns
/// `date[,symbol],open,high,low,close,volume[,vwap]`, ISO dates, shortest round-trip numbers,
/// `NaN` for missing; long rows are date-major (all assets of a date, in asset order).
/// read_ohlcv_csv / read_ohlcv_long_csv read it back bit-identically. Throws config_error for
/// `single_asset` with other than one asset, data_error on a stream failure. O(T * N).
inline void write_ohlcv_csv(std::ostream& os, const ohlcv_panel& px,
                            const csv_write_options& options = {}) {
  const bool is_long = options.layout == ohlcv_layout::long_format ||
                       (options.layout == ohlcv_layout::automatic && px.cols() != 1);
  if (!is_long && px.cols() != 1)
    throw config_error("layout", "single_asset needs a panel of exactly one asset, this one has " +
                                     std::to_string(px.cols()));
  const char d = options.delimiter;
  fmt::memory_buffer buf;
  buf.append(std::string_view("date"));
  if (is_long) {
    buf.push_back(d);
    buf.append(std::string_view("symbol"));
  }
  for (const std::string_view name : {"open", "high", "low", "close", "volume"}) {
    buf.push_back(d);
    buf.append(name);
  }
  if (px.has_vwap()) {
    buf.push_back(d);
    buf.append(std::string_view("vwap"));
  }
  buf.push_back('\n');
  std::vector<const panel<double>*> fields{&px.open(), &px.high(), &px.low(), &px.close(),
                                           &px.volume()};
  if (px.has_vwap()) fields.push_back(&*px.vwap());
  for (std::size_t t = 0; t < px.rows(); ++t) {
    const std::string date = px.index()[t].to_iso();
    for (std::size_t j = 0; j < px.cols(); ++j) {
      if (is_long && options.skip_empty_bars) {
        bool empty = true;
        for (const panel<double>* f : fields) empty = empty && is_nan((*f)(t, j));
        if (empty) continue;
      }
      buf.append(date);
      if (is_long) {
        buf.push_back(d);
        detail::put_text(buf, px.assets()[j], d);
      }
      for (const panel<double>* f : fields) {
        buf.push_back(d);
        detail::put_number(buf, (*f)(t, j));
      }
      buf.push_back('\n');
    }
    if (buf.size() > 1 << 16) detail::flush(os, buf);
  }
  detail::flush(os, buf);
}

/// Writes `px` as an OHLCV CSV file (created or truncated); data_error naming the path on failure.
inline void write_ohlcv_csv(const std::filesystem::path& path, const ohlcv_panel& px,
                            const csv_write_options& options = {}) {
  detail::write_to_path(path, [&](std::ostream& os) { write_ohlcv_csv(os, px, options); });
}

}  // namespace data
ALPHA_END_NAMESPACE
