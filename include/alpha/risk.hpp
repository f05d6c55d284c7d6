/// @file
/// Umbrella of the risk controls (alpha::risk): the RiskControl contract, position limits and
/// drawdown de-risking.
#pragma once

#include "alpha/risk/concept.hpp"
#include "alpha/risk/drawdown_derisk.hpp"
#include "alpha/risk/max_position.hpp"
