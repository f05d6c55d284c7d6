/// @file
/// Umbrella of the rolling stage: every rolling accumulator, the contract and the batch drivers.
#pragma once

#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/concept.hpp"
#include "alpha/rolling/covariance.hpp"
#include "alpha/rolling/ewm.hpp"
#include "alpha/rolling/expanding.hpp"
#include "alpha/rolling/linear_regression.hpp"
#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/moments.hpp"
#include "alpha/rolling/quantile.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"
#include "alpha/rolling/window_params.hpp"
#include "alpha/rolling/window_set.hpp"
#include "alpha/rolling/zscore.hpp"
