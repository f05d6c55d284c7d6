/// @file
/// Reflection of every technical indicator's `params` (BOOST_HANA_ADAPT_STRUCT), so that
/// alpha::format_params, read_params and sweeps see their fields. Included by
/// alpha/features/feature_set.hpp; include it yourself to print or read an indicator's params.
#pragma once

#include "alpha/core/params.hpp"
#include "alpha/features/ta.hpp"

#include <boost/hana/adapt_struct.hpp>

// clang-format off
BOOST_HANA_ADAPT_STRUCT(alpha::features::aroon_params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::balance_of_power::params);
BOOST_HANA_ADAPT_STRUCT(alpha::features::bbands::params, period, nbdev_up, nbdev_dn);
BOOST_HANA_ADAPT_STRUCT(alpha::features::cci::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ad_line::params);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ad_oscillator::params, fast_period, slow_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::chaikin_money_flow::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::cmo::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::coppock::params, long_roc, short_roc, wma_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::dema::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::directional_params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::donchian::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::dpo::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ease_of_movement::params, period, volume_divisor);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ema::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::force_index::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::historical_volatility::params, period, periods_per_year, ddof);
BOOST_HANA_ADAPT_STRUCT(alpha::features::hma::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ichimoku::params, tenkan_period, kijun_period, senkou_b_period, displacement);
BOOST_HANA_ADAPT_STRUCT(alpha::features::kama::params, period, fast, slow);
BOOST_HANA_ADAPT_STRUCT(alpha::features::keltner::params, ema_period, atr_period, multiplier);
BOOST_HANA_ADAPT_STRUCT(alpha::features::kst::params, roc, sma, signal);
BOOST_HANA_ADAPT_STRUCT(alpha::features::linear_regression::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::macd::params, fast_period, slow_period, signal_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::mass_index::params, ema_period, sum_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::mfi::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::roc::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::rocp::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::rocr::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::mom::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::obv::params);
BOOST_HANA_ADAPT_STRUCT(alpha::features::parabolic_sar::params, acceleration, maximum);
BOOST_HANA_ADAPT_STRUCT(alpha::features::apo::params, fast_period, slow_period, ma);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ppo::params, fast_period, slow_period, ma);
BOOST_HANA_ADAPT_STRUCT(alpha::features::rolling_vwap::params, period, use_bar_vwap);
BOOST_HANA_ADAPT_STRUCT(alpha::features::rsi::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::sma::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::stddev::params, period, nbdev);
BOOST_HANA_ADAPT_STRUCT(alpha::features::var::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::stoch_rsi::params, period, fastk_period, fastd_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::stochastic_fast::params, fastk_period, fastd_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::stochastic_slow::params, fastk_period, slowk_period, slowd_period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::t3::params, period, vfactor);
BOOST_HANA_ADAPT_STRUCT(alpha::features::tema::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::trima::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::trix::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::true_range::params);
BOOST_HANA_ADAPT_STRUCT(alpha::features::atr::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::ultimate_oscillator::params, period1, period2, period3);
BOOST_HANA_ADAPT_STRUCT(alpha::features::vortex::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::williams_r::params, period);
BOOST_HANA_ADAPT_STRUCT(alpha::features::wma::params, period);
// clang-format on
