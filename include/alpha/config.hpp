/// @file
/// Namespace, assertion and language-level configuration shared by every alpha header.
#pragma once

#include "alpha/version.hpp"

#if __cplusplus < 202002L
#error "alpha requires C++20 (compile with -std=c++20 or link alpha::alpha, which sets it)"
#endif

/// Opens alpha's versioned namespace `alpha::inline v0` (ABI hygiene: a future v1 links beside it).
#define ALPHA_BEGIN_NAMESPACE \
  namespace alpha {           \
  inline namespace v0 {
/// Closes the namespace opened by ALPHA_BEGIN_NAMESPACE.
#define ALPHA_END_NAMESPACE \
  }                         \
  }

/// Debug-only precondition check for hot kernels; compiled out under NDEBUG.
#ifdef NDEBUG
#define ALPHA_ASSERT(cond) ((void)0)
#else
#include <cassert>
#define ALPHA_ASSERT(cond) assert(cond)
#endif
