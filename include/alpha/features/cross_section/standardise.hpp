/// @file
/// Cross-sectional demeaning, z-scores and min-max scaling: per date (row of a T x N panel),
/// across assets, NaN-aware.
///
/// Common rules (docs/cross-sectional.md):
/// - Missing values: a non-finite cell (NaN, +-inf) is missing: it stays (becomes) NaN and is
///   left out of the date's statistics; the other cells are transformed as if it were absent.
/// - A date with fewer than `min_count` finite values gives an all-NaN row.
/// - Dates are independent: run in parallel over blocks of dates (TBB) when `parallel` is set;
///   the result is the same at any thread count.
/// - Each transform has a copying form (returns a new panel on the same calendar and assets) and
///   an `_in_place` form.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/cross_section/apply.hpp"
#include "alpha/detail/cross_section/kernels.hpp"

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of demean(): min_count >= 1 finite values per date (default 1).
struct demean_params {
  std::size_t min_count = 1;  ///< finite values a date needs, >= 1
  bool parallel = true;       ///< run blocks of dates on TBB's pool
};

/// Parameters of zscore(): divisor n - ddof of the standard deviation (ddof = 1: sample, as
/// pandas `std()`; 0: population); min_count >= max(2, ddof + 1) (default 2).
struct zscore_params {
  std::size_t ddof = 1;       ///< 1 = sample standard deviation (pandas), 0 = population
  std::size_t min_count = 2;  ///< finite values a date needs, >= ddof + 1 and >= 2
  bool parallel = true;
};

/// Parameters of min_max_scale(): min_count >= 2 (default 2).
struct min_max_params {
  std::size_t min_count = 2;  ///< finite values a date needs, >= 2
  bool parallel = true;
};

namespace detail {
inline void check(const demean_params& p) {
  ::alpha::detail::xs::check_min_count(p.min_count, 1, "cross_section::demean");
}
inline void check(const zscore_params& p) {
  ::alpha::detail::xs::check_min_count(p.min_count, p.ddof + 1 > 2 ? p.ddof + 1 : 2,
                                       "cross_section::zscore");
}
inline void check(const min_max_params& p) {
  ::alpha::detail::xs::check_min_count(p.min_count, 2, "cross_section::min_max_scale");
}
inline auto demean_kernel(const demean_params& p) {
  return [p] {
    return [p](std::span<double> x) {
      const auto s = ::alpha::detail::xs::finite_mean_ss(x);
      if (s.n < p.min_count) return ::alpha::detail::xs::blank(x);
      ::alpha::detail::xs::affine_finite(x, s.mean, 1.0);
    };
  };
}
inline auto zscore_kernel(const zscore_params& p) {
  return [p] {
    return [p](std::span<double> x) {
      const auto s = ::alpha::detail::xs::finite_mean_ss(x);
      if (s.n < p.min_count) return ::alpha::detail::xs::blank(x);
      const double sd = std::sqrt(s.ss / static_cast<double>(s.n - p.ddof));
      if (!(sd > 0.0) || !std::isfinite(sd)) return ::alpha::detail::xs::blank(x);
      ::alpha::detail::xs::affine_finite(x, s.mean, 1.0 / sd);
    };
  };
}
inline auto min_max_kernel(const min_max_params& p) {
  return [p] {
    return [p](std::span<double> x) {
      double lo = INFINITY, hi = -INFINITY;
      std::size_t n = 0;
      for (const double v : x)
        if (std::isfinite(v)) {
          lo = v < lo ? v : lo;
          hi = v > hi ? v : hi;
          ++n;
        }
      if (n < p.min_count || !(hi > lo) || !std::isfinite(hi - lo))
        return ::alpha::detail::xs::blank(x);
      ::alpha::detail::xs::affine_finite(x, lo, 1.0 / (hi - lo));
    };
  };
}
}  // namespace detail

/// Cross-sectional demeaning: x[t, j] - mean_t, mean_t = mean of the finite x[t, .]
/// (pandas `df.sub(df.mean(axis=1), axis=0)`). The mean is refined by a second pass
/// (mean += mean residual), so a large common offset does not cost precision.
/// NaN rule: see the file comment; a date with < min_count finite values -> all NaN.
/// Complexity: O(T N) time, two passes per date; O(N) extra memory per task.
/// @test tests/cross_section/transforms_test.cpp (naive loop, NaN placement, pandas values)
inline void demean_in_place(panel<double>& x, const demean_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::in_place(x, p.parallel, detail::demean_kernel(p));
}
/// demean_in_place() on a copy.
[[nodiscard]] inline panel<double> demean(const panel<double>& x, const demean_params& p = {}) {
  detail::check(p);
  return ::alpha::detail::xs::copied(x, p.parallel, detail::demean_kernel(p));
}

/// Cross-sectional z-score: (x[t, j] - mean_t) / sd_t, sd_t = sqrt(sum (x - mean_t)^2 /
/// (n_t - ddof)) over the n_t finite values of date t (pandas `(df.sub(m, 0)).div(df.std(axis=1,
/// ddof=ddof), 0)`). A date whose sd is 0 (all finite values equal) gives an all-NaN row (0/0,
/// as pandas). NaN rule: see the file comment; n_t < min_count -> all NaN.
/// Complexity: O(T N) time (two passes per date), O(N) extra memory per task.
/// @test tests/cross_section/transforms_test.cpp
inline void zscore_in_place(panel<double>& x, const zscore_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::in_place(x, p.parallel, detail::zscore_kernel(p));
}
/// zscore_in_place() on a copy.
[[nodiscard]] inline panel<double> zscore(const panel<double>& x, const zscore_params& p = {}) {
  detail::check(p);
  return ::alpha::detail::xs::copied(x, p.parallel, detail::zscore_kernel(p));
}

/// Cross-sectional min-max scaling to [0, 1]: (x - min_t) / (max_t - min_t) over the finite
/// values of date t. A date whose finite values are all equal gives an all-NaN row (0/0).
/// NaN rule: see the file comment. Complexity: O(T N), O(N) extra memory per task.
/// @test tests/cross_section/transforms_test.cpp
inline void min_max_scale_in_place(panel<double>& x, const min_max_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::in_place(x, p.parallel, detail::min_max_kernel(p));
}
/// min_max_scale_in_place() on a copy.
[[nodiscard]] inline panel<double> min_max_scale(const panel<double>& x,
                                                 const min_max_params& p = {}) {
  detail::check(p);
  return ::alpha::detail::xs::copied(x, p.parallel, detail::min_max_kernel(p));
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
