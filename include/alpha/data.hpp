/// @file
/// Umbrella header of the data stage: CSV readers and writer, validation, alignment,
/// resampling, universes and sector maps, synthetic market generator.
#pragma once

#include "alpha/core.hpp"
#include "alpha/data/align.hpp"
#include "alpha/data/resample.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/data/universe.hpp"
