/// @file
/// Umbrella header of the core stage: time index, panels, OHLCV, errors, formatters.
#pragma once

#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/format.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"
