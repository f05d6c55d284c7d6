/// @file
/// Cross-sectional ranks and percentiles: per date, across assets, NaN-aware, ties averaged
/// (pandas `DataFrame.rank(axis=1, method='average')`). Missing-value and minimum-count rules as
/// in standardise.hpp (non-finite cells are missing and give NaN; a date with fewer than
/// `min_count` finite values gives an all-NaN row).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/cross_section/apply.hpp"
#include "alpha/detail/cross_section/kernels.hpp"

#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of rank() and percentile().
struct rank_params {
  bool ascending = true;      ///< true: smallest value gets rank 1 (pandas default)
  std::size_t min_count = 1;  ///< finite values a date needs, >= 1
  bool parallel = true;
};

namespace detail {
inline void check_rank(const rank_params& p, const char* name) {
  ::alpha::detail::xs::check_min_count(p.min_count, 1, name);
}
inline auto rank_kernel(const rank_params& p, bool pct) {
  return [p, pct] {
    return [p, pct, r = ::alpha::detail::xs::ranker{}](std::span<double> x) mutable {
      (void)r.rank(x, p.ascending, pct, p.min_count);
    };
  };
}
}  // namespace detail

/// Cross-sectional rank, 1-based, ties get the average of the positions they span (pandas
/// `df.rank(axis=1)`, method 'average'): among n_t finite values, the smallest has rank 1, the
/// largest n_t; descending order when `ascending` is false (rank n_t + 1 - r). -0.0 ties +0.0.
/// Complexity: O(T N) expected (each date's values are bucket-sorted on their place in
/// [min, max], about one value per bucket, small buckets by insertion sort, large ones by
/// std::sort: O(N log N) per date at worst, e.g. with one huge outlier), O(N) extra memory per
/// task.
/// @test tests/cross_section/transforms_test.cpp (O(N^2) counting reference, pandas values)
inline void rank_in_place(panel<double>& x, const rank_params& p = {}) {
  detail::check_rank(p, "cross_section::rank");
  ::alpha::detail::xs::in_place(x, p.parallel, detail::rank_kernel(p, false));
}
/// rank_in_place() on a copy.
[[nodiscard]] inline panel<double> rank(const panel<double>& x, const rank_params& p = {}) {
  detail::check_rank(p, "cross_section::rank");
  return ::alpha::detail::xs::copied(x, p.parallel, detail::rank_kernel(p, false));
}

/// Cross-sectional percentile rank: rank() / n_t, in (0, 1] (pandas `df.rank(axis=1,
/// pct=True)`, method 'average'). Complexity as rank().
/// @test tests/cross_section/transforms_test.cpp
inline void percentile_in_place(panel<double>& x, const rank_params& p = {}) {
  detail::check_rank(p, "cross_section::percentile");
  ::alpha::detail::xs::in_place(x, p.parallel, detail::rank_kernel(p, true));
}
/// percentile_in_place() on a copy.
[[nodiscard]] inline panel<double> percentile(const panel<double>& x, const rank_params& p = {}) {
  detail::check_rank(p, "cross_section::percentile");
  return ::alpha::detail::xs::copied(x, p.parallel, detail::rank_kernel(p, true));
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
