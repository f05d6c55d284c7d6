/// @file
/// Helpers shared by the normalisers and combiners (alpha::combine): output preparation, average
/// ranks and rank scores.
// IWYU pragma: private
#pragma once

#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::policy {

/// Sizes `out` to raw.size() (NaN scores, zero confidences) and keeps the horizon.
inline void prepare_signal(std::span<const double> raw, combine::signal_buffer& out) {
  out.clear(raw.size());
}

/// Sets confidence = |score| for every finite score.
inline void confidence_is_magnitude(combine::signal_buffer& out) noexcept {
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!is_nan(out.score[i])) out.confidence[i] = std::abs(out.score[i]);
}

/// Average 1-based ranks of the non-NaN values of x (ties share the mean of their ranks), NaN for
/// NaN entries; returns the number of ranked values. O(n log n).
inline std::size_t average_ranks(std::span<const double> x, std::span<double> rank) {
  std::vector<std::size_t> idx;
  idx.reserve(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    rank[i] = nan;
    if (!is_nan(x[i])) idx.push_back(i);
  }
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  for (std::size_t lo = 0; lo < idx.size();) {
    std::size_t hi = lo + 1;
    while (hi < idx.size() && x[idx[hi]] == x[idx[lo]]) ++hi;
    const double r = 0.5 * static_cast<double>(lo + 1 + hi);  // mean of ranks lo+1 .. hi
    for (std::size_t k = lo; k < hi; ++k) rank[idx[k]] = r;
    lo = hi;
  }
  return idx.size();
}

/// Score of an average rank among n values: 2 (rank - 1) / (n - 1) - 1; 0 when n == 1.
[[nodiscard]] inline double rank_score(double rank, std::size_t n) noexcept {
  if (n <= 1) return is_nan(rank) ? nan : 0.0;
  return 2.0 * (rank - 1.0) / static_cast<double>(n - 1) - 1.0;
}

/// Checks that there is at least one input and that all have the same length; sizes `out`
/// (NaN scores, zero confidences) and sets its horizon to the largest input horizon. O(assets).
inline std::size_t prepare_combine(std::span<const combine::signal_slice> in,
                                   combine::signal_buffer& out, const char* who) {
  if (in.empty()) throw shape_error(std::string("combine::") + who + ": no input signals");
  const std::size_t n = in[0].score.size();
  std::size_t h = 0;
  for (std::size_t k = 0; k < in.size(); ++k) {
    if (in[k].score.size() != n || in[k].confidence.size() != n)
      throw shape_error(std::string("combine::") + who + ": input " + std::to_string(k) + " has " +
                        std::to_string(in[k].score.size()) + " scores and " +
                        std::to_string(in[k].confidence.size()) + " confidences, input 0 has " +
                        std::to_string(n) + " scores");
    h = std::max(h, in[k].horizon);
  }
  out.clear(n);
  out.horizon = h;
  return n;
}

}  // namespace detail::policy
ALPHA_END_NAMESPACE
