/// @file
/// Umbrella for alpha's overfitting statistics (docs/overfitting.md): probabilistic Sharpe ratio
/// and minimum track record length, deflated Sharpe ratio, probability of backtest overfitting
/// (CSCV), and haircut Sharpe ratios with Bonferroni / Holm / BHY adjustments.
#pragma once

#include "alpha/metrics/deflated_sharpe.hpp"       // IWYU pragma: export
#include "alpha/metrics/haircut_sharpe.hpp"        // IWYU pragma: export
#include "alpha/metrics/pbo.hpp"                   // IWYU pragma: export
#include "alpha/metrics/probabilistic_sharpe.hpp"  // IWYU pragma: export
