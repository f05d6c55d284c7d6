/// @file
/// Umbrella of alpha's stationarity tools: fractional differentiation (fixed-width and expanding
/// window), the augmented Dickey-Fuller test with MacKinnon p-values and critical values, and the
/// minimum-d search.
#pragma once

#include "alpha/features/stationarity/adf.hpp"
#include "alpha/features/stationarity/ffd.hpp"
#include "alpha/features/stationarity/frac_diff_expanding.hpp"
#include "alpha/features/stationarity/mackinnon.hpp"
#include "alpha/features/stationarity/min_ffd.hpp"
