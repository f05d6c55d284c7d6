/// @file
/// Umbrella header of the data stage: CSV readers and writer, validation, alignment,
/// resampling, universes and sector maps, synthetic market generator.
#pragma once

#include "alpha/core.hpp"
#include "alpha/data/align.hpp"
#include "alpha/data/csv_options.hpp"
#include "alpha/data/point_in_time.hpp"
#include "alpha/data/read_fundamentals.hpp"
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/read_wide.hpp"
#include "alpha/data/resample.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/data/universe.hpp"
#include "alpha/data/validate.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/data/write_csv.hpp"
