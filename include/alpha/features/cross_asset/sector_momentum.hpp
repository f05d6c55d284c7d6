/// @file
/// alpha::features::sector_momentum: the mean h-bar return of each asset's sector, per date.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/data/universe.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/returns/return_kind.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Parameters of sector_momentum.
struct sector_momentum_params {
  std::size_t window = 20;                 ///< h >= 1: return horizon in rows (bars)
  return_kind kind = return_kind::simple;  ///< simple or log returns
  bool exclude_self = false;               ///< leave the asset itself out of its sector's mean
  std::size_t min_assets = 1;              ///< fewer valid returns in the mean -> NaN; >= 1
};

/// Sector momentum: for asset i in sector s at row t,
///   sm_{i,t} = mean over assets j of s with a finite r_{j,t} of r_{j,t},
///   r_{j,t} = x_{j,t} / x_{j,t-h} - 1 (or ln(x_{j,t} / x_{j,t-h})),
/// an equal-weighted sector return over the last h bars, broadcast to the sector's assets; with
/// exclude_self, asset i's own return is left out (leave-one-out: a peer-momentum signal that
/// does not contain the asset's own momentum). Returns a panel on `close`'s calendar and assets.
///
/// - Convention: returns are taken between rows t-h and t of the panel (a panel is aligned by
///   date, so a NaN price at either row gives a NaN return, which is left out of the mean).
/// - Warm-up: rows 0..h-1 are NaN. NaN also when fewer than min_assets returns are valid.
/// - No look-ahead: row t uses rows t-h and t only.
/// - Errors: data_error naming the asset when a column of `close` is not in `sectors`;
///   config_error for h = 0 or min_assets = 0.
/// - Complexity: O(T N) time, O(N + S) extra memory (S sectors).
/// @test tests/features_ts/cross_book_test.cpp (hand-worked 4-asset panel, errors)
[[nodiscard]] inline panel<double> sector_momentum(const panel<double>& close,
                                                   const data::sector_map& sectors,
                                                   const sector_momentum_params& p = {}) {
  const std::size_t h = detail::ts::check_window(p.window, "window");
  const return_kind kind = detail::ts::check_kind(p.kind);
  const std::size_t min_n = detail::ts::check_window(p.min_assets, "min_assets");
  const std::size_t n = close.cols(), rows = close.rows();
  std::vector<std::size_t> sector_of(n);
  for (std::size_t j = 0; j < n; ++j) {
    const std::string& sym = close.assets()[j];
    const data::sector_entry* e = sectors.find(sym);
    if (e == nullptr) {
      data_location where;
      where.asset = sym;
      throw data_error(std::move(where),
                       "sector_momentum: asset is not in the sector map (the map has " +
                           std::to_string(sectors.size()) + " symbols)");
    }
    sector_of[j] = *sectors.sector_id(e->sector);
  }
  const std::size_t s_count = sectors.sectors().size();
  panel<double> out(close.shared_index(), close.shared_assets());
  std::vector<double> r(n), sum(s_count);
  std::vector<std::size_t> count(s_count);
  for (std::size_t t = h; t < rows; ++t) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(count.begin(), count.end(), std::size_t{0});
    for (std::size_t j = 0; j < n; ++j) {
      r[j] = detail::ts::price_return(close(t, j), close(t - h, j), kind);
      if (std::isfinite(r[j])) {
        sum[sector_of[j]] += r[j];
        ++count[sector_of[j]];
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t s = sector_of[j];
      double total = sum[s];
      std::size_t c = count[s];
      if (p.exclude_self && std::isfinite(r[j])) {
        total -= r[j];
        --c;
      }
      out(t, j) = c >= min_n ? total / static_cast<double>(c) : nan;
    }
  }
  return out;
}

}  // namespace features
ALPHA_END_NAMESPACE
