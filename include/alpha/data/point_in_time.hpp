/// @file
/// Point-in-time join of fundamentals onto a panel's calendar and assets: a value is usable only
/// from its availability date on (as-of join, forward-filled until the next report, optionally
/// lagged and with a staleness limit). No look-ahead by construction.
///
/// @test tests/cross_section/fundamentals_test.cpp (hand-computed joins, future-perturbation
///   test, before-start and staleness rules)
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/data/read_fundamentals.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Options of point_in_time().
struct point_in_time_options {
  /// Extra bars of delay: a record is used from the first bar at or after its availability
  /// instant, plus `lag` bars (1 for reports released after the close of their date).
  std::size_t lag = 0;
  /// Staleness limit: at bar t a value whose availability date is more than `max_age` before the
  /// bar's instant gives NaN (unset: forward-filled without limit).
  std::optional<std::chrono::days> max_age = std::nullopt;
};

/// What point_in_time() did with the records that did not map one-to-one onto bars.
struct point_in_time_report {
  /// Records available before the calendar's first bar that serve as the initial value (the
  /// latest of each symbol before the start; used from bar 0 + lag).
  std::vector<fundamental_record> initial_from_before_start;
  /// Records never visible: superseded by a later record before the bar they would start on
  /// (several reports before the start, or between two bars).
  std::vector<fundamental_record> superseded;
  /// Records whose start bar (lag included) is after the last bar: never visible here.
  std::vector<fundamental_record> after_end;
  /// Symbols of the field's records that are not among the panel's assets (ignored), sorted.
  std::vector<std::string> unknown_symbols;
};

/// A point-in-time panel of one field and its report.
struct point_in_time_panel {
  panel<double> values;
  point_in_time_report report;
};

/// Joins one field of `f` point-in-time onto `calendar` x `assets`: at bar t, asset j takes the
/// value of the record of (j, field) with the latest availability instant <= calendar[t] (as-of;
/// instants compared exactly, so a report available on day d is visible on the bar of day d for
/// a daily calendar at midnight), moved `lag` bars later; NaN before the first such record, when
/// the record's value is NaN (reported missing), and when it is older than `max_age`.
/// Records before the calendar's start are not an error: the latest one is the initial value
/// (listed in the report); records after the end and symbols outside `assets` are ignored and
/// listed. An unknown field is a data_error naming it and the fields present; a negative
/// max_age is a config_error.
/// Complexity: O(R log T + T N) for R records of the field.
[[nodiscard]] inline point_in_time_panel point_in_time(const fundamentals& f,
                                                       std::string_view field,
                                                       std::shared_ptr<const time_index> calendar,
                                                       std::shared_ptr<const asset_list> assets,
                                                       const point_in_time_options& opt = {}) {
  if (opt.max_age && opt.max_age->count() < 0)
    throw config_error(
        "max_age", "point_in_time: must be >= 0 days, got " + std::to_string(opt.max_age->count()));
  const std::span<const fundamental_record> recs = f.field(field);
  if (recs.empty()) {
    std::string known;
    for (const std::string& s : f.fields()) known += (known.empty() ? "" : ", ") + s;
    data_location w;
    w.file = f.source();
    throw data_error(std::move(w), "point_in_time: no record of field '" + std::string(field) +
                                       "' (fields present: " + (known.empty() ? "none" : known) +
                                       ")");
  }
  point_in_time_panel out{panel<double>(std::move(calendar), std::move(assets)), {}};
  const time_index& cal = out.values.index();
  const std::size_t T = cal.size();
  const auto times = cal.times();
  for (std::size_t b = 0; b < recs.size();) {
    std::size_t e = b + 1;
    while (e < recs.size() && recs[e].symbol == recs[b].symbol) ++e;
    const std::optional<std::size_t> col = out.values.assets().find(recs[b].symbol);
    if (!col) {
      out.report.unknown_symbols.push_back(recs[b].symbol);
      b = e;
      continue;
    }
    // Start bar of each record: first bar at or after its availability, plus the lag.
    std::vector<std::size_t> start(e - b);
    for (std::size_t i = b; i < e; ++i) {
      const auto first = static_cast<std::size_t>(
          std::lower_bound(times.begin(), times.end(), recs[i].available) - times.begin());
      start[i - b] = first >= T ? T : std::min(T, first + opt.lag);
    }
    for (std::size_t i = b; i < e; ++i) {
      const std::size_t s = start[i - b];
      const std::size_t stop = i + 1 < e ? start[i + 1 - b] : T;
      if (s >= T) {
        out.report.after_end.push_back(recs[i]);
        continue;
      }
      if (stop <= s) {  // a later record starts on the same bar: this one is never visible
        out.report.superseded.push_back(recs[i]);
        continue;
      }
      if (T > 0 && recs[i].available < times[0])
        out.report.initial_from_before_start.push_back(recs[i]);
      for (std::size_t t = s; t < stop; ++t) {
        const bool stale =
            opt.max_age && times[t] - recs[i].available >
                               std::chrono::duration_cast<timestamp::duration>(*opt.max_age);
        out.values(t, *col) = stale ? nan : recs[i].value;
      }
    }
    b = e;
  }
  return out;
}

/// point_in_time() onto the calendar and assets of an existing panel (shared, not copied).
template <class T>
[[nodiscard]] point_in_time_panel point_in_time(const fundamentals& f, std::string_view field,
                                                const panel<T>& like,
                                                const point_in_time_options& opt = {}) {
  return point_in_time(f, field, like.shared_index(), like.shared_assets(), opt);
}

}  // namespace data
ALPHA_END_NAMESPACE
