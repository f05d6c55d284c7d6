/// @file
/// Includes all of alpha. Convenient for applications; libraries should include stage umbrellas
/// or single headers to keep compile times low.
#pragma once

#include "alpha/core.hpp"
#include "alpha/data.hpp"
#include "alpha/features.hpp"
#include "alpha/rolling.hpp"
