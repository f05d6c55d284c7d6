/// @file
/// Reflection of the `params` of every time-series feature of features/returns, volatility,
/// volume, microstructure and cross_asset (BOOST_HANA_ADAPT_STRUCT), so that
/// alpha::format_params, read_params and sweeps see their fields. Kept apart from the feature
/// headers (as features/ta/reflect.hpp is) so that using a feature does not parse Hana and fmt.
/// Enumerations (return_kind, roll_positive_covariance) are read and written as integers.
#pragma once

#include "alpha/core/params.hpp"
#include "alpha/features/cross_asset/benchmark_beta.hpp"
#include "alpha/features/cross_asset/benchmark_relative_strength.hpp"
#include "alpha/features/cross_asset/residual_return.hpp"
#include "alpha/features/cross_asset/sector_momentum.hpp"
#include "alpha/features/microstructure/amihud.hpp"
#include "alpha/features/microstructure/corwin_schultz.hpp"
#include "alpha/features/microstructure/kyle_lambda.hpp"
#include "alpha/features/microstructure/roll_spread.hpp"
#include "alpha/features/microstructure/vpin.hpp"
#include "alpha/features/returns/momentum_acceleration.hpp"
#include "alpha/features/returns/period_return.hpp"
#include "alpha/features/returns/relative_strength.hpp"
#include "alpha/features/returns/sharpe_momentum.hpp"
#include "alpha/features/volatility/range_volatility.hpp"
#include "alpha/features/volatility/vol_persistence.hpp"
#include "alpha/features/volatility/vol_ratio.hpp"
#include "alpha/features/volatility/yang_zhang.hpp"
#include "alpha/features/volume/dollar_volume.hpp"
#include "alpha/features/volume/price_improvement.hpp"
#include "alpha/features/volume/volume_return_correlation.hpp"
#include "alpha/features/volume/volume_zscore.hpp"
#include "alpha/features/volume/vwap_deviation.hpp"
#include "alpha/features/volume/vwap_momentum.hpp"

#include <boost/hana/adapt_struct.hpp>

// clang-format off
BOOST_HANA_ADAPT_STRUCT(alpha::features::period_return::params, horizon, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::momentum_acceleration::params, short_horizon, long_horizon, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::relative_strength::params, short_horizon, long_horizon, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::sharpe_momentum::params, window, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vol_ratio::params, short_window, long_window);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vol_persistence::params, vol_window, mean_window, periods_per_year);
BOOST_HANA_ADAPT_STRUCT(alpha::features::parkinson_volatility::params, window, periods_per_year);
BOOST_HANA_ADAPT_STRUCT(alpha::features::garman_klass_volatility::params, window, periods_per_year);
BOOST_HANA_ADAPT_STRUCT(alpha::features::rogers_satchell_volatility::params, window, periods_per_year);
BOOST_HANA_ADAPT_STRUCT(alpha::features::yang_zhang_volatility::params, window, periods_per_year);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vwap_deviation::params, period, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vwap_momentum::params, horizon, period, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::price_improvement::params, period, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::volume_zscore::params, window, log_volume);
BOOST_HANA_ADAPT_STRUCT(alpha::features::volume_return_correlation::params, window, log_volume);
BOOST_HANA_ADAPT_STRUCT(alpha::features::dollar_volume::params, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::average_daily_value::params, window, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::amihud_illiquidity::params, window, scale);
BOOST_HANA_ADAPT_STRUCT(alpha::features::roll_spread::params, window, relative, positive_covariance);
BOOST_HANA_ADAPT_STRUCT(alpha::features::corwin_schultz_spread::params, window, adjust_overnight);
BOOST_HANA_ADAPT_STRUCT(alpha::features::kyle_lambda::params, window, dollar_volume_unit);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vpin::params, bucket_volume, buckets, sigma_window);
BOOST_HANA_ADAPT_STRUCT(alpha::features::benchmark_beta::params, window, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::benchmark_correlation::params, window, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::benchmark_relative_strength::params, horizon, kind);
BOOST_HANA_ADAPT_STRUCT(alpha::features::residual_return::params, window, kind, with_intercept);
BOOST_HANA_ADAPT_STRUCT(alpha::features::sector_momentum_params, window, kind, exclude_self, min_assets);
// clang-format on
