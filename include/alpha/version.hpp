/// @file
/// Library version: the single source of truth, parsed by CMakeLists.txt.
#pragma once

#define ALPHA_VERSION_MAJOR 0
#define ALPHA_VERSION_MINOR 1
#define ALPHA_VERSION_PATCH 0

/// Version as one integer, MAJOR * 10000 + MINOR * 100 + PATCH.
#define ALPHA_VERSION \
  (ALPHA_VERSION_MAJOR * 10000 + ALPHA_VERSION_MINOR * 100 + ALPHA_VERSION_PATCH)
