/// @file
/// Resampling bars to a coarser period: intraday bars to daily bars (UTC day or exchange
/// session day), and fixed-period buckets (1-minute to 15-minute, ...), for every asset of an
/// ohlcv_panel at once.
///
/// Aggregation of the bars in one bucket, per asset: open = open of the first bar, high = max of
/// highs, low = min of lows, close = close of the last bar, volume = sum of volumes, and
/// VWAP = Σ(p_i·v_i) / Σv_i where p_i is the bar's VWAP when the input has a VWAP field (and that
/// cell is not NaN), else its typical price (H+L+C)/3.
///
/// NaN rule: a bar with a NaN open, high, low, close or volume is skipped. A bucket where an asset
/// has no valid bar is NaN (every field) for that asset; a bucket where no asset has a valid bar
/// produces no output row. A bucket whose volume sum is 0 gets a NaN VWAP (no trade, no
/// volume-weighted price); its other fields are kept.
///
/// Labels: input bars are stamped with their start (`bar_label::left`, the default) or their end
/// (`bar_label::right`). Output bars are stamped with the bucket start by default, the same
/// convention as the input and as daily bars (midnight of the trading day), so a resampled panel
/// lines up with a daily one. A bucket's bar is complete only at the bucket end: a consumer that
/// acts at the stamp of a left-labelled bar would look ahead by up to one period. Backtests must
/// use the bar at `stamp + period`, or ask for `bar_label::right`, which stamps each bar with the
/// instant it becomes known.
///
/// @test tests/data/resample_test.cpp (hand-computed expectations, every error case).
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
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Which instant of its interval a bar is stamped with: its start (`left`) or its end (`right`).
enum class bar_label { left, right };

/// Options of resample().
struct resample_options {
  /// Origin of the bucket grid: bucket k covers [offset + k·period, offset + (k+1)·period) in UTC
  /// microseconds since the epoch. 0 aligns buckets to the epoch (15-minute buckets start at :00,
  /// :15, :30, :45 UTC).
  std::chrono::microseconds offset{0};
  /// How the input bars are stamped. A right-labelled bar stamped exactly on a bucket boundary
  /// belongs to the bucket that ends there.
  bar_label input_label = bar_label::left;
  /// How the output bars are stamped (see the file comment for the look-ahead consequence).
  bar_label output_label = bar_label::left;
};

/// Options of resample_daily().
struct daily_options {
  /// Exchange local time minus UTC: a bar belongs to the calendar date of `time + session_offset`.
  /// New York in winter is -5h, so bars from 14:30 to 21:00 UTC form one New York session, and a
  /// bar at 01:00 UTC belongs to the previous New York date. Must lie strictly within ±24h.
  std::chrono::minutes session_offset{0};
  /// How the input bars are stamped (a right-labelled bar stamped at local midnight closes the
  /// previous session).
  bar_label input_label = bar_label::left;
};

namespace detail::resample_impl {

[[nodiscard]] constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

/// Per-asset accumulator of one bucket.
struct bucket_accumulator {
  bool any = false;
  double open = nan, high = nan, low = nan, close = nan, volume = 0, price_volume = 0;

  void add(double o, double h, double l, double c, double v, double p) noexcept {
    if (!any) {
      open = o;
      high = h;
      low = l;
      any = true;
    } else {
      high = std::max(high, h);
      low = std::min(low, l);
    }
    close = c;
    volume += v;
    price_volume += p * v;
  }
};

/// Groups the rows of `in` by `key_of(instant)` (non-decreasing in the instant, so each bucket is
/// one run of rows) and stamps the bucket of key k with `stamp_of(k)` (strictly increasing in k).
/// O(S·N) for S input rows and N assets.
template <class KeyOf, class StampOf>
[[nodiscard]] ohlcv_panel resample_runs(const ohlcv_panel& in, KeyOf key_of, StampOf stamp_of) {
  const std::size_t n = in.rows(), cols = in.cols();
  const auto& o = in.open().values();
  const auto& h = in.high().values();
  const auto& l = in.low().values();
  const auto& c = in.close().values();
  const auto& v = in.volume().values();
  const bool has_vwap = in.has_vwap();
  const auto valid = [&](Eigen::Index i, Eigen::Index j) {
    return !is_nan(o(i, j)) && !is_nan(h(i, j)) && !is_nan(l(i, j)) && !is_nan(c(i, j)) &&
           !is_nan(v(i, j));
  };

  // Runs of equal keys, and whether any asset has a valid bar in each.
  std::vector<std::size_t> run_start;
  std::vector<std::int64_t> run_key;
  std::vector<bool> run_kept;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t k = key_of(in.index()[i]);
    if (run_key.empty() || run_key.back() != k) {
      run_start.push_back(i);
      run_key.push_back(k);
      run_kept.push_back(false);
    }
    if (!run_kept.back())
      for (std::size_t j = 0; j < cols; ++j)
        if (valid(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))) {
          run_kept.back() = true;
          break;
        }
  }
  run_start.push_back(n);

  std::vector<timestamp> stamps;
  for (std::size_t r = 0; r < run_key.size(); ++r)
    if (run_kept[r]) stamps.push_back(stamp_of(run_key[r]));
  ohlcv_panel out(std::make_shared<const time_index>(std::move(stamps)), in.close().shared_assets(),
                  true);

  Eigen::Index row = 0;
  for (std::size_t r = 0; r < run_key.size(); ++r) {
    if (!run_kept[r]) continue;
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(cols); ++j) {
      bucket_accumulator acc;
      for (std::size_t ii = run_start[r]; ii < run_start[r + 1]; ++ii) {
        const auto i = static_cast<Eigen::Index>(ii);
        if (!valid(i, j)) continue;
        double p = has_vwap ? (*in.vwap()).values()(i, j) : nan;
        if (is_nan(p)) p = (h(i, j) + l(i, j) + c(i, j)) / 3.0;
        acc.add(o(i, j), h(i, j), l(i, j), c(i, j), v(i, j), p);
      }
      if (!acc.any) continue;  // stays NaN
      out.open_values()(row, j) = acc.open;
      out.high_values()(row, j) = acc.high;
      out.low_values()(row, j) = acc.low;
      out.close_values()(row, j) = acc.close;
      out.volume_values()(row, j) = acc.volume;
      out.vwap_values()(row, j) = acc.volume > 0 ? acc.price_volume / acc.volume : nan;
    }
    ++row;
  }
  return out;
}

}  // namespace detail::resample_impl

/// Resamples bars into fixed buckets of `period` (e.g. 1-minute to 15-minute bars), for every
/// asset. Bucket k covers [offset + k·period, offset + (k+1)·period); an input bar belongs to the
/// bucket containing its stamp (minus one microsecond if `input_label` is right). Aggregation,
/// NaN and label rules: see the file comment. The output always has a VWAP field; its calendar is
/// the union over assets of the buckets holding at least one valid bar. A period finer than the
/// input spacing is allowed: each bar then forms its own bucket (re-stamped on the grid).
/// Errors: config_error if `period` <= 0. O(S·N) for S input rows and N assets.
[[nodiscard]] inline ohlcv_panel resample(const ohlcv_panel& bars, std::chrono::microseconds period,
                                          const resample_options& options = {}) {
  if (period.count() <= 0)
    throw config_error("period",
                       "must be positive, got " + std::to_string(period.count()) + " microseconds");
  const std::int64_t p = period.count(), origin = options.offset.count();
  const std::int64_t shift = options.input_label == bar_label::right ? 1 : 0;
  const std::int64_t label = options.output_label == bar_label::right ? p : 0;
  return detail::resample_impl::resample_runs(
      bars,
      [&](timestamp t) { return detail::resample_impl::floor_div(t.micros() - shift - origin, p); },
      [&](std::int64_t k) { return timestamp{origin + k * p + label}; });
}

/// Resamples intraday bars to daily bars, for every asset. A bar belongs to the calendar date of
/// `stamp + session_offset` (minus one microsecond if `input_label` is right); each daily bar is
/// stamped at midnight UTC of that date, the convention of alpha's daily data. Aggregation and NaN
/// rules: see the file comment; the output always has a VWAP field.
/// Daily input (every stamp at midnight UTC) is accepted and kept on its own dates, whatever the
/// session offset and input label: each bar forms its own day, OHLCV are unchanged, and VWAP is
/// the input VWAP or the typical price (NaN for zero volume); all-NaN rows disappear.
/// Errors: config_error if |session_offset| >= 24h. O(S·N) for S input rows and N assets.
[[nodiscard]] inline ohlcv_panel resample_daily(const ohlcv_panel& bars,
                                                const daily_options& options = {}) {
  using namespace std::chrono_literals;
  if (options.session_offset >= 24h || options.session_offset <= -24h)
    throw config_error("session_offset", "must lie strictly between -24h and +24h, got " +
                                             std::to_string(options.session_offset.count()) +
                                             " minutes");
  constexpr std::int64_t day = std::chrono::microseconds(24h).count();
  const bool daily_input = bars.index().is_daily();
  const std::int64_t offset =
      daily_input ? 0 : std::chrono::microseconds(options.session_offset).count();
  const std::int64_t shift = !daily_input && options.input_label == bar_label::right ? 1 : 0;
  return detail::resample_impl::resample_runs(
      bars,
      [&](timestamp t) {
        return detail::resample_impl::floor_div(t.micros() - shift + offset, day);
      },
      [&](std::int64_t k) { return timestamp{k * day}; });
}

}  // namespace data
ALPHA_END_NAMESPACE
