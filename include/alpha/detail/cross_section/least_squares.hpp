/// @file
/// Internal per-date least squares of the neutralisations: the fitted values of a (weighted)
/// regression of y on the columns of X, robust to rank deficiency (collinear or all-zero
/// columns) through a complete orthogonal decomposition of the column-scaled design.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"

#include <Eigen/Core>
#include <Eigen/QR>

#include <cmath>
#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

/// Relative size below which a column (after any demeaning, compared with its norm before) or a
/// pivot of the scaled design counts as zero: the column lies in the span already fitted.
inline constexpr double collinear_tolerance = 1e-10;

/// Fitted values X b of the least-squares fit of y on X (minimum-norm b when X is rank
/// deficient), weighted by w (> 0) when `w` is non-null: b minimises sum_i w_i (y_i - x_i b)^2.
/// Columns whose norm is below collinear_tolerance times `reference_norms[k]` (the column's norm
/// before a projection the caller applied, or 0 to skip the test) are dropped; the others are
/// scaled to unit norm so that the rank decision does not depend on units. n x K, K may be 0
/// (fitted = 0). O(n K^2).
[[nodiscard]] inline Eigen::VectorXd fitted_values(const Eigen::MatrixXd& X,
                                                   const Eigen::VectorXd& y,
                                                   const Eigen::VectorXd* w,
                                                   const Eigen::VectorXd& reference_norms) {
  const Eigen::Index n = X.rows(), K = X.cols();
  Eigen::VectorXd sw = w ? Eigen::VectorXd(w->array().sqrt()) : Eigen::VectorXd::Ones(n);
  Eigen::MatrixXd A(n, K);
  Eigen::Index kept = 0;
  for (Eigen::Index k = 0; k < K; ++k) {
    const double norm = X.col(k).norm();
    if (!(norm > 0.0) || !std::isfinite(norm)) continue;
    if (reference_norms.size() == K && norm < collinear_tolerance * reference_norms(k)) continue;
    A.col(kept++) = X.col(k) / norm;
  }
  if (kept == 0 || n == 0) return Eigen::VectorXd::Zero(n);
  Eigen::MatrixXd Aw = sw.asDiagonal() * A.leftCols(kept);
  Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(Aw);
  cod.setThreshold(collinear_tolerance);
  const Eigen::VectorXd b = cod.solve(Eigen::VectorXd(sw.cwiseProduct(y)));
  return A.leftCols(kept) * b;
}

}  // namespace detail::xs
ALPHA_END_NAMESPACE
