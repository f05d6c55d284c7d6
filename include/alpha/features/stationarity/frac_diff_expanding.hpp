/// @file
/// alpha::features::frac_diff_expanding: expanding-window fractional differentiation with AFML's
/// weight-loss threshold (Lopez de Prado, Advances in Financial Machine Learning, snippet 5.2).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/features/stationarity/ffd.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Parameters of frac_diff_expanding.
struct frac_diff_expanding_params {
  double d = 0.5;           ///< order of differentiation, in [0, 1]
  double threshold = 0.01;  ///< weight-loss threshold, in (0, 1] (AFML's default 0.01)
};

/// Expanding-window fractional differentiation, AFML snippet 5.2 (fracDiff) exactly:
///
/// 1. Leading NaNs are dropped and later NaNs forward-filled; the filled series y_0..y_{m-1}
///    starts at the first finite input.
/// 2. Weights w_0..w_{m-1} of the whole length m (w_0 = 1, w_k = -w_{k-1} (d - k + 1) / k).
/// 3. Weight loss: AFML takes the cumulative sums of |w| from the oldest weight, normalised by
///    their total, and skips as many outputs as there are sums above `threshold`. In terms of
///    lambda_j = sum_{k > j} |w_k| / sum_k |w_k| (the share of the weights an output at
///    position j cannot use) that is skip = 1 + #{j in 0..m-2 : lambda_j > threshold}: the first
///    output is one bar after the first j with lambda_j <= threshold (AFML's off-by-one, kept),
///    and threshold = 1 skips nothing.
/// 4. Output at position j >= skip: sum_{k=0..j} w_k y_{j-k}, NaN where the input itself was NaN.
///
/// Values use data up to t only, but **where the output starts depends on the series length m**
/// (step 3 normalises by the weights of the whole sample): this is a batch transform for research,
/// not a streaming feature; use frac_diff_ffd for a causal, fixed-warm-up series. The weights are
/// not truncated, so the memory grows with t (the reason AFML prefers FFD).
///
/// - Params: d in [0, 1], threshold in (0, 1] (config_error otherwise).
/// - Returns one output per input (NaN before the start, at NaN inputs, and everywhere if all
///   inputs are NaN).
/// - Complexity: O(m^2) time, O(m) memory.
/// @test tests/stationarity/ffd_test.cpp (a direct transcription of the snippet's loop)
[[nodiscard]] inline std::vector<double> frac_diff_expanding(std::span<const double> x,
                                                             const frac_diff_expanding_params& p) {
  detail::check_frac_d(p.d);
  detail::check_positive_threshold(p.threshold, "threshold");
  if (p.threshold > 1.0)
    throw config_error("threshold", "the weight-loss threshold must be in (0, 1] (got " +
                                        std::to_string(p.threshold) + ")");
  std::vector<double> out(x.size(), nan);
  std::size_t first = 0;
  while (first < x.size() && is_nan(x[first])) ++first;
  const std::size_t m = x.size() - first;
  if (m == 0) return out;
  std::vector<double> y(m);
  for (std::size_t j = 0; j < m; ++j) {
    const double v = x[first + j];
    y[j] = is_nan(v) ? y[j - 1] : v;  // j = 0 is finite
  }
  std::vector<double> w(m);
  w[0] = 1.0;
  for (std::size_t k = 1; k < m; ++k) {
    const double kd = static_cast<double>(k);
    w[k] = -w[k - 1] / kd * (p.d - kd + 1.0);
  }
  // AFML: cumulative sums of |w| from the oldest weight (w_{m-1}) down, over their total.
  std::vector<double> tail(m);
  double s = 0.0;
  for (std::size_t k = m; k-- > 0;) {
    s += std::abs(w[k]);
    tail[k] = s;  // sum_{i >= k} |w_i|
  }
  std::size_t skip = 0;
  for (std::size_t k = 0; k < m; ++k)
    if (tail[k] / s > p.threshold) ++skip;
  for (std::size_t j = skip; j < m; ++j) {
    if (is_nan(x[first + j])) continue;
    double acc = 0.0;
    for (std::size_t k = j + 1; k-- > 0;) acc += w[k] * y[j - k];  // oldest first
    out[first + j] = acc;
  }
  return out;
}

}  // namespace features
ALPHA_END_NAMESPACE
