/// @file
/// Umbrella of the models (alpha::models): the Model and Calibrator contracts, ridge regression,
/// the label-free rule models and the identity calibrator.
#pragma once

#include "alpha/models/concept.hpp"
#include "alpha/models/identity_calibrator.hpp"
#include "alpha/models/ridge.hpp"
#include "alpha/models/rule.hpp"
