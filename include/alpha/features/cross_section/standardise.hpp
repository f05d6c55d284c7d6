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
#include "alpha/detail/cross_section/row_moments.hpp"

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
inline auto demean_plan(const demean_params& p) {
  return [p](const ::alpha::detail::xs::row_stats& s) {
    ::alpha::detail::xs::row_map m;
    m.keep = s.n >= p.min_count;
    m.a = s.mean;
    return m;
  };
}
inline auto zscore_plan(const zscore_params& p) {
  return [p](const ::alpha::detail::xs::row_stats& s) {
    ::alpha::detail::xs::row_map m;
    if (s.n < p.min_count) return m;
    const double sd = std::sqrt(s.ss / static_cast<double>(s.n - p.ddof));
    m.keep = sd > 0.0 && std::isfinite(sd);
    m.a = s.mean;
    m.b = 1.0 / sd;
    return m;
  };
}
inline auto min_max_plan(const min_max_params& p) {
  return [p](const ::alpha::detail::xs::row_stats& s) {
    ::alpha::detail::xs::row_map m;
    m.keep = s.n >= p.min_count && s.max > s.min && std::isfinite(s.max - s.min);
    m.a = s.min;
    m.b = 1.0 / (s.max - s.min);
    return m;
  };
}
/// Runs a moment plan over `in` into `out` (affine maps).
template <class Plan>
void run_affine(const panel<double>& in, panel<double>& out, bool parallel, bool range, Plan plan) {
  ::alpha::detail::xs::map_rows_by_moments(in.values(), out.values(), parallel, false, range, plan);
}
/// An uninitialised panel on the calendar and assets of `x`.
[[nodiscard]] inline panel<double> like(const panel<double>& x) {
  return panel<double>(x.shared_index(), x.shared_assets(),
                       panel<double>::array_type(x.values().rows(), x.values().cols()));
}
}  // namespace detail

/// Cross-sectional demeaning: x[t, j] - mean_t, mean_t = mean of the finite x[t, .]
/// (pandas `df.sub(df.mean(axis=1), axis=0)`). The mean is refined by a second pass
/// (mean += mean residual), so a large common offset does not cost precision.
/// NaN rule: see the file comment; a date with < min_count finite values -> all NaN.
/// Complexity: O(T N) time: the column-major array is read column by column, three passes
/// over blocks of 128 dates (L2-resident), per-date accumulators; O(1) extra memory.
/// @test tests/cross_section/transforms_test.cpp (naive loop, NaN placement, pandas values)
inline void demean_in_place(panel<double>& x, const demean_params& p = {}) {
  detail::check(p);
  detail::run_affine(x, x, p.parallel, false, detail::demean_plan(p));
}
/// demean_in_place() on a copy.
[[nodiscard]] inline panel<double> demean(const panel<double>& x, const demean_params& p = {}) {
  detail::check(p);
  panel<double> out = detail::like(x);
  detail::run_affine(x, out, p.parallel, false, detail::demean_plan(p));
  return out;
}

/// Cross-sectional z-score: (x[t, j] - mean_t) / sd_t, sd_t = sqrt(sum (x - mean_t)^2 /
/// (n_t - ddof)) over the n_t finite values of date t (pandas `(df.sub(m, 0)).div(df.std(axis=1,
/// ddof=ddof), 0)`). A date whose sd is 0 (all finite values equal) gives an all-NaN row (0/0,
/// as pandas). NaN rule: see the file comment; n_t < min_count -> all NaN.
/// Complexity: O(T N) time (three passes over blocks of 128 dates), O(1) extra memory.
/// @test tests/cross_section/transforms_test.cpp
inline void zscore_in_place(panel<double>& x, const zscore_params& p = {}) {
  detail::check(p);
  detail::run_affine(x, x, p.parallel, false, detail::zscore_plan(p));
}
/// zscore_in_place() on a copy.
[[nodiscard]] inline panel<double> zscore(const panel<double>& x, const zscore_params& p = {}) {
  detail::check(p);
  panel<double> out = detail::like(x);
  detail::run_affine(x, out, p.parallel, false, detail::zscore_plan(p));
  return out;
}

/// Cross-sectional min-max scaling to [0, 1]: (x - min_t) / (max_t - min_t) over the finite
/// values of date t. A date whose finite values are all equal gives an all-NaN row (0/0).
/// NaN rule: see the file comment. Complexity: O(T N), O(1) extra memory.
/// @test tests/cross_section/transforms_test.cpp
inline void min_max_scale_in_place(panel<double>& x, const min_max_params& p = {}) {
  detail::check(p);
  detail::run_affine(x, x, p.parallel, true, detail::min_max_plan(p));
}
/// min_max_scale_in_place() on a copy.
[[nodiscard]] inline panel<double> min_max_scale(const panel<double>& x,
                                                 const min_max_params& p = {}) {
  detail::check(p);
  panel<double> out = detail::like(x);
  detail::run_affine(x, out, p.parallel, true, detail::min_max_plan(p));
  return out;
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
