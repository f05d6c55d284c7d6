/// @file
/// Batch drivers for rolling accumulators: over a contiguous series, and over every asset of a
/// panel in parallel. An accumulator may provide a kernel as a static member
/// `A::batch(const params&, std::span<const double> in, std::span<double> out)` (or the two-input
/// form), bit-equal to streaming, and/or a faster `A::fast_batch` with the same signature whose
/// outputs differ from streaming within a tolerance the accumulator documents (a kernel that
/// reorders sums); the drivers use fast_batch, then batch, else replay the streaming interface.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/parallel.hpp"
#include "alpha/detail/rolling_block.hpp"
#include "alpha/rolling/concept.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

namespace detail {
template <class A>
concept HasBatchKernel = requires(const typename A::params& p, std::span<const double> in,
                                  std::span<double> out) {
  A::batch(p, in, out);
};
template <class A>
concept HasFastBatchKernel = requires(const typename A::params& p, std::span<const double> in,
                                      std::span<double> out) {
  A::fast_batch(p, in, out);
};
template <class A>
concept HasFastPairBatchKernel = requires(const typename A::params& p, std::span<const double> x,
                                          std::span<const double> y, std::span<double> out) {
  A::fast_batch(p, x, y, out);
};
template <class A>
concept HasPairBatchKernel = requires(const typename A::params& p, std::span<const double> x,
                                      std::span<const double> y, std::span<double> out) {
  A::batch(p, x, y, out);
};

/// config_error when a windowed accumulator's window exceeds the series: every output would be
/// NaN, which is almost always a mistake (a 250-day window on 6 months of data).
template <class P>
void require_window_fits(const P& p, std::size_t n) {
  if constexpr (requires { p.window; }) {
    if (n != 0 && p.window > n)
      throw config_error("window", "window " + std::to_string(p.window) +
                                       " is longer than the series (" + std::to_string(n) +
                                       " values): every output would be NaN");
  }
}

inline void require_same_length(std::size_t a, std::size_t b, const char* what) {
  if (a != b)
    throw shape_error(std::string(what) + ": input has " + std::to_string(a) +
                      " values but output has " + std::to_string(b));
}
}  // namespace detail

/// Tolerance of the fast batch kernels (A::fast_batch, used by rolling::run) of the windowed
/// moment accumulators sum, mean, variance, std_dev, zscore, covariance, correlation and beta:
/// |run - streaming| <= fast_batch_tolerance(w) * max(|value|, scale) where scale is the window's
/// max |x| for sum/mean (w times it for sum), 1 for zscore and correlation, sd_x sd_y for
/// covariance, sd_y / sd_x for beta, and 0 (purely relative) for variance and std_dev.
/// = (w + 8) 2^-53 (1 + 3 * 1024) + 4e5 2^-53: about 5e-11 at w = 20, 1.3e-10 at w = 250 (see
/// include/alpha/detail/rolling_block.hpp for the derivation). Both kernels stay within about
/// 1e-11 relative of a long-double two-pass reference on ordinary data.
[[nodiscard]] constexpr double fast_batch_tolerance(std::size_t window) noexcept {
  return ::alpha::detail::block::tolerance(window);
}

/// Runs accumulator A over `in`, writing one output per input into `out` (same length, else
/// shape_error). A window longer than a non-empty series is a config_error. O(n) times A's
/// per-update cost. Uses A::fast_batch when present (outputs within A's documented tolerance of
/// streaming), else A::batch (bit-equal), else the streaming interface.
template <StreamingAccumulator A>
void run(const typename A::params& p, std::span<const double> in, std::span<double> out) {
  detail::require_same_length(in.size(), out.size(), "rolling::run");
  detail::require_window_fits(p, in.size());
  if constexpr (detail::HasFastBatchKernel<A>) {
    A::fast_batch(p, in, out);
  } else if constexpr (detail::HasBatchKernel<A>) {
    A::batch(p, in, out);
  } else {
    A acc(p);
    for (std::size_t i = 0; i < in.size(); ++i) {
      acc.update(in[i]);
      out[i] = acc.value();
    }
  }
}

/// Runs accumulator A over `in` and returns the outputs.
template <StreamingAccumulator A>
[[nodiscard]] std::vector<double> run(const typename A::params& p, std::span<const double> in) {
  std::vector<double> out(in.size());
  run<A>(p, in, std::span<double>(out));
  return out;
}

/// Runs a two-input accumulator over aligned `x`, `y` (same length, else shape_error).
template <PairAccumulator A>
void run(const typename A::params& p, std::span<const double> x, std::span<const double> y,
         std::span<double> out) {
  detail::require_same_length(x.size(), y.size(), "rolling::run (x vs y)");
  detail::require_same_length(x.size(), out.size(), "rolling::run");
  detail::require_window_fits(p, x.size());
  if constexpr (detail::HasFastPairBatchKernel<A>) {
    A::fast_batch(p, x, y, out);
  } else if constexpr (detail::HasPairBatchKernel<A>) {
    A::batch(p, x, y, out);
  } else {
    A acc(p);
    for (std::size_t i = 0; i < x.size(); ++i) {
      acc.update(x[i], y[i]);
      out[i] = acc.value();
    }
  }
}

/// Runs accumulator A over every asset's series of `in`, in parallel across assets (TBB);
/// the result has the same calendar and assets. Deterministic at any thread count.
template <StreamingAccumulator A>
[[nodiscard]] panel<double> run(const typename A::params& p, const panel<double>& in) {
  panel<double> out(in.shared_index(), in.shared_assets());
  parallel_for_each_index(in.cols(),
                          [&](std::size_t j) { run<A>(p, in.series(j), out.series(j)); });
  return out;
}

}  // namespace rolling
ALPHA_END_NAMESPACE
