/// @file
/// Umbrella of the sizers (alpha::sizing): the Sizer contract, volatility targeting and
/// proportional sizing.
#pragma once

#include "alpha/sizing/concept.hpp"
#include "alpha/sizing/proportional.hpp"
#include "alpha/sizing/vol_target.hpp"
