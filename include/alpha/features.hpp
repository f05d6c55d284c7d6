/// @file
/// Umbrella of the features stage: the indicator contract, the batch driver and every indicator.
#pragma once

#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

// One-series indicators (moving averages, oscillators, bands, statistics).
#include "alpha/features/ta/ema.hpp"
#include "alpha/features/ta/sma.hpp"
