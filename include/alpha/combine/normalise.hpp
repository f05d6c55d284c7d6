/// @file
/// Normalisers (alpha::combine): map one source's raw cross-sectional predictions to a signal,
/// score in [-1, 1] and confidence = |score| in [0, 1]. z-score, rank, min-max and clamp.
#pragma once

#include "alpha/combine/concept.hpp"
#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/signals.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace combine {

/// Cross-sectional z-score: z_i = (x_i - mean) / sd over the finite x (sd with divisor
/// n - ddof, ddof = 1 by default: pandas' `(x - x.mean()) / x.std()`), score = clamp(z / z_cap,
/// -1, 1), confidence = |score|.
///
/// - NaN rule: NaN (or infinite) raw -> NaN score, zero confidence, not counted in n, mean or
///   sd.
/// - Fewer than ddof + 1 finite values: every score NaN (a z-score is undefined there, e.g. one
///   asset). sd = 0 (all equal): every finite score 0 (no cross-sectional opinion).
/// - Complexity: O(n) (two passes). Errors: config_error for z_cap not finite and > 0 or
///   ddof > 1.
/// @test tests/policies/combine_test.cpp
class zscore_normaliser {
 public:
  struct params {
    double z_cap = 3.0;    ///< z at which the score saturates at +-1
    std::size_t ddof = 1;  ///< 1: sample sd (pandas), 0: population sd
  };
  explicit zscore_normaliser(const params& p) : p_(p) {
    ::alpha::detail::policy::positive(p.z_cap, "zscore_normaliser", "z_cap");
    if (p.ddof > 1) throw config_error("zscore_normaliser.ddof", "must be 0 or 1");
  }
  void normalise(std::span<const double> raw, signal_buffer& out) const {
    ::alpha::detail::policy::prepare_signal(raw, out);
    std::size_t n = 0;
    double sum = 0.0;
    for (const double x : raw)
      if (std::isfinite(x)) {
        ++n;
        sum += x;
      }
    if (n <= p_.ddof) return;
    const double mean = sum / static_cast<double>(n);
    double ss = 0.0;
    for (const double x : raw)
      if (std::isfinite(x)) ss += (x - mean) * (x - mean);
    const double sd = std::sqrt(ss / static_cast<double>(n - p_.ddof));
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (!std::isfinite(raw[i])) continue;
      out.score[i] =
          sd > 0.0 ? ::alpha::detail::policy::clamp_abs((raw[i] - mean) / sd / p_.z_cap, 1.0) : 0.0;
    }
    ::alpha::detail::policy::confidence_is_magnitude(out);
  }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
};
static_assert(Normaliser<zscore_normaliser>);

/// Cross-sectional rank: average 1-based ranks (ties share the mean of their ranks, pandas
/// `rank(method="average")`) of the finite values, score = 2 (rank - 1) / (n - 1) - 1 in [-1, 1]
/// (lowest -1, highest +1), 0 for a single finite value; confidence = |score|.
/// NaN raw -> NaN score, not ranked. O(n log n). No params.
/// @test tests/policies/combine_test.cpp
class rank_normaliser {
 public:
  struct params {};
  explicit rank_normaliser(const params& = {}) noexcept {}
  void normalise(std::span<const double> raw, signal_buffer& out) const {
    ::alpha::detail::policy::prepare_signal(raw, out);
    const std::size_t n = ::alpha::detail::policy::average_ranks(raw, out.score);
    for (double& s : out.score) s = ::alpha::detail::policy::rank_score(s, n);
    ::alpha::detail::policy::confidence_is_magnitude(out);
  }
};
static_assert(Normaliser<rank_normaliser>);

/// Cross-sectional min-max: score = 2 (x - min) / (max - min) - 1 over the finite values; all
/// equal (max == min) -> every finite score 0; confidence = |score|. NaN (or infinite) raw -> NaN
/// score, not counted. O(n). No params.
/// @test tests/policies/combine_test.cpp
class minmax_normaliser {
 public:
  struct params {};
  explicit minmax_normaliser(const params& = {}) noexcept {}
  void normalise(std::span<const double> raw, signal_buffer& out) const {
    ::alpha::detail::policy::prepare_signal(raw, out);
    double lo = nan, hi = nan;
    for (const double x : raw) {
      if (!std::isfinite(x)) continue;
      lo = is_nan(lo) || x < lo ? x : lo;
      hi = is_nan(hi) || x > hi ? x : hi;
    }
    const double range = hi - lo;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (!std::isfinite(raw[i])) continue;
      out.score[i] =
          range > 0.0 ? ::alpha::detail::policy::clamp_abs(2.0 * (raw[i] - lo) / range - 1.0, 1.0)
                      : 0.0;
    }
    ::alpha::detail::policy::confidence_is_magnitude(out);
  }
};
static_assert(Normaliser<minmax_normaliser>);

/// Identity-clamp, for models that already output scores (rule models): score =
/// clamp(scale x, -1, 1) per asset (no cross-sectional step, so it also suits one asset);
/// confidence = |score|. NaN raw -> NaN score. O(n). Errors: config_error unless scale is finite
/// and > 0.
/// @test tests/policies/combine_test.cpp
class clamp_normaliser {
 public:
  struct params {
    double scale = 1.0;  ///< multiplier applied before clamping
  };
  explicit clamp_normaliser(const params& p) : p_(p) {
    ::alpha::detail::policy::positive(p.scale, "clamp_normaliser", "scale");
  }
  void normalise(std::span<const double> raw, signal_buffer& out) const {
    ::alpha::detail::policy::prepare_signal(raw, out);
    for (std::size_t i = 0; i < raw.size(); ++i)
      out.score[i] = ::alpha::detail::policy::clamp_abs(p_.scale * raw[i], 1.0);
    ::alpha::detail::policy::confidence_is_magnitude(out);
  }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
};
static_assert(Normaliser<clamp_normaliser>);

}  // namespace combine
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::combine::zscore_normaliser::params, z_cap, ddof);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::rank_normaliser::params);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::minmax_normaliser::params);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::clamp_normaliser::params, scale);
