/// @file
/// The contract of cross-asset (asset vs benchmark) features, alpha::features::PairIndicator,
/// and their batch drivers run_pair (two series) and run_against (every column of a panel
/// against one benchmark series).
///
/// Customization points (members, found by PairIndicator):
///   - `using params = ...;` and `explicit I(const params&)` (validates, config_error)
///   - `static constexpr std::array<std::string_view, K> output_names`
///   - `void update(double asset, double benchmark)`: the next aligned pair of prices
///   - `value()` (double when K == 1, else std::array<double, K>), `ready()`, `lookback()`,
///     `reset()` with the meanings of alpha::features::Indicator (NaN during the warm-up)
/// NaN convention of every pair feature in alpha: a pair with a NaN price on either side is
/// skipped (state unchanged, output repeats the previous one), so returns are always taken
/// between bars where both prices exist.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"

#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// A streaming feature of two aligned series: an asset and its benchmark.
template <class I>
concept PairIndicator = requires {
  typename I::params;
  { I::output_names.size() } -> std::convertible_to<std::size_t>;
  { I::output_names[0] } -> std::convertible_to<std::string_view>;
}
&&std::constructible_from<I, const typename I::params&> && (I::output_names.size() >= 1) &&
    requires(I& i, const I& ci, double a, double b) {
  i.update(a, b);
  { ci.lookback() } -> std::convertible_to<std::size_t>;
  { ci.ready() } -> std::convertible_to<bool>;
  i.reset();
};

/// Number of outputs of a pair feature.
template <PairIndicator I>
inline constexpr std::size_t pair_output_count = I::output_names.size();

namespace detail {
/// shape_error unless the benchmark is present and as long as the asset series.
inline void check_benchmark(std::string_view feature, std::size_t asset_n, std::size_t bench_n) {
  if (bench_n == 0 && asset_n != 0)
    throw shape_error("cross-asset feature '" + std::string(feature) +
                      "': the benchmark series is empty (benchmark missing?) but the asset has " +
                      std::to_string(asset_n) + " values");
  if (bench_n != asset_n)
    throw shape_error("cross-asset feature '" + std::string(feature) + "': the benchmark has " +
                      std::to_string(bench_n) + " values but the asset has " +
                      std::to_string(asset_n) + " (align them on one calendar first)");
}
}  // namespace detail

/// Runs pair feature I over aligned series `asset` and `benchmark`; returns one vector per
/// output. shape_error when the benchmark is empty or of another length; config_error when the
/// series (non-empty) is no longer than the warm-up (every output would be NaN). O(n) times the
/// per-update cost.
template <PairIndicator I>
[[nodiscard]] std::array<std::vector<double>, pair_output_count<I>> run_pair(
    const typename I::params& p, std::span<const double> asset, std::span<const double> benchmark) {
  detail::check_benchmark(I::output_names[0], asset.size(), benchmark.size());
  I ind(p);
  const std::size_t n = asset.size();
  if (n != 0 && n <= ind.lookback())
    throw config_error(std::string(I::output_names[0]),
                       "the series has " + std::to_string(n) + " bars but the feature needs " +
                           std::to_string(ind.lookback() + 1) + " for its first output");
  std::array<std::vector<double>, pair_output_count<I>> out;
  for (auto& o : out) o.assign(n, nan);
  for (std::size_t t = 0; t < n; ++t) {
    ind.update(asset[t], benchmark[t]);
    if constexpr (pair_output_count<I> == 1) {
      out[0][t] = ind.value();
    } else {
      const auto v = ind.value();
      for (std::size_t k = 0; k < pair_output_count<I>; ++k) out[k][t] = v[k];
    }
  }
  return out;
}

/// Runs one-output pair feature I for every column of `assets` against `benchmark` (aligned
/// with the panel's rows); returns a panel on the same calendar and assets. shape_error when
/// the benchmark is empty or its length differs from the panel's rows. O(T N).
template <PairIndicator I>
requires(pair_output_count<I> == 1)
    [[nodiscard]] panel<double> run_against(const typename I::params& p,
                                            const panel<double>& assets,
                                            std::span<const double> benchmark) {
  detail::check_benchmark(I::output_names[0], assets.rows(), benchmark.size());
  panel<double> out(assets.shared_index(), assets.shared_assets());
  for (std::size_t j = 0; j < assets.cols(); ++j) {
    I ind(p);
    const auto x = assets.series(j);
    auto y = out.series(j);
    for (std::size_t t = 0; t < x.size(); ++t) {
      ind.update(x[t], benchmark[t]);
      y[t] = ind.value();
    }
  }
  return out;
}

}  // namespace features
ALPHA_END_NAMESPACE
