/// @file
/// Umbrella of the features stage: technical indicators and their reflected params; returns,
/// volatility, volume, microstructure and cross-asset features (reflected in ts_reflect.hpp);
/// cross-sectional transforms and sector neutralisation; fractional differentiation and ADF;
/// feature sets (indicators composed into one feature matrix per date).
#pragma once

#include "alpha/core/book.hpp"
#include "alpha/features/aux_input.hpp"
#include "alpha/features/cross_section.hpp"
#include "alpha/features/feature_set.hpp"
#include "alpha/features/stationarity.hpp"
#include "alpha/features/ta.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/features/ts_reflect.hpp"

// Returns and momentum.
#include "alpha/features/returns/momentum_acceleration.hpp"
#include "alpha/features/returns/period_return.hpp"
#include "alpha/features/returns/relative_strength.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/features/returns/sharpe_momentum.hpp"

// Volatility.
#include "alpha/features/volatility/range_volatility.hpp"
#include "alpha/features/volatility/vol_persistence.hpp"
#include "alpha/features/volatility/vol_ratio.hpp"
#include "alpha/features/volatility/yang_zhang.hpp"

// Volume and VWAP.
#include "alpha/features/volume/dollar_volume.hpp"
#include "alpha/features/volume/price_improvement.hpp"
#include "alpha/features/volume/volume_return_correlation.hpp"
#include "alpha/features/volume/volume_zscore.hpp"
#include "alpha/features/volume/vwap_deviation.hpp"
#include "alpha/features/volume/vwap_momentum.hpp"

// Microstructure (bars and order books).
#include "alpha/features/microstructure/amihud.hpp"
#include "alpha/features/microstructure/book_features.hpp"
#include "alpha/features/microstructure/corwin_schultz.hpp"
#include "alpha/features/microstructure/kyle_lambda.hpp"
#include "alpha/features/microstructure/roll_spread.hpp"
#include "alpha/features/microstructure/vpin.hpp"

// Cross-asset.
#include "alpha/features/cross_asset/against_aux.hpp"
#include "alpha/features/cross_asset/benchmark_beta.hpp"
#include "alpha/features/cross_asset/benchmark_relative_strength.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/cross_asset/residual_return.hpp"
#include "alpha/features/cross_asset/sector_momentum.hpp"
