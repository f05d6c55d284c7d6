/// @file
/// Cross-sectional outlier control: winsorising at quantiles, at mean +- k sigma, and clipping
/// at median +- k MAD; per date, across assets, NaN-aware. Missing-value and minimum-count rules
/// as in standardise.hpp (non-finite cells are missing and give NaN; a date with fewer than
/// `min_count` finite values gives an all-NaN row). Each bound is computed once per date from
/// the unclipped values (one pass, not iterated).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/cross_section/apply.hpp"
#include "alpha/detail/cross_section/kernels.hpp"
#include "alpha/detail/cross_section/row_moments.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of winsorize_quantile(): 0 <= lower <= upper <= 1.
struct quantile_clip_params {
  double lower = 0.01;        ///< lower quantile
  double upper = 0.99;        ///< upper quantile
  std::size_t min_count = 1;  ///< finite values a date needs, >= 1
  bool parallel = true;
};

/// Parameters of winsorize_sigma(): k > 0 standard deviations (ddof as in zscore_params).
struct sigma_clip_params {
  double k = 3.0;             ///< half-width in standard deviations, finite and > 0
  std::size_t ddof = 1;       ///< 1 = sample standard deviation, 0 = population
  std::size_t min_count = 2;  ///< finite values a date needs, >= max(2, ddof + 1)
  bool parallel = true;
};

/// Parameters of mad_clip(): bounds median +- k * scale * MAD.
struct mad_clip_params {
  double k = 3.0;  ///< half-width in (scaled) MADs, finite and > 0
  /// Consistency constant: 1.4826 (default) makes scale * MAD estimate the standard deviation of
  /// normal data, so k reads as "sigmas"; 1.0 clips at k raw MADs. Finite and > 0.
  double scale = 1.4826;
  std::size_t min_count = 1;  ///< finite values a date needs, >= 1
  bool parallel = true;
};

namespace detail {
inline void check(const quantile_clip_params& p) {
  constexpr const char* name = "cross_section::winsorize_quantile";
  ::alpha::detail::xs::check_range(p.lower, 0.0, 1.0, "lower", name);
  ::alpha::detail::xs::check_range(p.upper, p.lower, 1.0, "upper", name);
  ::alpha::detail::xs::check_min_count(p.min_count, 1, name);
}
inline void check(const sigma_clip_params& p) {
  constexpr const char* name = "cross_section::winsorize_sigma";
  if (!(std::isfinite(p.k) && p.k > 0))
    throw config_error("k", std::string(name) + ": must be finite and > 0");
  ::alpha::detail::xs::check_min_count(p.min_count, p.ddof + 1 > 2 ? p.ddof + 1 : 2, name);
}
inline void check(const mad_clip_params& p) {
  constexpr const char* name = "cross_section::mad_clip";
  if (!(std::isfinite(p.k) && p.k > 0))
    throw config_error("k", std::string(name) + ": must be finite and > 0");
  if (!(std::isfinite(p.scale) && p.scale > 0))
    throw config_error("scale", std::string(name) + ": must be finite and > 0");
  ::alpha::detail::xs::check_min_count(p.min_count, 1, name);
}
inline auto quantile_kernel(const quantile_clip_params& p) {
  return [p] {
    return [p, v = std::vector<double>{},
            sel = ::alpha::detail::xs::selector{}](std::span<double> x) mutable {
      const std::size_t n = ::alpha::detail::xs::gather_finite(x, v);
      if (n < p.min_count || n == 0) return ::alpha::detail::xs::blank(x);
      sel.prepare(v);
      const double lo = sel.quantile(p.lower);
      const double hi = sel.quantile(p.upper);
      ::alpha::detail::xs::clamp_finite(x, lo, hi);
    };
  };
}
inline auto sigma_plan(const sigma_clip_params& p) {
  return [p](const ::alpha::detail::xs::row_stats& s) {
    ::alpha::detail::xs::row_map m;
    if (s.n < p.min_count) return m;
    const double sd = std::sqrt(s.ss / static_cast<double>(s.n - p.ddof));
    m.keep = true;
    m.lo = s.mean - p.k * sd;
    m.hi = s.mean + p.k * sd;
    return m;
  };
}
inline auto mad_kernel(const mad_clip_params& p) {
  return [p] {
    return [p, v = std::vector<double>{},
            sel = ::alpha::detail::xs::selector{}](std::span<double> x) mutable {
      const std::size_t n = ::alpha::detail::xs::gather_finite(x, v);
      if (n < p.min_count || n == 0) return ::alpha::detail::xs::blank(x);
      sel.prepare(v);
      const double med = sel.median();
      for (double& a : v) a = std::fabs(a - med);
      sel.prepare(v);
      const double mad = sel.median();
      if (mad > 0.0) {
        const double h = p.k * p.scale * mad;
        ::alpha::detail::xs::clamp_finite(x, med - h, med + h);
      } else {
        ::alpha::detail::xs::clamp_finite(x, -INFINITY, INFINITY);  // MAD = 0: unchanged
      }
    };
  };
}
}  // namespace detail

/// Quantile winsorising: clamp(x[t, j], q_t(lower), q_t(upper)), where q_t(q) is the linear-
/// interpolation quantile of the finite values of date t (numpy 'linear' = pandas `quantile`
/// default, Hyndman-Fan type 7: h = q (n - 1), q = x_(floor h) + (h - floor h)(x_(floor h + 1)
/// - x_(floor h)) on the sorted values); pandas `df.clip(df.quantile(lo, axis=1),
/// df.quantile(hi, axis=1), axis=0)`. Complexity: O(T N) expected (one histogram of each date's
/// values on [min, max], then nth_element inside the bucket holding each quantile), O(N) extra
/// memory per task.
/// @test tests/cross_section/transforms_test.cpp (sort-based reference, pandas values)
inline void winsorize_quantile_in_place(panel<double>& x, const quantile_clip_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::in_place(x, p.parallel, detail::quantile_kernel(p));
}
/// winsorize_quantile_in_place() on a copy.
[[nodiscard]] inline panel<double> winsorize_quantile(const panel<double>& x,
                                                      const quantile_clip_params& p = {}) {
  detail::check(p);
  return ::alpha::detail::xs::copied(x, p.parallel, detail::quantile_kernel(p));
}

/// Sigma winsorising: clamp(x, mean_t - k sd_t, mean_t + k sd_t) with mean_t and sd_t (divisor
/// n_t - ddof) of the finite values of date t, computed once from the unclipped values. A date
/// with sd 0 is unchanged. Complexity: O(T N) (column-wise passes over blocks of 128 dates),
/// O(1) extra memory.
/// @test tests/cross_section/transforms_test.cpp
inline void winsorize_sigma_in_place(panel<double>& x, const sigma_clip_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::map_rows_by_moments(x.values(), x.values(), p.parallel, true, false,
                                           detail::sigma_plan(p));
}
/// winsorize_sigma_in_place() on a copy.
[[nodiscard]] inline panel<double> winsorize_sigma(const panel<double>& x,
                                                   const sigma_clip_params& p = {}) {
  detail::check(p);
  panel<double> out(x.shared_index(), x.shared_assets(),
                    panel<double>::array_type(x.values().rows(), x.values().cols()));
  ::alpha::detail::xs::map_rows_by_moments(x.values(), out.values(), p.parallel, true, false,
                                           detail::sigma_plan(p));
  return out;
}

/// MAD clipping: clamp(x, med_t - k c MAD_t, med_t + k c MAD_t), med_t the median of the finite
/// values of date t (mean of the two middle values when n_t is even), MAD_t the median of
/// |x - med_t|, c = `scale` (1.4826 by default, 1 for raw MADs). A date with MAD 0 (more than
/// half its values equal) is left unchanged: the bounds would collapse onto the median and erase
/// every other value. Complexity: O(T N) expected (two histogram selections per date), O(N)
/// memory per task.
/// @test tests/cross_section/transforms_test.cpp
inline void mad_clip_in_place(panel<double>& x, const mad_clip_params& p = {}) {
  detail::check(p);
  ::alpha::detail::xs::in_place(x, p.parallel, detail::mad_kernel(p));
}
/// mad_clip_in_place() on a copy.
[[nodiscard]] inline panel<double> mad_clip(const panel<double>& x, const mad_clip_params& p = {}) {
  detail::check(p);
  return ::alpha::detail::xs::copied(x, p.parallel, detail::mad_kernel(p));
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
