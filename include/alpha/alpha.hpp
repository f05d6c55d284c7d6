/// @file
/// Includes all of alpha. Convenient for applications; libraries should include stage umbrellas
/// or single headers to keep compile times low.
#pragma once

#include "alpha/backtest.hpp"
#include "alpha/combine.hpp"
#include "alpha/core.hpp"
#include "alpha/costs.hpp"
#include "alpha/data.hpp"
#include "alpha/features.hpp"
#include "alpha/labels.hpp"
#include "alpha/metrics.hpp"
#include "alpha/models.hpp"
#include "alpha/report.hpp"
#include "alpha/risk.hpp"
#include "alpha/rolling.hpp"
#include "alpha/sizing.hpp"
