/// @file
/// Umbrella of the features stage: technical indicators, their reflected params, and feature
/// sets (indicators composed into one feature matrix per date).
#pragma once

#include "alpha/features/aux_input.hpp"
#include "alpha/features/feature_set.hpp"
#include "alpha/features/ta.hpp"
#include "alpha/features/ta/reflect.hpp"
