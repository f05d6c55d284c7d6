/// @file
/// Internal engine behind alpha::data::validate() and the CSV readers: checks the value rules,
/// calendar gaps and outlier returns of OHLCV (or close-only) bars and applies the policy.
// IWYU pragma: private, include "alpha/data.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/data/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data::detail {

/// The fields of a bar, in this order everywhere (index into bar_input::fields).
enum bar_field : std::size_t { f_open, f_high, f_low, f_close, f_volume, f_vwap, bar_field_count };

/// Field names as they appear in messages.
inline constexpr std::array<std::string_view, bar_field_count> bar_field_names{
    "open", "high", "low", "close", "volume", "vwap"};

/// What the engine works on. `fields[f]` is null when the data has no such field (it is then not
/// checked). All present arrays are T x N over `index` x `assets`.
struct bar_input {
  std::array<panel<double>::array_type*, bar_field_count> fields{};
  const time_index* index = nullptr;
  const asset_list* assets = nullptr;
  /// Location of cell (t, j, f); f == bar_field_count asks for the bar as a whole. The engine
  /// fills asset and date when the locator leaves them empty. Optional.
  std::function<data_location(std::size_t, std::size_t, std::size_t)> locate;
  /// True for cells whose text was not a number (their value is NaN). Optional.
  std::function<bool(std::size_t, std::size_t, std::size_t)> non_numeric;
  /// Wording of a drop in details: "bar dropped" (panels) or "row removed" (single-asset files).
  std::string_view drop_wording = "bar blanked to NaN";
  /// False skips the high/low rules (used when the close is an adjusted close while open, high
  /// and low are not adjusted, so they are not comparable).
  bool check_high_low = true;
};

/// Median of `v` (reordered). Precondition: !v.empty(). O(n).
[[nodiscard]] inline double median_of(std::vector<double>& v) {
  const std::size_t n = v.size(), mid = n / 2;
  const auto mid_it = v.begin() + static_cast<std::ptrdiff_t>(mid);
  std::nth_element(v.begin(), mid_it, v.end());
  const double hi = *mid_it;
  if (n % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), mid_it);
  return lo + (hi - lo) / 2;
}

/// Checks every bar of every asset, applies `policy` and appends each problem to `report`, in
/// this order per asset: (1) cell rules (non_numeric, missing_value, non_finite,
/// non_positive_price, negative_volume), (2) high/low consistency, (3) calendar gaps, (4) outlier
/// returns. Only bars inside the asset's active range (first to last bar with any value) are
/// checked. Returns a T*N mask (index j*T + t) of the bars dropped. Does not throw for `error`
/// problems (the caller does, after scanning). O(T * N) plus O(T log T) per asset for outliers.
inline std::vector<std::uint8_t> validate_bars(const bar_input& in, const validation_policy& policy,
                                               validation_report& report) {
  const std::size_t T = in.index->size(), N = in.assets->size();
  std::vector<std::uint8_t> dropped(T * N, 0);
  const auto& F = in.fields;
  const auto ix = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
  const auto at = [&](std::size_t f, std::size_t t, std::size_t j) -> double& {
    return (*F[f])(ix(t), ix(j));
  };
  const auto is_bad_text = [&](std::size_t t, std::size_t j, std::size_t f) {
    return in.non_numeric && in.non_numeric(t, j, f);
  };
  const auto valid = [](std::size_t f, double v) {
    return std::isfinite(v) && (f == f_volume ? v >= 0 : v > 0);
  };
  const auto where = [&](std::size_t t, std::size_t j, std::size_t f) {
    data_location w = in.locate ? in.locate(t, j, f) : data_location{};
    if (w.asset.empty()) w.asset = (*in.assets)[j];
    if (w.date.empty()) w.date = (*in.index)[t].to_iso();
    return w;
  };
  const auto date = [&](std::size_t t) { return (*in.index)[t].to_iso(); };
  const auto record = [&](problem_kind k, data_location w, std::string detail, action a) {
    report.add(problem{k, std::move(w), std::move(detail), a});
  };
  const auto blank = [&](std::size_t t, std::size_t j) {
    for (std::size_t f = 0; f < bar_field_count; ++f)
      if (F[f]) at(f, t, j) = nan;
    dropped[j * T + t] = 1;
  };
  const auto bar_empty = [&](std::size_t t, std::size_t j) {
    for (std::size_t f = 0; f < bar_field_count; ++f)
      if (F[f] && (!is_nan(at(f, t, j)) || is_bad_text(t, j, f))) return false;
    return true;
  };
  const auto previous_valid = [&](std::size_t f, std::size_t t,
                                  std::size_t j) -> std::optional<std::size_t> {
    for (std::size_t s = t; s-- > 0;)
      if (!dropped[j * T + s] && valid(f, at(f, s, j))) return s;
    return std::nullopt;
  };

  for (std::size_t j = 0; j < N; ++j) {
    std::size_t first = T, last = 0;
    for (std::size_t t = 0; t < T; ++t)
      if (!bar_empty(t, j)) {
        if (first == T) first = t;
        last = t;
      }
    if (first == T) continue;  // no data at all for this asset

    // (1) Cell rules.
    for (std::size_t t = first; t <= last; ++t) {
      if (bar_empty(t, j)) continue;  // a calendar gap, pass (3)
      bool drop_bar = false;
      for (std::size_t f = 0; f < bar_field_count; ++f) {
        if (!F[f]) continue;
        const double v = at(f, t, j);
        const std::string_view name = bar_field_names[f];
        problem_kind kind{};
        std::string detail;
        if (is_bad_text(t, j, f)) {
          kind = problem_kind::non_numeric;
          detail = fmt::format("text in numeric field '{}' is not a number", name);
        } else if (is_nan(v)) {
          kind = problem_kind::missing_value;
          detail = fmt::format("missing value in field '{}'", name);
        } else if (!std::isfinite(v)) {
          kind = problem_kind::non_finite;
          detail = fmt::format("non-finite value {} in field '{}'", v, name);
        } else if (f != f_volume && v <= 0) {
          kind = problem_kind::non_positive_price;
          detail = fmt::format("non-positive price {} in field '{}'", v, name);
        } else if (f == f_volume && v < 0) {
          kind = problem_kind::negative_volume;
          detail = fmt::format("negative volume {}", v);
        } else {
          continue;
        }
        data_location w = where(t, j, f);
        if (w.text.empty() && !is_nan(v)) w.text = fmt::format("{}", v);
        action a = policy[kind];
        if (a == action::repair) {
          if (const auto s = previous_valid(f, t, j)) {
            at(f, t, j) = at(f, *s, j);
            detail += fmt::format(" -> repaired: forward-filled {} from {}", at(f, t, j), date(*s));
          } else {
            a = action::keep;
            detail += " (no earlier value to forward-fill: kept)";
          }
        } else if (a == action::drop) {
          drop_bar = true;
          detail += fmt::format(" -> {}", in.drop_wording);
        }
        record(kind, std::move(w), std::move(detail), a);
      }
      if (drop_bar) blank(t, j);
    }

    // (2) High/low consistency.
    if (in.check_high_low && F[f_open] && F[f_high] && F[f_low] && F[f_close]) {
      for (std::size_t t = first; t <= last; ++t) {
        if (dropped[j * T + t]) continue;
        const double o = at(f_open, t, j), c = at(f_close, t, j);
        double& h = at(f_high, t, j);
        double& l = at(f_low, t, j);
        if (!std::isfinite(o) || !std::isfinite(h) || !std::isfinite(l) || !std::isfinite(c))
          continue;
        bool drop_bar = false;
        const auto handle = [&](problem_kind kind, std::size_t f, double& cell, double fixed,
                                std::string detail) {
          data_location w = where(t, j, f);
          w.text = fmt::format("{}", cell);
          const action a = policy[kind];
          if (a == action::repair) {
            detail += fmt::format(" -> repaired: {} set to {}", bar_field_names[f], fixed);
            cell = fixed;
          } else if (a == action::drop) {
            drop_bar = true;
            detail += fmt::format(" -> {}", in.drop_wording);
          }
          record(kind, std::move(w), std::move(detail), a);
        };
        if (h < std::max(o, c))
          handle(problem_kind::high_below_open_close, f_high, h, std::max({o, h, l, c}),
                 fmt::format("high {} is below max(open, close) = {}", h, std::max(o, c)));
        if (l > std::min(o, c))
          handle(problem_kind::low_above_open_close, f_low, l, std::min({o, h, l, c}),
                 fmt::format("low {} is above min(open, close) = {}", l, std::min(o, c)));
        if (drop_bar) blank(t, j);
      }
    }

    // (3) Calendar gaps: empty bars strictly inside the active range.
    for (std::size_t t = first; t <= last; ++t) {
      if (dropped[j * T + t] || !bar_empty(t, j)) continue;
      std::string detail =
          fmt::format("no data on this date, between the asset's first bar ({}) and last bar ({})",
                      date(first), date(last));
      action a = policy[problem_kind::calendar_gap];
      if (a == action::repair) {
        const std::size_t ref = F[f_close] ? f_close : f_open;
        if (const auto s = previous_valid(ref, t, j)) {
          const double pc = at(ref, *s, j);
          for (const std::size_t f : {f_open, f_high, f_low, f_close, f_vwap})
            if (F[f]) at(f, t, j) = pc;
          if (F[f_volume]) at(f_volume, t, j) = 0;
          detail += fmt::format(" -> repaired: flat bar at the previous close {} from {}{}", pc,
                                date(*s), F[f_volume] ? ", volume 0" : "");
        } else {
          a = action::keep;
          detail += " (no earlier close to forward-fill: kept)";
        }
      } else if (a == action::drop) {
        dropped[j * T + t] = 1;
        detail += fmt::format(" -> {}", in.drop_wording);
      }
      record(problem_kind::calendar_gap, where(t, j, bar_field_count), std::move(detail), a);
    }

    // (4) Outlier returns on the close (robust z-score of log returns, median / MAD).
    if (!F[f_close]) continue;
    std::vector<double> r;
    {
      double prev = nan;
      for (std::size_t t = first; t <= last; ++t) {
        const double c = at(f_close, t, j);
        if (dropped[j * T + t] || !valid(f_close, c)) continue;
        if (!is_nan(prev)) r.push_back(std::log(c / prev));
        prev = c;
      }
    }
    if (r.empty() || r.size() < policy.outlier_min_returns) continue;
    const double med = median_of(r);
    for (double& x : r) x = std::fabs(x - med);
    const double mad = median_of(r);
    if (!(mad > 0)) continue;
    const double scale = 1.4826 * mad;
    std::optional<std::size_t> pt;
    for (std::size_t t = first; t <= last; ++t) {
      const double c = at(f_close, t, j);
      if (dropped[j * T + t] || !valid(f_close, c)) continue;
      if (!pt) {
        pt = t;
        continue;
      }
      const double pc = at(f_close, *pt, j);
      const double ret = std::log(c / pc);
      const double z = std::fabs(ret - med) / scale;
      if (!(z > policy.outlier_threshold)) {
        pt = t;
        continue;
      }
      data_location w = where(t, j, f_close);
      w.text = fmt::format("{}", c);
      std::string detail = fmt::format(
          "close {}: log return {:.6g} from the previous close {} ({}) has robust z-score {:.4g} "
          "> {} (median {:.3g}, MAD {:.3g})",
          c, ret, pc, date(*pt), z, policy.outlier_threshold, med, mad);
      const action a = policy[problem_kind::outlier_return];
      if (a == action::repair) {
        for (const std::size_t f : {f_open, f_high, f_low, f_close, f_vwap})
          if (F[f]) at(f, t, j) = at(f, *pt, j);
        detail += fmt::format(" -> repaired: prices forward-filled from {}", date(*pt));
      } else if (a == action::drop) {
        blank(t, j);
        detail += fmt::format(" -> {}", in.drop_wording);
      } else {
        pt = t;
      }
      record(problem_kind::outlier_return, std::move(w), std::move(detail), a);
    }
  }
  return dropped;
}

}  // namespace data::detail
ALPHA_END_NAMESPACE
