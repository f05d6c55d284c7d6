/// @file
/// alpha::features::ffd_weights and alpha::features::frac_diff_ffd: fixed-width-window fractional
/// differentiation (Lopez de Prado, Advances in Financial Machine Learning, 2018, ch. 5.5).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

namespace detail {

/// Checks the order of differentiation d (finite, in [0, 1]).
inline double check_frac_d(double d) {
  if (!(d >= 0.0 && d <= 1.0))
    throw config_error("d", "the order of differentiation must be in [0, 1] (got " +
                                std::to_string(d) +
                                "); difference the series first for d > 1 (d = 1 + d')");
  return d;
}

/// Checks a positive, finite threshold named `name`.
inline double check_positive_threshold(double tau, const char* name) {
  if (!(tau > 0.0 && std::isfinite(tau)))
    throw config_error(name, "must be a finite number > 0 (got " + std::to_string(tau) + ")");
  return tau;
}

}  // namespace detail

/// The weights of the fixed-width window (AFML snippet 5.3, getWeights_FFD):
/// w_0 = 1, w_k = -w_{k-1} (d - k + 1) / k, stopping at the first k with |w_k| < threshold, which
/// is not kept. The window width is L + 1 = size() (L = 502 for d = 0.1, 1 for d = 1, 0 for d = 0
/// at threshold 1e-4). |w_k| decreases in k for d in [0, 1], so every dropped weight is below the
/// threshold. Element k is w_k (newest observation first).
///
/// - d in [0, 1], threshold > 0 (config_error otherwise); more than `max_width` weights (a tiny
///   threshold) is a config_error.
/// - Complexity: O(L).
[[nodiscard]] inline std::vector<double> ffd_weights(double d, double threshold,
                                                     std::size_t max_width = 1'000'000) {
  detail::check_frac_d(d);
  detail::check_positive_threshold(threshold, "threshold");
  std::vector<double> w{1.0};
  for (std::size_t k = 1;; ++k) {
    const double kd = static_cast<double>(k);
    const double next = -w.back() / kd * (d - kd + 1.0);
    if (std::abs(next) < threshold) break;
    if (w.size() >= max_width)
      throw config_error(
          "threshold", "the FFD window would exceed max_width = " + std::to_string(max_width) +
                           " weights (d = " + std::to_string(d) +
                           ", threshold = " + std::to_string(threshold) + "): raise the threshold");
    w.push_back(next);
  }
  return w;
}

/// Fixed-width-window fractionally differentiated series (FFD, AFML snippet 5.3):
/// X~_t = sum_{k=0..L} w_k X_{t-k} for t >= L, NaN before; the weights are ffd_weights(d,
/// threshold). d = 1 gives the first difference, d = 0 the series itself (L = 0). Matches
/// mlfinlab's frac_diff_ffd and the reference files to ~1e-14 (tests).
///
/// - Params: d in [0, 1], threshold > 0 (AFML uses 1e-4 to 1e-5), max_width (guard against a
///   threshold so small that the window is huge). Lookback: L = ffd_weights(...).size() - 1.
/// - Input: usually a log price. NaN rule: a NaN input makes every output whose window holds it
///   NaN (the L + 1 outputs from it on), as numpy's convolution would; forward-fill first for
///   AFML's behaviour (its code forward-fills, then drops leading NaNs).
/// - Sum order: oldest observation first (smallest weights first), the same operations in the
///   streaming and the batch form, so both give bit-equal numbers.
/// - Complexity: O(L) per update, O(L) memory; batch O(n L), vectorised over blocks of outputs.
/// @test tests/stationarity/ffd_test.cpp (AFML weights and FFD series on log S&P 500; laws)
class frac_diff_ffd {
 public:
  struct params {
    double d = 0.5;                     ///< order of differentiation, in [0, 1]
    double threshold = 1e-4;            ///< weights with |w_k| below it are dropped
    std::size_t max_width = 1'000'000;  ///< at most this many weights (config_error beyond)
  };
  static constexpr std::array<std::string_view, 1> output_names{"ffd"};

  explicit frac_diff_ffd(const params& p) : rw_(reversed(p)), buf_(2 * rw_.size(), 0.0) {}

  /// Pushes x_t. O(L).
  void update(double x) noexcept {
    const std::size_t w = rw_.size();
    buf_[pos_] = x;
    buf_[pos_ + w] = x;
    pos_ = pos_ + 1 == w ? 0 : pos_ + 1;
    ++count_;
    // The window x_{t-L}..x_t, oldest first, is contiguous at buf_[pos_ .. pos_ + L].
    value_ = count_ >= w ? dot(rw_.data(), buf_.data() + pos_, w) : nan;
  }
  /// X~_t, NaN during the warm-up or when the window holds a NaN.
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return count_ >= rw_.size(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return rw_.size() - 1; }
  void reset() noexcept {
    pos_ = count_ = 0;
    value_ = nan;
  }
  /// The weights w_0..w_L (newest observation first), as ffd_weights().
  [[nodiscard]] std::vector<double> weights() const {
    return std::vector<double>(rw_.rbegin(), rw_.rend());
  }

  /// Batch kernel: blocks of 256 outputs accumulated together in an L1-resident buffer, four
  /// weights per pass (long, independent inner loops the compiler vectorises; the operations of
  /// update() per output, so bit-equal to streaming). O(n L).
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    const std::vector<double> rw = reversed(p);
    const std::size_t w = rw.size(), n = in.close.size();
    const double* x = in.close.data();
    double* y = out[0].data();
    for (std::size_t t = 0; t < n && t + 1 < w; ++t) y[t] = nan;
    constexpr std::size_t block = 256;
    alignas(64) double acc[block];
    for (std::size_t t0 = w - 1; t0 < n; t0 += block) {
      const std::size_t len = t0 + block <= n ? block : n - t0;
      const double* base = x + (t0 + 1 - w);
      for (std::size_t i = 0; i < len; ++i) acc[i] = 0.0;
      std::size_t j = 0;
      // Four weights per pass over the block (a quarter of the accumulator loads and stores);
      // each output still takes its weights one after the other, in order.
      for (; j + 4 <= w; j += 4) {
        const double w0 = rw[j], w1 = rw[j + 1], w2 = rw[j + 2], w3 = rw[j + 3];
        const double* xs = base + j;
        for (std::size_t i = 0; i < len; ++i) {
          double a = ::alpha::detail::ta::madd(w0, xs[i], acc[i]);
          a = ::alpha::detail::ta::madd(w1, xs[i + 1], a);
          a = ::alpha::detail::ta::madd(w2, xs[i + 2], a);
          acc[i] = ::alpha::detail::ta::madd(w3, xs[i + 3], a);
        }
      }
      for (; j < w; ++j) {
        const double wj = rw[j];
        const double* xs = base + j;
        for (std::size_t i = 0; i < len; ++i) acc[i] = ::alpha::detail::ta::madd(wj, xs[i], acc[i]);
      }
      for (std::size_t i = 0; i < len; ++i) y[t0 + i] = acc[i];
    }
  }

 private:
  static std::vector<double> reversed(const params& p) {
    std::vector<double> w = ffd_weights(p.d, p.threshold, p.max_width);
    return std::vector<double>(w.rbegin(), w.rend());
  }
  static double dot(const double* rw, const double* x, std::size_t w) noexcept {
    double acc = 0.0;
    for (std::size_t j = 0; j < w; ++j) acc = ::alpha::detail::ta::madd(rw[j], x[j], acc);
    return acc;
  }

  std::vector<double> rw_;   // w_L..w_0 (oldest observation first)
  std::vector<double> buf_;  // the window written twice, so that it is always contiguous
  std::size_t pos_ = 0;      // slot of the oldest value of the window
  std::size_t count_ = 0;    // values pushed since construction or reset
  double value_ = nan;
};

/// The FFD series of `x` (see frac_diff_ffd), one output per input, NaN for t < L. A series no
/// longer than L is a config_error (every output would be NaN). O(n L).
[[nodiscard]] inline std::vector<double> frac_diff_ffd_series(std::span<const double> x,
                                                              const frac_diff_ffd::params& p) {
  return run<frac_diff_ffd>(p, series_input::from(x))[0];
}

}  // namespace features
ALPHA_END_NAMESPACE
