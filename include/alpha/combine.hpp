/// @file
/// Umbrella of signal combination (alpha::combine): the signal types, the Normaliser and
/// Combiner contracts, the normalisers (z-score, rank, min-max, clamp) and the combiners
/// (fixed-weight, confidence-weighted, rank average, best confidence).
#pragma once

#include "alpha/combine/concept.hpp"
#include "alpha/combine/normalise.hpp"
#include "alpha/combine/signal.hpp"
#include "alpha/combine/weighted.hpp"
