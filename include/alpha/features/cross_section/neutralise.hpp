/// @file
/// Feature neutralisation, per date across assets: residualise one feature panel (or a model's
/// predictions) on a set of other feature panels, fully or by a proportion.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/cross_section/least_squares.hpp"
#include "alpha/detail/cross_section/rows.hpp"

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// Parameters of neutralise().
struct neutralise_params {
  /// p in [0, 1]: the output is y - p * projection (1: fully neutral, 0: y unchanged on the
  /// valid assets).
  double proportion = 1.0;
  /// Add a constant column to the factors (then the output is also demeaned by p * mean).
  /// Off by default, as in the usual "neutralize" of prediction tournaments: y is projected on
  /// the span of the factors only.
  bool intercept = false;
  /// Valid assets (finite y and factors) a date needs; unset = number of regressors + 1 (one
  /// degree of freedom). A date with fewer is all NaN.
  std::optional<std::size_t> min_count = std::nullopt;
  bool parallel = true;
};

/// Residualises `y` on `factors` per date: on the assets with finite y and finite factor values,
/// b = argmin ||y - F b||^2 (minimum-norm when F is rank deficient: collinear or constant
/// factors are handled; columns scaled to unit norm, complete orthogonal decomposition with
/// relative threshold 1e-10), output y - p F b. Assets whose y or any factor is not finite are
/// NaN. Zero factors gives y - p * mean(y) with an intercept, else y.
/// - Errors: shape_error if a factor's calendar or assets differ from y's; config_error for a
///   proportion outside [0, 1], a null factor, or min_count 0.
/// - Complexity: O(T N K^2) with K = factors (+1), O(N K) memory per task; parallel over blocks
///   of dates, deterministic.
/// @test tests/cross_section/neutralise_test.cpp (normal equations solved independently,
///   orthogonality of the residual, proportion, collinear factors, NaN rows)
[[nodiscard]] inline panel<double> neutralise(const panel<double>& y,
                                              const std::vector<const panel<double>*>& factors,
                                              const neutralise_params& p = {}) {
  if (!(std::isfinite(p.proportion) && p.proportion >= 0.0 && p.proportion <= 1.0))
    throw config_error("proportion", "cross_section::neutralise: must be in [0, 1], got " +
                                         std::to_string(p.proportion));
  for (std::size_t k = 0; k < factors.size(); ++k) {
    if (!factors[k])
      throw config_error("factors", "cross_section::neutralise: factor " + std::to_string(k) +
                                        " is a null pointer");
    require_same_shape(y, *factors[k], "cross_section::neutralise (factors)");
  }
  const std::size_t K = factors.size();
  const std::size_t regressors = K + (p.intercept ? 1 : 0);
  const std::size_t min_count = p.min_count.value_or(regressors + 1);
  if (min_count == 0) throw config_error("min_count", "cross_section::neutralise: must be >= 1");
  panel<double> out(y.shared_index(), y.shared_assets(),
                    panel<double>::array_type(y.values().rows(), y.values().cols()));
  std::vector<const panel<double>::array_type*> in{&y.values()};
  for (const panel<double>* f : factors) in.push_back(&f->values());
  ::alpha::detail::xs::for_each_row(
      std::span<const panel<double>::array_type* const>(in), out.values(), p.parallel, [&] {
        return
            [&, valid = std::vector<std::size_t>()](std::size_t, std::span<double> row,
                                                    std::span<const double* const> extra) mutable {
              valid.clear();
              for (std::size_t j = 0; j < row.size(); ++j) {
                bool ok = std::isfinite(row[j]);
                for (std::size_t k = 0; ok && k < K; ++k) ok = std::isfinite(extra[k][j]);
                if (ok) valid.push_back(j);
              }
              const auto n = static_cast<Eigen::Index>(valid.size());
              if (valid.size() < min_count) {
                for (double& v : row) v = nan;
                return;
              }
              Eigen::MatrixXd F(n, static_cast<Eigen::Index>(regressors));
              Eigen::VectorXd yv(n);
              for (Eigen::Index i = 0; i < n; ++i) {
                const std::size_t j = valid[static_cast<std::size_t>(i)];
                yv(i) = row[j];
                for (std::size_t k = 0; k < K; ++k)
                  F(i, static_cast<Eigen::Index>(k)) = extra[k][j];
                if (p.intercept) F(i, static_cast<Eigen::Index>(K)) = 1.0;
              }
              const Eigen::VectorXd fit =
                  ::alpha::detail::xs::fitted_values(F, yv, nullptr, Eigen::VectorXd());
              for (double& v : row) v = nan;
              for (Eigen::Index i = 0; i < n; ++i)
                row[valid[static_cast<std::size_t>(i)]] = yv(i) - p.proportion * fit(i);
            };
      });
  return out;
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
