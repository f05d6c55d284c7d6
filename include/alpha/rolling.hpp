/// @file
/// Umbrella of the rolling stage: every rolling accumulator, the contract and the batch drivers.
#pragma once

#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/concept.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/window_params.hpp"
