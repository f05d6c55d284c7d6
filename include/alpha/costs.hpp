/// @file
/// Umbrella of the cost models (alpha::costs): the CostModel contract, basis-point costs,
/// square-root impact and the sum of two models.
#pragma once

#include "alpha/costs/bps.hpp"
#include "alpha/costs/composite.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/costs/sqrt_impact.hpp"
