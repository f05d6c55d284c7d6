/// @file
/// alpha::features::return_kind: simple or logarithmic returns.
#pragma once

#include "alpha/config.hpp"

ALPHA_BEGIN_NAMESPACE
namespace features {

/// How a return from price p0 to p1 is measured: `simple` = p1 / p0 - 1 (arithmetic, what a
/// portfolio earns), `log` = ln(p1 / p0) (continuously compounded, additive over time).
enum class return_kind { simple, log };

}  // namespace features
ALPHA_END_NAMESPACE
