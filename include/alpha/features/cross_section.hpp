/// @file
/// Umbrella of the cross-sectional features: per-date transforms across assets (ranks, z-scores,
/// winsorising...), sector and feature neutralisation, the S0 sector-neutral features and the
/// point-in-time fundamental z-scores. See docs/cross-sectional.md.
#pragma once

#include "alpha/features/cross_section/clip.hpp"
#include "alpha/features/cross_section/fundamentals.hpp"
#include "alpha/features/cross_section/neutralise.hpp"
#include "alpha/features/cross_section/rank.hpp"
#include "alpha/features/cross_section/sector_features.hpp"
#include "alpha/features/cross_section/sector_neutral.hpp"
#include "alpha/features/cross_section/standardise.hpp"
