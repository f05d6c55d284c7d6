/// @file
/// Combiners (alpha::combine): fixed-weight average, confidence-weighted average, rank average
/// and best-confidence selection of several sources' signals.
#pragma once

#include "alpha/combine/concept.hpp"
#include "alpha/combine/normalise.hpp"
#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/signals.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace combine {

/// Fixed-weight average. For asset i, over the sources k with a finite score:
/// score = sum_k w_k a_ki / sum_k w_k, confidence = sum_k w_k c_ki / sum_k w_k (weights are
/// renormalised over the sources that have an opinion on the asset).
///
/// - Params: `weights` (keys weights.0 .. weights.7, one per source in input order, >= 0, default
///   all 1 = equal weights). At most 8 sources.
/// - No finite score, or all available sources have weight 0: NaN score, zero confidence.
/// - Output horizon: the largest input horizon. Complexity O(sources x assets).
/// - Errors: config_error for a negative or non-finite weight; shape_error for more than 8
///   inputs, no input, or inputs of different lengths.
/// @test tests/policies/combine_test.cpp
class fixed_weight {
 public:
  struct params {
    std::array<double, 8> weights{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};  ///< per source
  };
  explicit fixed_weight(const params& p) : p_(p) {
    for (std::size_t k = 0; k < p_.weights.size(); ++k)
      ::alpha::detail::policy::non_negative(p_.weights[k], "fixed_weight",
                                            ("weights." + std::to_string(k)).c_str());
  }
  void combine(std::span<const signal_slice> in, signal_buffer& out) const {
    if (in.size() > p_.weights.size())
      throw shape_error("combine::fixed_weight: " + std::to_string(in.size()) +
                        " inputs, at most 8 supported");
    const std::size_t n = ::alpha::detail::policy::prepare_combine(in, out, "fixed_weight");
    for (std::size_t i = 0; i < n; ++i) {
      double ws = 0.0, as = 0.0, cs = 0.0;
      for (std::size_t k = 0; k < in.size(); ++k) {
        const double a = in[k].score[i];
        if (is_nan(a)) continue;
        ws += p_.weights[k];
        as += p_.weights[k] * a;
        cs += p_.weights[k] * in[k].confidence[i];
      }
      if (ws > 0.0) {
        out.score[i] = as / ws;
        out.confidence[i] = cs / ws;
      }
    }
  }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
};
static_assert(Combiner<fixed_weight>);

/// Confidence-weighted average. For asset i, over the sources k with a finite score:
/// score = sum_k c_ki a_ki / sum_k c_ki; confidence = sum_k c_ki^2 / sum_k c_ki (the
/// confidence-weighted mean of the confidences, in [0, 1]).
///
/// - Finite scores but every confidence 0: score 0, confidence 0 (the sources have spoken, with
///   no conviction: neutral). NaN is kept for assets without any finite input score.
/// - Any number of sources. No params. O(sources x assets).
/// @test tests/policies/combine_test.cpp
class confidence_weighted {
 public:
  struct params {};
  explicit confidence_weighted(const params& = {}) noexcept {}
  void combine(std::span<const signal_slice> in, signal_buffer& out) const {
    const std::size_t n = ::alpha::detail::policy::prepare_combine(in, out, "confidence_weighted");
    for (std::size_t i = 0; i < n; ++i) {
      bool any = false;
      double cs = 0.0, as = 0.0, c2 = 0.0;
      for (const signal_slice& s : in) {
        const double a = s.score[i];
        if (is_nan(a)) continue;
        any = true;
        const double c = s.confidence[i];
        cs += c;
        as += c * a;
        c2 += c * c;
      }
      if (!any) continue;
      out.score[i] = cs > 0.0 ? as / cs : 0.0;
      out.confidence[i] = cs > 0.0 ? c2 / cs : 0.0;
    }
  }
};
static_assert(Combiner<confidence_weighted>);

/// Rank average: each source's finite scores are ranked across assets (average ranks for ties)
/// and mapped to 2 (rank - 1) / (n_k - 1) - 1 (n_k = that source's finite count; 0 when
/// n_k = 1); asset i's score is the equal-weight mean of those rank scores over the sources with
/// a finite score for it; confidence = |score|. Robust to sources on different scales.
/// No params. O(sources x assets log assets).
/// @test tests/policies/combine_test.cpp
class rank_average {
 public:
  struct params {};
  explicit rank_average(const params& = {}) noexcept {}
  void combine(std::span<const signal_slice> in, signal_buffer& out) const {
    const std::size_t n = ::alpha::detail::policy::prepare_combine(in, out, "rank_average");
    std::vector<double> sum(n, 0.0), rank(n);
    std::vector<std::size_t> count(n, 0);
    for (const signal_slice& s : in) {
      const std::size_t m = ::alpha::detail::policy::average_ranks(s.score, rank);
      for (std::size_t i = 0; i < n; ++i) {
        if (is_nan(rank[i])) continue;
        sum[i] += ::alpha::detail::policy::rank_score(rank[i], m);
        ++count[i];
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (count[i] == 0) continue;
      out.score[i] = sum[i] / static_cast<double>(count[i]);
      out.confidence[i] = std::abs(out.score[i]);
    }
  }
};
static_assert(Combiner<rank_average>);

/// Best source: for asset i, the (score, confidence) of the source with the highest confidence
/// among those with a finite score (ties: the first in input order). No params.
/// O(sources x assets).
/// @test tests/policies/combine_test.cpp
class best_confidence {
 public:
  struct params {};
  explicit best_confidence(const params& = {}) noexcept {}
  void combine(std::span<const signal_slice> in, signal_buffer& out) const {
    const std::size_t n = ::alpha::detail::policy::prepare_combine(in, out, "best_confidence");
    for (std::size_t i = 0; i < n; ++i) {
      double best_c = -1.0;
      for (const signal_slice& s : in) {
        if (is_nan(s.score[i]) || !(s.confidence[i] > best_c)) continue;
        best_c = s.confidence[i];
        out.score[i] = s.score[i];
        out.confidence[i] = s.confidence[i];
      }
    }
  }
};
static_assert(Combiner<best_confidence>);

}  // namespace combine
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::combine::fixed_weight::params, weights);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::confidence_weighted::params);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::rank_average::params);
BOOST_HANA_ADAPT_STRUCT(alpha::combine::best_confidence::params);
