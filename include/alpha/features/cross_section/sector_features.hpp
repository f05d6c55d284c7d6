/// @file
/// Sector-neutral momentum, volatility and mean-reversion features of source design S0: per
/// date, each asset's return minus its sector's equal-weighted mean return (sector_demean), then
/// rolling statistics of that residual return per asset.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/data/universe.hpp"
#include "alpha/features/cross_section/sector_neutral.hpp"
#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <cmath>
#include <cstddef>
#include <optional>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of sector_neutral_features() (S0 defaults: 5 and 20).
struct sector_feature_params {
  std::size_t fast = 5;   ///< window of the short rolling mean (momentum numerator)
  std::size_t slow = 20;  ///< window of the rolling std and of the long rolling mean
  std::size_t ddof = 1;   ///< of the rolling std (1: sample, pandas)
  /// Valid residuals a rolling window needs (unset: the full window, pandas' default); applied
  /// to every window as min(min_periods, window).
  std::optional<std::size_t> min_periods = std::nullopt;
  sector_demean_params neutral{};  ///< how the residual returns are formed
};

/// The S0 sector-neutral features, each a T x N panel on the returns' calendar and assets.
struct sector_features {
  panel<double> residual;        ///< r - sector mean r (per date)
  panel<double> momentum;        ///< rolling mean(fast) / rolling std(slow) of the residual
  panel<double> volatility;      ///< rolling std(slow) of the residual
  panel<double> mean_reversion;  ///< rolling mean(fast) / rolling mean(slow) of the residual
};

/// Source design S0's sector-neutral features of a returns panel: residual = sector_demean(
/// returns) (equal-weighted, see its NaN rules), then per asset momentum = mean_5 / std_20,
/// volatility = std_20, mean reversion = mean_5 / mean_20 of the residual (pandas rolling
/// conventions: NaN until the window holds min_periods valid values; NaN residuals occupy a
/// slot and are skipped). A zero denominator gives NaN (not +-inf). Note that mean_20 of
/// residual returns is close to 0, so mean_reversion is heavy-tailed: the S0 formula as stated;
/// clip or rank it cross-sectionally before use.
/// - Look-ahead: a value at date t uses returns of dates <= t only (the residual is per date).
/// - Errors: as sector_demean (unknown symbol -> data_error); config_error for fast or slow 0,
///   fast > slow, ddof >= slow, min_periods 0; a window longer than the series -> config_error.
/// - Complexity: O(T N) for the residual, O(T N) for the rolling statistics (O(1) updates).
/// @test tests/cross_section/neutralise_test.cpp (naive windows over a hand-built residual,
///   future perturbation)
[[nodiscard]] inline sector_features sector_neutral_features(const panel<double>& returns,
                                                             const data::sector_map& map,
                                                             const sector_feature_params& p = {}) {
  if (p.fast == 0) throw config_error("fast", "sector_neutral_features: must be >= 1");
  if (p.slow == 0) throw config_error("slow", "sector_neutral_features: must be >= 1");
  if (p.fast > p.slow)
    throw config_error("fast", "sector_neutral_features: fast window " + std::to_string(p.fast) +
                                   " exceeds slow window " + std::to_string(p.slow));
  if (p.min_periods && *p.min_periods == 0)
    throw config_error("min_periods", "sector_neutral_features: must be >= 1");
  const auto mp = [&](std::size_t w) -> std::optional<std::size_t> {
    if (!p.min_periods) return std::nullopt;
    return *p.min_periods < w ? *p.min_periods : w;
  };
  sector_features f;
  f.residual = sector_demean(returns, map, p.neutral);
  const panel<double> fast_mean =
      rolling::run<rolling::mean>({.window = p.fast, .min_periods = mp(p.fast)}, f.residual);
  const panel<double> slow_mean =
      rolling::run<rolling::mean>({.window = p.slow, .min_periods = mp(p.slow)}, f.residual);
  f.volatility = rolling::run<rolling::std_dev>(
      {.window = p.slow, .min_periods = mp(p.slow), .ddof = p.ddof}, f.residual);
  f.momentum = panel<double>(returns.shared_index(), returns.shared_assets());
  f.mean_reversion = panel<double>(returns.shared_index(), returns.shared_assets());
  const auto ratio = [](double a, double b) { return b != 0.0 ? a / b : nan; };
  f.momentum.values() = fast_mean.values().binaryExpr(f.volatility.values(), ratio);
  f.mean_reversion.values() = fast_mean.values().binaryExpr(slow_mean.values(), ratio);
  return f;
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
