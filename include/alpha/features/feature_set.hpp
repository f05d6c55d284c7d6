/// @file
/// alpha::features::feature_set<I...>: indicators composed at compile time into one feature
/// matrix per date (one row per asset, one column per indicator output), with names.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/params.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// The contract of a feature set (what a strategy's features slot holds):
///   - `using params` (reflected; a hana::tuple of the indicators' params for feature_set)
///   - `static constexpr std::size_t width`  number of feature columns
///   - `static std::vector<std::string> names(const params&)`  one name per column
///   - `class state` per asset: `state(const params&)`, `update(const bar&)`,
///     `read(std::span<double> row) const` (width values, NaN while warming up),
///     `lookback() const`, `reset()`
///   - `static void batch(const params&, const bar_series&, std::span<double> out)`  column
///     major T x width (`out[f * T + t]`), bit-equal to the streaming rows
template <class F>
concept FeatureSet = requires {
  typename F::params;
  typename F::state;
}
&&requires(const typename F::params& p, typename F::state& s, const typename F::state& cs,
           const bar& b, std::span<double> row, const bar_series& bars) {
  { F::width } -> std::convertible_to<std::size_t>;
  { F::names(p) } -> std::convertible_to<std::vector<std::string>>;
  s.update(b);
  cs.read(row);
  { cs.lookback() } -> std::convertible_to<std::size_t>;
  s.reset();
  F::batch(p, bars, row);
};

namespace detail {

template <Indicator I>
void feed(I& ind, const bar& b) {
  if constexpr (BarIndicator<I>)
    ind.update(b);
  else
    ind.update(b.close);
}

template <Indicator I>
void write_value(const I& ind, double* out) {
  if constexpr (output_count<I> == 1) {
    out[0] = ind.value();
  } else {
    const auto v = ind.value();
    std::copy(v.begin(), v.end(), out);
  }
}

/// "name[key=value, ...]" of an indicator's first output, with ".output" for the others.
template <Indicator I>
void append_names(const typename I::params& p, std::vector<std::string>& out) {
  std::string args;
  if constexpr (ReflectedParams<typename I::params>) args = format_params(p);
  const std::string base = std::string(I::output_names[0]) + "[" + args + "]";
  if constexpr (output_count<I> == 1) {
    out.push_back(base);
  } else {
    for (const auto& n : I::output_names) out.push_back(base + "." + std::string(n));
  }
}

}  // namespace detail

/// Indicators I... composed into one feature row per bar: the columns are I1's outputs in
/// `output_names` order, then I2's, ... One-series indicators read the close.
///
/// - Params: a hana::tuple of the indicators' params (keys `0.period`, `1.fast_period`, ...).
/// - Warm-up: a row is complete after max(lookback) bars; columns of indicators still warming up
///   are NaN.
/// - Complexity: streaming O(sum of the indicators' update costs) per bar; batch runs each
///   indicator's batch kernel (bit-equal to streaming, as every indicator's laws test checks).
template <Indicator... I>
class feature_set {
  static_assert(sizeof...(I) >= 1, "alpha: feature_set needs at least one indicator");

 public:
  using params = boost::hana::tuple<typename I::params...>;
  static constexpr std::size_t width = (output_count<I> + ...);
  static constexpr std::size_t indicators = sizeof...(I);

  /// One name per column, e.g. "rsi[period=14]", "macd[fast_period=12, ...].signal". O(width).
  static std::vector<std::string> names(const params& p) {
    std::vector<std::string> out;
    out.reserve(width);
    names_impl(p, out, std::index_sequence_for<I...>{});
    return out;
  }

  /// Streaming state of one asset.
  class state {
   public:
    explicit state(const params& p) : parts_(make(p, std::index_sequence_for<I...>{})) {}
    /// Feeds one bar. O(sum of update costs).
    void update(const bar& b) {
      boost::hana::for_each(parts_, [&](auto& ind) { detail::feed(ind, b); });
    }
    /// Writes the current row (width values). O(width).
    void read(std::span<double> row) const {
      double* out = row.data();
      boost::hana::for_each(parts_, [&](const auto& ind) {
        detail::write_value(ind, out);
        out += output_count<std::remove_cvref_t<decltype(ind)>>;
      });
    }
    /// Bars before every column is defined (the largest indicator lookback).
    [[nodiscard]] std::size_t lookback() const {
      std::size_t l = 0;
      boost::hana::for_each(parts_,
                            [&](const auto& ind) { l = std::max<std::size_t>(l, ind.lookback()); });
      return l;
    }
    void reset() {
      boost::hana::for_each(parts_, [](auto& ind) { ind.reset(); });
    }

   private:
    template <std::size_t... K>
    static boost::hana::tuple<I...> make(const params& p, std::index_sequence<K...>) {
      return boost::hana::make_tuple(I(boost::hana::at_c<K>(p))...);
    }
    boost::hana::tuple<I...> parts_;
  };

  /// Batch rows of one asset: `out` is column major T x width (`out[f * T + t]`); throws
  /// shape_error if out.size() != T x width. O(T x sum of per-bar costs).
  static void batch(const params& p, const bar_series& bars, std::span<double> out) {
    const std::size_t T = bars.size();
    if (out.size() != T * width)
      throw shape_error("feature_set::batch: output has " + std::to_string(out.size()) +
                        " values, expected " + std::to_string(T) + " x " + std::to_string(width));
    std::size_t column = 0;
    batch_impl(p, bars, out, column, std::index_sequence_for<I...>{});
  }

 private:
  template <std::size_t... K>
  static void names_impl(const params& p, std::vector<std::string>& out,
                         std::index_sequence<K...>) {
    (detail::append_names<I>(boost::hana::at_c<K>(p), out), ...);
  }
  template <std::size_t... K>
  static void batch_impl(const params& p, const bar_series& bars, std::span<double> out,
                         std::size_t& column, std::index_sequence<K...>) {
    (batch_one<I>(boost::hana::at_c<K>(p), bars, out, column), ...);
  }
  template <class J>
  static void batch_one(const typename J::params& p, const bar_series& bars, std::span<double> out,
                        std::size_t& column) {
    const std::size_t T = bars.size();
    std::array<std::span<double>, output_count<J>> cols;
    for (std::size_t k = 0; k < cols.size(); ++k) cols[k] = out.subspan((column + k) * T, T);
    if (T > 0) {
      const series_input in = series_input::from(bars);
      if (T > J(p).lookback()) {
        run<J>(p, in, cols);
      } else {
        // Shorter than the warm-up: every value is NaN (the streaming rows say the same).
        for (auto& c : cols) std::fill(c.begin(), c.end(), nan);
      }
    }
    column += cols.size();
  }
};

}  // namespace features
ALPHA_END_NAMESPACE
