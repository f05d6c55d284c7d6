/// @file
/// alpha::parallel_for_each_index: the one place alpha includes TBB. Runs independent tasks
/// (one per asset, per variant...) on TBB's pool; results must not depend on the schedule, so
/// each task writes only its own outputs (determinism at any thread count).
#pragma once

#include "alpha/config.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

ALPHA_BEGIN_NAMESPACE

/// Calls `f(i)` for every i in [0, n), in parallel over TBB's pool (serially when n < 2).
/// `f` must be safe to call concurrently for distinct i and must write only to data owned by i.
/// Exceptions thrown by `f` propagate (TBB cancels the remaining tasks).
template <class F>
void parallel_for_each_index(std::size_t n, F&& f) {
  if (n < 2) {
    for (std::size_t i = 0; i < n; ++i) f(i);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n),
                    [&f](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i) f(i);
                    });
}

ALPHA_END_NAMESPACE
