/// @file
/// Aligning panels onto one calendar: union or intersection of several calendars, merging
/// panels of different assets onto it, and reindexing a panel onto a given calendar.
///
/// Conventions. Cells absent from a source are NaN (for an ohlcv_panel: every field of that
/// bar). Nothing is dropped silently: align() keeps every source row under a union join; under an
/// intersection join it drops the rows whose date some input lacks (that is what an intersection
/// is) and counts them per input in an optional align_report. reindex() returns the list of
/// dropped (asset, instant) cells next to the panel, or throws if asked to.
///
/// @test tests/data/align_test.cpp (hand-computed expectations, every error case).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// How several calendars combine: every instant present in at least one calendar
/// (`union_of_dates`), or only the instants present in all of them (`intersection_of_dates`).
enum class calendar_join { union_of_dates, intersection_of_dates };

/// What align() does with the VWAP field when only some ohlcv inputs have one.
/// `drop_unless_all` (the default): the output has a VWAP field only if every input has one, so a
/// VWAP column never mixes measured values with holes that mean "not provided".
/// `nan_fill_missing`: the output has a VWAP field if any input has one; assets from inputs
/// without VWAP get an all-NaN VWAP column.
enum class vwap_merge { drop_unless_all, nan_fill_missing };

/// What reindex() does with source rows whose instant is not in the target calendar.
/// `report` (the default): drop them and list the dropped cells in the result.
/// `error`: throw data_error naming the first dropped cell that holds a value.
enum class drop_policy { report, error };

/// One cell a reindex dropped: the asset and the instant of a source row absent from the target.
struct dropped_cell {
  std::string asset;
  timestamp time;
  friend bool operator==(const dropped_cell&, const dropped_cell&) = default;
};

/// What a reindex dropped. `rows` counts every source row absent from the target calendar;
/// `cells` lists, in (time, asset column) order, the cells of those rows that held a value
/// (not NaN; for OHLCV, any non-NaN field). All-NaN rows are counted but hold no cells.
struct reindex_report {
  std::size_t rows = 0;
  std::vector<dropped_cell> cells;
  /// True if nothing was dropped.
  [[nodiscard]] bool empty() const noexcept { return rows == 0; }
};

/// A reindexed panel (panel<T> or ohlcv_panel) together with what was dropped to make it.
/// Usable with structured bindings: `auto [p, dropped] = reindex(src, calendar);`.
template <class P>
struct reindexed {
  P panel;
  reindex_report dropped;
};

/// Summary of an align(): the output calendar and how many rows of each input it did not keep
/// (always 0 under a union join).
struct align_report {
  std::vector<std::size_t> dropped_rows;  ///< one entry per input, in input order
};

namespace detail::align_impl {

/// Row of each source instant in `target`, or nullopt. Both are sorted: one merge pass,
/// O(source + target).
[[nodiscard]] inline std::vector<std::optional<std::size_t>> map_rows(const time_index& source,
                                                                      const time_index& target) {
  std::vector<std::optional<std::size_t>> out(source.size());
  std::size_t j = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const timestamp t = source[i];
    while (j < target.size() && target[j] < t) ++j;
    if (j < target.size() && target[j] == t) out[i] = j;
  }
  return out;
}

/// Copies column `from_col` of `src` into column `to_col` of `dst` through a row map.
template <class Array>
void copy_column(const Array& src, Eigen::Index from_col, Array& dst, Eigen::Index to_col,
                 const std::vector<std::optional<std::size_t>>& rows) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i])
      dst(static_cast<Eigen::Index>(*rows[i]), to_col) =
          src(static_cast<Eigen::Index>(i), from_col);
}

/// Concatenated asset ids of several inputs; data_error naming a duplicate and both inputs.
template <class P>
[[nodiscard]] asset_list concat_assets(const std::vector<const P*>& inputs) {
  std::vector<std::string> names;
  std::map<std::string, std::size_t, std::less<>> owner;
  for (std::size_t k = 0; k < inputs.size(); ++k)
    for (const std::string& a : inputs[k]->assets()) {
      const auto [it, inserted] = owner.emplace(a, k);
      if (!inserted) {
        data_location where;
        where.asset = a;
        throw data_error(std::move(where), "align: asset id appears in input " +
                                               std::to_string(it->second) + " and in input " +
                                               std::to_string(k) +
                                               " (asset ids must be unique across inputs)");
      }
      names.push_back(a);
    }
  return asset_list(std::move(names));
}

template <class P>
[[nodiscard]] std::vector<const P*> pointers(std::span<const P> inputs) {
  std::vector<const P*> out;
  out.reserve(inputs.size());
  for (const P& p : inputs) out.push_back(&p);
  return out;
}

template <class P>
[[nodiscard]] std::vector<const P*> pointers(
    std::initializer_list<std::reference_wrapper<const P>> inputs) {
  std::vector<const P*> out;
  out.reserve(inputs.size());
  for (const auto& p : inputs) out.push_back(&p.get());
  return out;
}

template <class P>
[[nodiscard]] std::vector<const time_index*> calendars_of(const std::vector<const P*>& inputs) {
  std::vector<const time_index*> out;
  out.reserve(inputs.size());
  for (const P* p : inputs) out.push_back(&p->index());
  return out;
}

}  // namespace detail::align_impl

/// The union or intersection of several calendars. Each input is strictly increasing, so an
/// instant occurs at most once per input: the instants are gathered, sorted and counted.
/// No inputs give an empty calendar. O(M log M) for M instants in total.
[[nodiscard]] inline time_index join_calendars(std::span<const time_index* const> calendars,
                                               calendar_join how) {
  std::vector<timestamp> all;
  std::size_t total = 0;
  for (const time_index* c : calendars) total += c->size();
  all.reserve(total);
  for (const time_index* c : calendars) all.insert(all.end(), c->begin(), c->end());
  std::sort(all.begin(), all.end());
  std::vector<timestamp> out;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (how == calendar_join::union_of_dates || j - i == calendars.size()) out.push_back(all[i]);
    i = j;
  }
  return time_index(std::move(out));
}

/// join_calendars() of two calendars. O((n + m) log(n + m)).
[[nodiscard]] inline time_index join_calendars(const time_index& a, const time_index& b,
                                               calendar_join how) {
  const std::vector<const time_index*> both{&a, &b};
  return join_calendars(both, how);
}

namespace detail::align_impl {

[[nodiscard]] inline panel<double> align_panels(const std::vector<const panel<double>*>& inputs,
                                                calendar_join how, align_report* report) {
  asset_list assets = concat_assets(inputs);
  const auto cals = calendars_of(inputs);
  panel<double> out(join_calendars(cals, how), std::move(assets));
  if (report) report->dropped_rows.clear();
  Eigen::Index col = 0;
  for (const panel<double>* p : inputs) {
    const auto rows = map_rows(p->index(), out.index());
    if (report)
      report->dropped_rows.push_back(static_cast<std::size_t>(
          std::count_if(rows.begin(), rows.end(),
                        [](const std::optional<std::size_t>& r) { return !r.has_value(); })));
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(p->cols()); ++j, ++col)
      copy_column(p->values(), j, out.values(), col, rows);
  }
  return out;
}

[[nodiscard]] inline ohlcv_panel align_ohlcv(const std::vector<const ohlcv_panel*>& inputs,
                                             calendar_join how, vwap_merge vwap,
                                             align_report* report) {
  asset_list assets = concat_assets(inputs);
  const auto cals = calendars_of(inputs);
  const bool all_vwap =
      std::all_of(inputs.begin(), inputs.end(), [](const ohlcv_panel* p) { return p->has_vwap(); });
  const bool any_vwap =
      std::any_of(inputs.begin(), inputs.end(), [](const ohlcv_panel* p) { return p->has_vwap(); });
  const bool with_vwap =
      vwap == vwap_merge::drop_unless_all ? all_vwap && !inputs.empty() : any_vwap;
  ohlcv_panel out(join_calendars(cals, how), std::move(assets), with_vwap);
  if (report) report->dropped_rows.clear();
  Eigen::Index col = 0;
  for (const ohlcv_panel* p : inputs) {
    const auto rows = map_rows(p->index(), out.index());
    if (report)
      report->dropped_rows.push_back(static_cast<std::size_t>(
          std::count_if(rows.begin(), rows.end(),
                        [](const std::optional<std::size_t>& r) { return !r.has_value(); })));
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(p->cols()); ++j, ++col) {
      copy_column(p->open().values(), j, out.open_values(), col, rows);
      copy_column(p->high().values(), j, out.high_values(), col, rows);
      copy_column(p->low().values(), j, out.low_values(), col, rows);
      copy_column(p->close().values(), j, out.close_values(), col, rows);
      copy_column(p->volume().values(), j, out.volume_values(), col, rows);
      if (with_vwap && p->has_vwap())
        copy_column(p->vwap()->values(), j, out.vwap_values(), col, rows);
    }
  }
  return out;
}

}  // namespace detail::align_impl

/// Merges wide panels of distinct assets (e.g. close panels read from different files) onto
/// the union or intersection of their calendars. Output columns are the inputs' assets, input by
/// input, in their order; cells an input lacks on the output calendar are NaN.
/// Errors: data_error naming the asset if an asset id occurs in two inputs.
/// `report`, if given, receives per input the number of its rows not on the output calendar.
/// O(M log M + T·N) for M input rows in total and a T x N output.
[[nodiscard]] inline panel<double> align(std::span<const panel<double>> inputs,
                                         calendar_join how = calendar_join::union_of_dates,
                                         align_report* report = nullptr) {
  return detail::align_impl::align_panels(detail::align_impl::pointers(inputs), how, report);
}
/// align() of panels given in place: `align({a, b}, calendar_join::intersection_of_dates)`.
[[nodiscard]] inline panel<double> align(
    std::initializer_list<std::reference_wrapper<const panel<double>>> inputs,
    calendar_join how = calendar_join::union_of_dates, align_report* report = nullptr) {
  return detail::align_impl::align_panels(detail::align_impl::pointers(inputs), how, report);
}

/// Merges single- or multi-asset OHLCV panels of distinct assets onto the union or intersection
/// of their calendars. A bar an input lacks is NaN in every field. VWAP follows `vwap`
/// (default: kept only if every input has it; see vwap_merge).
/// Errors: data_error naming the asset if an asset id occurs in two inputs.
/// O(M log M + T·N) for M input rows in total and a T x N output.
[[nodiscard]] inline ohlcv_panel align(std::span<const ohlcv_panel> inputs,
                                       calendar_join how = calendar_join::union_of_dates,
                                       vwap_merge vwap = vwap_merge::drop_unless_all,
                                       align_report* report = nullptr) {
  return detail::align_impl::align_ohlcv(detail::align_impl::pointers(inputs), how, vwap, report);
}
/// align() of OHLCV panels given in place: `align({spy, qqq})`.
[[nodiscard]] inline ohlcv_panel align(
    std::initializer_list<std::reference_wrapper<const ohlcv_panel>> inputs,
    calendar_join how = calendar_join::union_of_dates,
    vwap_merge vwap = vwap_merge::drop_unless_all, align_report* report = nullptr) {
  return detail::align_impl::align_ohlcv(detail::align_impl::pointers(inputs), how, vwap, report);
}

namespace detail::align_impl {

/// Fills `report` with the source rows that map nowhere; throws under drop_policy::error.
/// `has_value(i, j)` says whether source cell (row i, column j) holds data.
template <class HasValue>
void report_drops(const time_index& source, const asset_list& assets,
                  const std::vector<std::optional<std::size_t>>& rows, drop_policy policy,
                  HasValue has_value, reindex_report& report) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i]) continue;
    ++report.rows;
    for (std::size_t j = 0; j < assets.size(); ++j) {
      if (!has_value(i, j)) continue;
      if (policy == drop_policy::error) {
        data_location where;
        where.asset = assets[j];
        where.date = source[i].to_iso();
        throw data_error(std::move(where),
                         "reindex: the source row is not on the target calendar and would be "
                         "dropped");
      }
      report.cells.push_back({assets[j], source[i]});
    }
  }
}

}  // namespace detail::align_impl

/// Reindexes `source` onto `target` (shared, so several results can share one calendar).
/// Output cell (t, j) is the source cell at the same instant, or NaN if the source has no row
/// there. Source rows whose instant is not in `target` are dropped and listed in the result's
/// `dropped` (policy `report`), or make the call throw data_error naming the asset and date of
/// the first dropped cell holding a value (policy `error`; an all-NaN row loses nothing, so it is
/// only counted). O(T + S·N) for S source rows, T target rows and N assets.
template <class T>
[[nodiscard]] reindexed<panel<T>> reindex(const panel<T>& source,
                                          std::shared_ptr<const time_index> target,
                                          drop_policy policy = drop_policy::report) {
  reindexed<panel<T>> out{panel<T>(std::move(target), source.shared_assets()), {}};
  const auto rows = detail::align_impl::map_rows(source.index(), out.panel.index());
  detail::align_impl::report_drops(
      source.index(), source.assets(), rows, policy,
      [&](std::size_t i, std::size_t j) { return !is_nan(source(i, j)); }, out.dropped);
  for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(source.cols()); ++j)
    detail::align_impl::copy_column(source.values(), j, out.panel.values(), j, rows);
  return out;
}
/// reindex() onto a calendar given by value.
template <class T>
[[nodiscard]] reindexed<panel<T>> reindex(const panel<T>& source, const time_index& target,
                                          drop_policy policy = drop_policy::report) {
  return reindex(source, std::make_shared<const time_index>(target), policy);
}

/// Reindexes an OHLCV panel onto `target`: a bar absent from the source is NaN in every field;
/// the VWAP field is kept if the source has one. Dropped source rows are reported as for
/// panel<T> (a cell holds a value if any of its fields is not NaN). O(T + S + S·N).
[[nodiscard]] inline reindexed<ohlcv_panel> reindex(const ohlcv_panel& source,
                                                    std::shared_ptr<const time_index> target,
                                                    drop_policy policy = drop_policy::report) {
  reindexed<ohlcv_panel> out{
      ohlcv_panel(std::move(target), source.close().shared_assets(), source.has_vwap()), {}};
  const auto rows = detail::align_impl::map_rows(source.index(), out.panel.index());
  detail::align_impl::report_drops(
      source.index(), source.assets(), rows, policy,
      [&](std::size_t i, std::size_t j) {
        return !is_nan(source.open()(i, j)) || !is_nan(source.high()(i, j)) ||
               !is_nan(source.low()(i, j)) || !is_nan(source.close()(i, j)) ||
               !is_nan(source.volume()(i, j)) ||
               (source.has_vwap() && !is_nan((*source.vwap())(i, j)));
      },
      out.dropped);
  for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(source.cols()); ++j) {
    detail::align_impl::copy_column(source.open().values(), j, out.panel.open_values(), j, rows);
    detail::align_impl::copy_column(source.high().values(), j, out.panel.high_values(), j, rows);
    detail::align_impl::copy_column(source.low().values(), j, out.panel.low_values(), j, rows);
    detail::align_impl::copy_column(source.close().values(), j, out.panel.close_values(), j, rows);
    detail::align_impl::copy_column(source.volume().values(), j, out.panel.volume_values(), j,
                                    rows);
    if (source.has_vwap())
      detail::align_impl::copy_column(source.vwap()->values(), j, out.panel.vwap_values(), j, rows);
  }
  return out;
}
/// reindex() of an OHLCV panel onto a calendar given by value.
[[nodiscard]] inline reindexed<ohlcv_panel> reindex(const ohlcv_panel& source,
                                                    const time_index& target,
                                                    drop_policy policy = drop_policy::report) {
  return reindex(source, std::make_shared<const time_index>(target), policy);
}

}  // namespace data
ALPHA_END_NAMESPACE
