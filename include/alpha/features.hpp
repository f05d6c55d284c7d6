/// @file
/// Umbrella of the features stage: the indicator contract, the batch driver and every indicator.
#pragma once

#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

// One-series indicators (moving averages, oscillators, bands, statistics).
#include "alpha/features/ta/dema.hpp"
#include "alpha/features/ta/ema.hpp"
#include "alpha/features/ta/hma.hpp"
#include "alpha/features/ta/kama.hpp"
#include "alpha/features/ta/sma.hpp"
#include "alpha/features/ta/t3.hpp"
#include "alpha/features/ta/tema.hpp"
#include "alpha/features/ta/trima.hpp"
#include "alpha/features/ta/wma.hpp"

// Indicators of OHLCV bars (high/low/close/volume).
#include "alpha/features/ta/aroon.hpp"
#include "alpha/features/ta/balance_of_power.hpp"
#include "alpha/features/ta/cci.hpp"
#include "alpha/features/ta/chaikin.hpp"
#include "alpha/features/ta/directional_movement.hpp"
#include "alpha/features/ta/donchian.hpp"
#include "alpha/features/ta/ease_of_movement.hpp"
#include "alpha/features/ta/force_index.hpp"
#include "alpha/features/ta/ichimoku.hpp"
#include "alpha/features/ta/keltner.hpp"
#include "alpha/features/ta/mass_index.hpp"
#include "alpha/features/ta/mfi.hpp"
#include "alpha/features/ta/obv.hpp"
#include "alpha/features/ta/parabolic_sar.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"
#include "alpha/features/ta/stochastic.hpp"
#include "alpha/features/ta/true_range.hpp"
#include "alpha/features/ta/ultimate_oscillator.hpp"
#include "alpha/features/ta/vortex.hpp"
#include "alpha/features/ta/williams_r.hpp"
