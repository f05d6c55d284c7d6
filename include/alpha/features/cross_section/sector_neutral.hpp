/// @file
/// Sector neutralisation, per date across assets: the residual of each asset's value against its
/// sector's equal- or cap-weighted mean (sector_demean), and the residual of a regression on
/// sector dummies plus optional factor exposures such as beta or size (sector_residual).
///
/// Sectors come from an alpha::data::sector_map (symbol -> sector) looked up for the panel's
/// assets, or directly as one group id per asset. An asset the map does not know is a data_error
/// "unknown symbol in sector map" naming it (`unknown_symbols::error`, the default), or joins an
/// extra group of its own "unknown" (`unknown_symbols::map_to_unknown`).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/data/universe.hpp"
#include "alpha/detail/cross_section/apply.hpp"
#include "alpha/detail/cross_section/least_squares.hpp"
#include "alpha/detail/cross_section/row_moments.hpp"
#include "alpha/detail/cross_section/rows.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of sector_demean().
struct sector_demean_params {
  /// Valid members a sector needs on a date (finite value, and finite positive weight when
  /// cap-weighted); its assets are NaN that date otherwise. >= 1; the default 2 blanks
  /// one-member sectors, whose residual would be 0 by construction.
  std::size_t min_count = 2;
  /// Assets absent from the sector map: error (data_error naming the first) or an extra group.
  data::unknown_symbols unknown = data::unknown_symbols::error;
  bool parallel = true;
};

/// Parameters of sector_residual().
struct sector_residual_params {
  /// Valid assets a sector needs on a date (finite value, exposures and weight); assets of
  /// smaller sectors are NaN that date and left out of the fit. >= 1 (default 2).
  std::size_t min_count = 2;
  data::unknown_symbols unknown = data::unknown_symbols::error;
  bool parallel = true;
};

namespace detail {

/// Group ids of the panel's assets, and the number of groups.
struct groups {
  std::vector<std::size_t> ids;
  std::size_t count = 0;
};

[[nodiscard]] inline groups groups_of(const asset_list& assets, const data::sector_map& map,
                                      data::unknown_symbols policy) {
  data::sector_assignment a = map.assign_sectors(assets, policy);
  return {std::move(a.ids), a.names.size()};
}

[[nodiscard]] inline groups groups_of(std::span<const std::size_t> ids, std::size_t n_assets) {
  if (ids.size() != n_assets)
    throw shape_error("sector neutralisation: " + std::to_string(ids.size()) +
                      " group ids for a panel of " + std::to_string(n_assets) + " assets");
  groups g;
  g.ids.assign(ids.begin(), ids.end());
  for (const std::size_t id : ids) g.count = std::max(g.count, id + 1);
  return g;
}

inline void check_weights(const panel<double>& x, const panel<double>* w, const char* what) {
  if (w) require_same_shape(x, *w, what);
}

/// Per-date sector demeaning over group ids (weights optional).
[[nodiscard]] inline panel<double> demean_groups(const panel<double>& x, const groups& g,
                                                 const panel<double>* w,
                                                 const sector_demean_params& p) {
  ::alpha::detail::xs::check_min_count(p.min_count, 1, "cross_section::sector_demean");
  check_weights(x, w, "cross_section::sector_demean (weights)");
  panel<double> out(x.shared_index(), x.shared_assets(),
                    panel<double>::array_type(x.values().rows(), x.values().cols()));
  ::alpha::detail::xs::demean_groups_by_columns(x.values(), w ? &w->values() : nullptr,
                                                out.values(), g.ids, g.count, p.min_count,
                                                p.parallel);
  return out;
}

/// Per-date regression residual on group dummies plus exposures (weights optional).
[[nodiscard]] inline panel<double> residual_groups(const panel<double>& y, const groups& g,
                                                   const std::vector<const panel<double>*>& expo,
                                                   const panel<double>* w,
                                                   const sector_residual_params& p) {
  ::alpha::detail::xs::check_min_count(p.min_count, 1, "cross_section::sector_residual");
  check_weights(y, w, "cross_section::sector_residual (weights)");
  for (std::size_t k = 0; k < expo.size(); ++k) {
    if (!expo[k])
      throw config_error("exposures", "cross_section::sector_residual: exposure " +
                                          std::to_string(k) + " is a null pointer");
    require_same_shape(y, *expo[k], "cross_section::sector_residual (exposures)");
  }
  panel<double> out(y.shared_index(), y.shared_assets(),
                    panel<double>::array_type(y.values().rows(), y.values().cols()));
  std::vector<const panel<double>::array_type*> in{&y.values()};
  for (const panel<double>* e : expo) in.push_back(&e->values());
  if (w) in.push_back(&w->values());
  const std::size_t K = expo.size(), G = g.count;
  ::alpha::detail::xs::for_each_row(
      std::span<const panel<double>::array_type* const>(in), out.values(), p.parallel, [&] {
        return [&, cnt = std::vector<std::size_t>(G), sw = std::vector<double>(G),
                valid = std::vector<std::size_t>()](std::size_t, std::span<double> row,
                                                    std::span<const double* const> extra) mutable {
          const double* wt = w ? extra[K] : nullptr;
          const std::size_t N = row.size();
          valid.clear();
          std::fill(cnt.begin(), cnt.end(), std::size_t{0});
          for (std::size_t j = 0; j < N; ++j) {
            bool ok = std::isfinite(row[j]) && (!wt || (std::isfinite(wt[j]) && wt[j] > 0));
            for (std::size_t k = 0; ok && k < K; ++k) ok = std::isfinite(extra[k][j]);
            if (ok) ++cnt[g.ids[j]];
          }
          for (std::size_t j = 0; j < N; ++j) {
            bool ok = std::isfinite(row[j]) && (!wt || (std::isfinite(wt[j]) && wt[j] > 0));
            for (std::size_t k = 0; ok && k < K; ++k) ok = std::isfinite(extra[k][j]);
            if (ok && cnt[g.ids[j]] >= p.min_count) valid.push_back(j);
          }
          std::size_t groups_used = 0;
          for (std::size_t k = 0; k < G; ++k) groups_used += cnt[k] >= p.min_count ? 1u : 0u;
          const auto n = static_cast<Eigen::Index>(valid.size());
          std::vector<double> res(N, nan);
          if (valid.size() > groups_used) {
            // Frisch-Waugh-Lovell: the residual on [dummies | X] is the residual of the
            // within-sector (weighted) demeaned y on the within-sector demeaned X.
            Eigen::MatrixXd Z(n, static_cast<Eigen::Index>(K + 1));
            Eigen::VectorXd wv(n);
            for (Eigen::Index i = 0; i < n; ++i) {
              const std::size_t j = valid[static_cast<std::size_t>(i)];
              Z(i, 0) = row[j];
              for (std::size_t k = 0; k < K; ++k)
                Z(i, static_cast<Eigen::Index>(k + 1)) = extra[k][j];
              wv(i) = wt ? wt[j] : 1.0;
            }
            const Eigen::VectorXd norms =
                Z.rightCols(static_cast<Eigen::Index>(K)).colwise().norm().transpose();
            for (int pass = 0; pass < 2; ++pass) {  // second pass refines the group means
              for (Eigen::Index c = 0; c <= static_cast<Eigen::Index>(K); ++c) {
                std::fill(sw.begin(), sw.end(), 0.0);
                std::vector<double> sx(G, 0.0);
                for (Eigen::Index i = 0; i < n; ++i) {
                  const std::size_t k = g.ids[valid[static_cast<std::size_t>(i)]];
                  sw[k] += wv(i);
                  sx[k] += wv(i) * Z(i, c);
                }
                for (Eigen::Index i = 0; i < n; ++i) {
                  const std::size_t k = g.ids[valid[static_cast<std::size_t>(i)]];
                  Z(i, c) -= sx[k] / sw[k];
                }
              }
            }
            const Eigen::VectorXd yt = Z.col(0);
            const Eigen::VectorXd fit = ::alpha::detail::xs::fitted_values(
                Z.rightCols(static_cast<Eigen::Index>(K)), yt, w ? &wv : nullptr, norms);
            for (Eigen::Index i = 0; i < n; ++i)
              res[valid[static_cast<std::size_t>(i)]] = yt(i) - fit(i);
          }
          std::copy(res.begin(), res.end(), row.begin());
        };
      });
  return out;
}

}  // namespace detail

/// Sector-neutral residual, equal-weighted: x[t, j] - mean of x[t, .] over the assets of j's
/// sector with a finite value on date t (source design S0: per date, subtract each asset's
/// sector equal-weighted mean). The mean is refined by a second pass (accurate with a large
/// common offset).
/// - NaN rule: a non-finite x stays NaN and is left out of its sector's mean; a sector with
///   fewer than `min_count` finite members on a date gives NaN for all its assets that date.
/// - Errors: data_error for an asset missing from the map (unless `unknown` maps it to an extra
///   group).
/// - Complexity: O(T N): the column-major panel is read column by column with per-(date, sector)
///   accumulators over blocks of 128 dates (three passes); O(128 S) memory per task; parallel
///   over blocks of dates, deterministic.
/// @test tests/cross_section/neutralise_test.cpp (naive per-sector loops, pandas groupby values)
[[nodiscard]] inline panel<double> sector_demean(const panel<double>& x,
                                                 const data::sector_map& map,
                                                 const sector_demean_params& p = {}) {
  return detail::demean_groups(x, detail::groups_of(x.assets(), map, p.unknown), nullptr, p);
}

/// Sector-neutral residual, weighted (e.g. cap-weighted with `weights` = market caps):
/// x[t, j] - sum_i w[t, i] x[t, i] / sum_i w[t, i] over j's sector. Members with a non-finite or
/// non-positive weight are left out of the mean (and of the count) but still get a residual when
/// their own value is finite. `weights` must share x's calendar and assets (shape_error).
/// Otherwise as the equal-weighted form.
[[nodiscard]] inline panel<double> sector_demean(const panel<double>& x,
                                                 const data::sector_map& map,
                                                 const panel<double>& weights,
                                                 const sector_demean_params& p = {}) {
  return detail::demean_groups(x, detail::groups_of(x.assets(), map, p.unknown), &weights, p);
}

/// sector_demean() with one group id per asset (0-based, any number of groups) instead of a
/// sector map; shape_error if `group_ids` does not have one id per asset. `weights` may be null
/// (equal weights).
[[nodiscard]] inline panel<double> group_demean(const panel<double>& x,
                                                std::span<const std::size_t> group_ids,
                                                const panel<double>* weights = nullptr,
                                                const sector_demean_params& p = {}) {
  return detail::demean_groups(x, detail::groups_of(group_ids, x.cols()), weights, p);
}

/// Regression residual on sector dummies plus factor exposures, per date: for the valid assets
/// (finite y, finite exposures, finite positive weight if weighted, sector with >= min_count
/// such assets), fits y = sum_s a_s 1[sector = s] + sum_k b_k e_k by (weighted) least squares
/// and returns y - fitted; other assets are NaN. With no exposures this is sector_demean()
/// (with the same validity rules). Computed through Frisch-Waugh-Lovell (within-sector demeaning
/// of y and of each exposure, then a K-column least squares), which gives the same residual as
/// the dummy regression. Rank deficiency (an exposure constant within sectors, collinear
/// exposures) is handled: such directions are dropped (minimum-norm solution via a complete
/// orthogonal decomposition of the unit-norm columns, relative threshold 1e-10), so the residual
/// is the projection residual on the span actually present. A date with no more valid assets than
/// sectors used is all NaN (no degree of freedom).
/// - `weights` (optional, e.g. sqrt of market caps as in Barra-style WLS) must share y's shape.
/// - Complexity: O(T N K^2), O(N K) memory per task; parallel over dates, deterministic.
/// @test tests/cross_section/neutralise_test.cpp (explicit dummy design solved by a pivoted LU
///   of the normal equations, collinear exposures, NaN rows)
[[nodiscard]] inline panel<double> sector_residual(
    const panel<double>& y, const data::sector_map& map,
    const std::vector<const panel<double>*>& exposures, const panel<double>* weights = nullptr,
    const sector_residual_params& p = {}) {
  return detail::residual_groups(y, detail::groups_of(y.assets(), map, p.unknown), exposures,
                                 weights, p);
}

/// sector_residual() with one group id per asset instead of a sector map.
[[nodiscard]] inline panel<double> group_residual(
    const panel<double>& y, std::span<const std::size_t> group_ids,
    const std::vector<const panel<double>*>& exposures, const panel<double>* weights = nullptr,
    const sector_residual_params& p = {}) {
  return detail::residual_groups(y, detail::groups_of(group_ids, y.cols()), exposures, weights, p);
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
