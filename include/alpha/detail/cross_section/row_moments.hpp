/// @file
/// Internal column-wise engine of the moment-based cross-sectional transforms (demean, z-score,
/// min-max, sigma winsorising): per block of dates, per-date accumulators are updated while the
/// column-major array is read column by column (contiguous, vectorised across dates), then each
/// date's cells are mapped by an affine map or a clamp. Each date's sums run over assets
/// j = 0..N-1 in order, whatever the blocking or thread count: deterministic.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/parallel.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

/// What a date's statistics are: n finite values, their mean (two-pass refined), the sum of
/// squared deviations from it, and their min and max (when requested).
struct row_stats {
  std::size_t n = 0;
  double mean = nan;
  double ss = nan;
  double min = nan;
  double max = nan;
};

/// How a date's finite cells are mapped: (x - a) * b (affine) or clamp(x, lo, hi); `keep` false
/// blanks the whole date to NaN. Non-finite cells always give NaN.
struct row_map {
  bool keep = false;
  double a = 0, b = 1;                                   // affine
  double lo = -std::numeric_limits<double>::infinity();  // clamp
  double hi = std::numeric_limits<double>::infinity();
};

/// Dates per block of the column-wise engine: 128 dates x 500 assets = 512 KB, L2-resident
/// across the passes.
inline constexpr std::size_t moment_block_rows = 128;

[[nodiscard]] inline bool finite(double v) noexcept {
  return std::fabs(v) <= std::numeric_limits<double>::max();  // false for NaN and +-inf
}

/// Maps every date of `in` into `out` (may alias): `plan(stats) -> row_map`. `clamp` selects the
/// clamp form of the map; `range` requests min/max. O(T N), three or four reads of each block.
template <class Plan>
void map_rows_by_moments(const panel<double>::array_type& in, panel<double>::array_type& out,
                         bool parallel, bool clamp, bool range, Plan plan) {
  const auto T = static_cast<std::size_t>(in.rows());
  const auto N = static_cast<std::size_t>(in.cols());
  if (T == 0 || N == 0) return;
  const std::size_t blocks = (T + moment_block_rows - 1) / moment_block_rows;
  const bool go_parallel = parallel && T * N >= (std::size_t{1} << 16) && blocks > 1;
  parallel_for_each_index(go_parallel ? blocks : 1, [&](std::size_t task) {
    const std::size_t b0 = go_parallel ? task : 0, b1 = go_parallel ? task + 1 : blocks;
    constexpr std::size_t B = moment_block_rows;
    double cnt[B], sum[B], dev[B], dev2[B], lo[B], hi[B], ma[B], mb[B];
    bool keep[B];
    for (std::size_t b = b0; b < b1; ++b) {
      const std::size_t t0 = b * B, R = std::min(B, T - t0);
      const double* base = in.data() + t0;
      for (std::size_t r = 0; r < R; ++r) {
        cnt[r] = sum[r] = dev[r] = dev2[r] = 0;
        lo[r] = std::numeric_limits<double>::infinity();
        hi[r] = -std::numeric_limits<double>::infinity();
      }
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = base + j * T;
        for (std::size_t r = 0; r < R; ++r) {
          const bool f = finite(c[r]);
          sum[r] += f ? c[r] : 0.0;
          cnt[r] += f ? 1.0 : 0.0;
        }
        if (range)
          for (std::size_t r = 0; r < R; ++r) {
            const bool f = finite(c[r]);
            lo[r] = f && c[r] < lo[r] ? c[r] : lo[r];
            hi[r] = f && c[r] > hi[r] ? c[r] : hi[r];
          }
      }
      for (std::size_t r = 0; r < R; ++r) ma[r] = cnt[r] > 0 ? sum[r] / cnt[r] : 0.0;
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = base + j * T;
        for (std::size_t r = 0; r < R; ++r) {
          const double e = finite(c[r]) ? c[r] - ma[r] : 0.0;
          dev[r] += e;
          dev2[r] += e * e;
        }
      }
      for (std::size_t r = 0; r < R; ++r) {
        row_stats s;
        s.n = static_cast<std::size_t>(cnt[r]);
        if (s.n > 0) {
          s.mean = ma[r] + dev[r] / cnt[r];
          s.ss = dev2[r] - dev[r] * dev[r] / cnt[r];
          if (range) {
            s.min = lo[r];
            s.max = hi[r];
          }
        }
        const row_map m = plan(s);
        keep[r] = m.keep;
        if (clamp) {
          ma[r] = m.lo;
          mb[r] = m.hi;
        } else {
          ma[r] = m.a;
          mb[r] = m.b;
        }
        if (!m.keep) ma[r] = mb[r] = nan;
      }
      double* dst = out.data() + t0;
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = base + j * T;
        double* o = dst + j * T;
        if (clamp) {
          for (std::size_t r = 0; r < R; ++r) {
            const double v = c[r];
            o[r] = finite(v) && keep[r] ? std::min(std::max(v, ma[r]), mb[r]) : nan;
          }
        } else {
          for (std::size_t r = 0; r < R; ++r) {
            const double v = c[r];
            o[r] = finite(v) ? (v - ma[r]) * mb[r] : nan;
          }
        }
      }
    }
  });
}

/// Per-date group demeaning, column-wise: for every date t and group s, the (weighted) mean of
/// the finite x[t, j] of the assets j with group[j] = s (weight w[t, j] when `w` is non-null;
/// a member with a non-finite or non-positive weight is left out of the mean and of the count),
/// refined by a second pass; out = x - mean, NaN for non-finite x and for groups with fewer than
/// `min_count` members that date. Sums run over j in order for each (date, group):
/// deterministic. O(T N) time, O(128 G) memory per task.
inline void demean_groups_by_columns(const panel<double>::array_type& in,
                                     const panel<double>::array_type* w,
                                     panel<double>::array_type& out,
                                     const std::vector<std::size_t>& group, std::size_t G,
                                     std::size_t min_count, bool parallel) {
  const auto T = static_cast<std::size_t>(in.rows());
  const auto N = static_cast<std::size_t>(in.cols());
  if (T == 0 || N == 0) return;
  constexpr std::size_t B = moment_block_rows;
  const std::size_t blocks = (T + B - 1) / B;
  const bool go_parallel = parallel && T * N >= (std::size_t{1} << 16) && blocks > 1;
  const std::size_t tasks = go_parallel ? std::min<std::size_t>(blocks, 16) : 1;
  parallel_for_each_index(tasks, [&](std::size_t task) {
    const std::size_t b0 = blocks * task / tasks, b1 = blocks * (task + 1) / tasks;
    std::vector<double> sw(G * B), sx(G * B), cnt(G * B), dev(G * B);
    for (std::size_t b = b0; b < b1; ++b) {
      const std::size_t t0 = b * B, R = std::min(B, T - t0);
      std::fill(sw.begin(), sw.end(), 0.0);
      std::fill(sx.begin(), sx.end(), 0.0);
      std::fill(cnt.begin(), cnt.end(), 0.0);
      // Weight of cell r of a column: 1 (equal weights) or w if finite and > 0; 0 when the value
      // is not finite (left out). Branch-free, so the loops vectorise across dates.
      const auto weight = [](double x, const double* wc, std::size_t r) {
        const double wr = wc ? wc[r] : 1.0;
        return finite(x) && finite(wr) && wr > 0.0 ? wr : 0.0;
      };
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = in.data() + j * T + t0;
        const double* wc = w ? w->data() + j * T + t0 : nullptr;
        double* gw = sw.data() + group[j] * B;
        double* gx = sx.data() + group[j] * B;
        double* gc = cnt.data() + group[j] * B;
        if (wc) {
          for (std::size_t r = 0; r < R; ++r) {
            const double wr = weight(c[r], wc, r);
            gw[r] += wr;
            gx[r] += wr > 0.0 ? wr * c[r] : 0.0;
            gc[r] += wr > 0.0 ? 1.0 : 0.0;
          }
        } else {
          for (std::size_t r = 0; r < R; ++r) {
            const bool f = finite(c[r]);
            gw[r] += f ? 1.0 : 0.0;
            gx[r] += f ? c[r] : 0.0;
            gc[r] += f ? 1.0 : 0.0;
          }
        }
      }
      for (std::size_t k = 0; k < G * B; ++k) sx[k] = cnt[k] > 0 ? sx[k] / sw[k] : 0.0;
      std::fill(dev.begin(), dev.end(), 0.0);
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = in.data() + j * T + t0;
        const double* wc = w ? w->data() + j * T + t0 : nullptr;
        const double* gx = sx.data() + group[j] * B;
        double* gd = dev.data() + group[j] * B;
        if (wc) {
          for (std::size_t r = 0; r < R; ++r) {
            const double wr = weight(c[r], wc, r);
            gd[r] += wr > 0.0 ? wr * (c[r] - gx[r]) : 0.0;
          }
        } else {
          for (std::size_t r = 0; r < R; ++r) gd[r] += finite(c[r]) ? c[r] - gx[r] : 0.0;
        }
      }
      const auto need = static_cast<double>(min_count);
      for (std::size_t k = 0; k < G * B; ++k) sx[k] = cnt[k] >= need ? sx[k] + dev[k] / sw[k] : nan;
      for (std::size_t j = 0; j < N; ++j) {
        const double* c = in.data() + j * T + t0;
        double* o = out.data() + j * T + t0;
        const double* gx = sx.data() + group[j] * B;
        for (std::size_t r = 0; r < R; ++r) o[r] = finite(c[r]) ? c[r] - gx[r] : nan;
      }
    }
  });
}

}  // namespace detail::xs
ALPHA_END_NAMESPACE
