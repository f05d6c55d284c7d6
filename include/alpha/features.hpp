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
