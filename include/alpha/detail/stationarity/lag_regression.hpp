/// @file
/// The least-squares engine of the augmented Dickey-Fuller test: the lagged-difference design
/// matrix and nested OLS fits read off one Householder QR.
// IWYU pragma: private, include "alpha/features/stationarity/adf.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <Eigen/Core>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::adf {

/// The Dickey-Fuller regression of dx_{t+1} = x_{t+1} - x_t for t = start..n-2 (rows), with
/// columns: `ndet` deterministic terms (constant; then trend 1..rows), the level x_t
/// (`level_last` = false: right after them, else last), the lagged differences dx_{t+1-k} for
/// k = 1..lags, and the response dx_{t+1} as the final column. Requires start >= lags.
struct design {
  const double* x;
  std::size_t n, start, lags;
  int ndet;
  bool level_last;

  [[nodiscard]] Eigen::Index rows() const noexcept {
    return static_cast<Eigen::Index>(n - 1 - start);
  }
  /// Regressors plus the response.
  [[nodiscard]] Eigen::Index cols() const noexcept {
    return ndet + 1 + static_cast<Eigen::Index>(lags) + 1;
  }
  /// Writes rows r0..r0+len-1 of the matrix into rows `at`.. of `a`.
  void fill(Eigen::MatrixXd& a, Eigen::Index at, Eigen::Index r0, Eigen::Index len) const {
    const Eigen::Index p = cols();
    for (Eigen::Index i = 0; i < len; ++i) {
      const std::size_t r = static_cast<std::size_t>(r0 + i), t = start + r;
      Eigen::Index c = 0;
      if (ndet >= 1) a(at + i, c++) = 1.0;
      if (ndet >= 2) a(at + i, c++) = static_cast<double>(r + 1);
      if (!level_last) a(at + i, c++) = x[t];
      for (std::size_t k = 1; k <= lags; ++k) a(at + i, c++) = x[t + 1 - k] - x[t - k];
      if (level_last) a(at + i, c++) = x[t];
      a(at + i, p - 1) = x[t + 1] - x[t];
    }
  }
};

/// Nested least-squares fits of the response (last column of [X | y]) on the first j columns of
/// X, j = 1..p, from one QR factorisation [X | y] = Q R: with z = R(0..p-1, p), the residual sum
/// of squares of the first-j-columns fit is R(p, p)^2 + sum_{i >= j} z_i^2, and the t-value of its
/// last coefficient is z_{j-1} sign(R(j-1, j-1)) / sqrt(ssr_j / (rows - j)) (both unchanged by
/// the sign freedom of the rows of R).
///
/// The factorisation is a tall-skinny QR: Householder QR (Eigen) of the stacked [R; next 1024
/// rows], block after block, so the working set stays in cache and the design matrix is never
/// stored whole; it is as backward stable as one Householder QR of the whole matrix.
class nested_fits {
 public:
  /// Factors the design. A column numerically dependent on the previous ones is a data_error
  /// (`what` names the regression).
  nested_fits(const design& d, const char* what) : rows_(d.rows()), p_(d.cols() - 1) {
    const Eigen::Index q = p_ + 1, chunk = 1024;
    Eigen::MatrixXd stack(q + chunk, q);
    Eigen::MatrixXd r = Eigen::MatrixXd::Zero(q, q);
    Eigen::Index have = 0;  // rows of R in use (< q only during the first blocks)
    for (Eigen::Index r0 = 0; r0 < rows_; r0 += chunk) {
      const Eigen::Index len = std::min(chunk, rows_ - r0);
      stack.topRows(have) = r.topRows(have);
      d.fill(stack, have, r0, len);
      const Eigen::Index m = have + len;
      Eigen::Ref<Eigen::MatrixXd> block = stack.topRows(m);
      const Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(block);  // in place
      have = std::min(m, q);
      r.topRows(have) = qr.matrixQR().topRows(have).triangularView<Eigen::Upper>();
    }
    if (have < q)
      throw data_error({}, std::string("augmented Dickey-Fuller: too few rows for the ") + what);
    z_.resize(static_cast<std::size_t>(p_));
    diag_.resize(static_cast<std::size_t>(p_));
    for (Eigen::Index j = 0; j < p_; ++j) {
      z_[static_cast<std::size_t>(j)] = r(j, p_);
      diag_[static_cast<std::size_t>(j)] = r(j, j);
    }
    const double ryy = r(p_, p_);
    // tail_[j] = sum_{i >= j} z_i^2 + ryy^2 (summed from the smallest terms up)
    tail_.assign(static_cast<std::size_t>(p_) + 1, 0.0);
    tail_[static_cast<std::size_t>(p_)] = ryy * ryy;
    for (Eigen::Index j = p_; j-- > 0;) {
      const double zj = z_[static_cast<std::size_t>(j)];
      tail_[static_cast<std::size_t>(j)] = tail_[static_cast<std::size_t>(j) + 1] + zj * zj;
    }
    // Rank check: |R_jj| against the norm of column j (the norm of column j of R equals that of
    // column j of X).
    for (Eigen::Index j = 0; j < p_; ++j) {
      const double col_norm = r.col(j).head(j + 1).norm();
      if (!(std::abs(r(j, j)) > 1e-10 * col_norm))
        throw data_error({}, std::string("augmented Dickey-Fuller: the regressors of the ") + what +
                                 " are collinear (column " + std::to_string(j) +
                                 "): is the series deterministic (e.g. a straight line)?");
    }
    if (!(tail_[static_cast<std::size_t>(p_)] > 0.0))
      throw data_error({}, std::string("augmented Dickey-Fuller: the ") + what +
                               " fits exactly (zero residuals): the test is undefined");
  }

  [[nodiscard]] Eigen::Index rows() const noexcept { return rows_; }
  /// Residual sum of squares of the fit on the first j columns (1 <= j <= p).
  [[nodiscard]] double ssr(Eigen::Index j) const noexcept {
    return tail_[static_cast<std::size_t>(j)];
  }
  /// t-value of the last (j-th) coefficient of the fit on the first j columns.
  [[nodiscard]] double t_last(Eigen::Index j) const noexcept {
    const std::size_t i = static_cast<std::size_t>(j - 1);
    const double s2 = ssr(j) / static_cast<double>(rows_ - j);
    const double sign = diag_[i] < 0.0 ? -1.0 : 1.0;
    return z_[i] * sign / std::sqrt(s2);
  }
  /// Gaussian log-likelihood of the fit on the first j columns (statsmodels' OLS llf):
  /// -n/2 (log(2 pi) + log(ssr/n) + 1).
  [[nodiscard]] double loglik(Eigen::Index j) const noexcept {
    const double n = static_cast<double>(rows_), n2 = n / 2.0;
    constexpr double two_pi = 6.283185307179586;
    return -n2 * std::log(two_pi) - n2 * std::log(ssr(j) / n) - n2;
  }

 private:
  Eigen::Index rows_, p_;
  std::vector<double> z_, diag_, tail_;
};

}  // namespace detail::adf
ALPHA_END_NAMESPACE
