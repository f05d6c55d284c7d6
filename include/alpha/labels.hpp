/// @file
/// Umbrella of the labelers (alpha::labels): the Labeler contract and the forward return.
#pragma once

#include "alpha/labels/concept.hpp"
#include "alpha/labels/forward_return.hpp"
