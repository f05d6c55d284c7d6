/// @file
/// alpha::models::ridge: ridge regression on standardised features, closed form from
/// incrementally maintained sufficient statistics.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/compensated.hpp"
#include "alpha/models/concept.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <boost/hana/adapt_struct.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace models {

/// Ridge regression with standardised features and an unpenalised intercept, scikit-learn's
/// `make_pipeline(StandardScaler(), Ridge(alpha=lambda))` convention:
///
/// - On the n current training rows, mean_j and the population std sd_j (divisor n) of each
///   feature; z_ij = (x_ij - mean_j) / sd_j; y centred on its mean ybar.
/// - b = argmin ||(y - ybar) - Z b||^2 + lambda ||b||^2 (no division of the loss by n), i.e.
///   (Z'Z + lambda I) b = Z'(y - ybar), solved by LDLT (Eigen) in O(F^3).
/// - Prediction: ybar + sum_j b_j (x_j - mean_j) / sd_j; coefficients() = b_j / sd_j in the
///   features' own units, intercept() = ybar - sum_j coefficients_j mean_j.
/// - Zero-variance feature (variance not above the rounding-error bound of its own computation,
///   32 eps S_jj + 4 N eps^2 H_j, see below; 0 exactly for a constant feature): it is left out of
///   the system and its coefficient is exactly 0 (what scikit-learn returns, as its standardised
///   column is all zeros).
///
/// Incremental training: observe()/forget() add or remove one row's terms to sufficient
/// statistics (count; sums of d, e, d d' (upper triangle), d e), where d = x - x0 and e = y - y0
/// are deviations from a shift (x0, y0) fixed at the first row observed since the sums were last
/// empty. fit() centres them (C = S_dd - S_d S_d' / n) and is O(F^3) whatever the number of rows.
/// Two guards against cancellation: (1) the shift makes the sums those of deviations from a
/// typical row, so C = S_dd - S_d S_d'/n loses only a factor (mean - x0)^2 / var instead of
/// mean^2 / var (the classic one-pass variance failure on features far from 0); (2) every sum is
/// compensated (Knuth two-sum, errors kept in a second accumulator), so a rolling window that has
/// observed and forgotten millions of rows keeps an error of about eps |S| rather than accumulating
/// the rounding of every row that ever passed through. H_j (plain sum of d_j^2 over every observe
/// and forget) bounds what is left. Measured on a 200-row window rolled over 20,000 rows with
/// features around 1e6: coefficient error 3e-15 relative to a long-double two-pass solve, against
/// 3e-3 for plain one-pass sums (docs/policies.md#ridge).
///
/// - fit() with fewer than min_rows rows (default F + 2), or an exactly singular system
///   (lambda = 0 with collinear features): fitted() false, predict() NaN. fit() always reflects
///   the current rows (a model refit on too few rows is unfitted, not stale).
/// - Complexity: observe/forget O(F^2), fit O(F^3), predict O(F); memory O(F^2).
/// - Errors: config_error for lambda < 0 or non-finite, min_rows = 1, features = 0; shape_error
///   for a row of the wrong length; data_error for a non-finite training value or forget() on
///   an empty model.
/// @test tests/policies/labels_models_test.cpp (long-double Gaussian elimination, numpy value,
///   incremental == batch, cancellation)
class ridge {
 public:
  struct params {
    double lambda = 1.0;       ///< penalty on the standardised coefficients, >= 0 (0 = OLS)
    std::size_t min_rows = 0;  ///< rows needed to fit; 0 = features + 2; else >= 2
  };

  ridge(const params& p, std::size_t features)
      : p_(check(p, features)),
        f_(features),
        min_rows_(p.min_rows == 0 ? features + 2 : p.min_rows),
        sums_(terms_size(features)),
        terms_(terms_size(features)),
        history_(features, 0.0),
        x0_(features, 0.0),
        mean_(features, 0.0),
        coef_(features, 0.0),
        std_coef_(features, 0.0),
        scale_(features, 0.0) {}

  /// Adds a training row (x: F finite values, y finite). O(F^2).
  void observe(std::span<const double> x, double y) { accumulate(x, y, +1.0, "observe"); }

  /// Removes a row observed earlier (the caller guarantees it was). O(F^2).
  void forget(std::span<const double> x, double y) {
    if (n_ == 0) throw data_error({}, "models::ridge::forget: no training rows to forget");
    accumulate(x, y, -1.0, "forget");
    if (n_ == 0) {  // empty again: exact zeros, and a new shift at the next row
      sums_.clear();
      std::fill(history_.begin(), history_.end(), 0.0);
      ops_ = 0;
    }
  }

  /// Solves for the coefficients on the current rows. O(F^3).
  void fit() {
    fitted_ = false;
    if (n_ < min_rows_) return;
    const double n = static_cast<double>(n_);
    const double eps = std::numeric_limits<double>::epsilon();
    const double sy = sums_.value(f_);
    const double my = sy / n;
    std::vector<double> mx(f_), sx(f_);
    for (std::size_t j = 0; j < f_; ++j) {
      sx[j] = sums_.value(j);
      mx[j] = sx[j] / n;
    }
    // Active (non-constant) features and their scales.
    std::vector<std::size_t> active;
    active.reserve(f_);
    for (std::size_t j = 0; j < f_; ++j) {
      const double sjj = sums_.value(xx_index(j, j));
      const double cjj = sjj - mx[j] * sx[j];
      const double bound =
          32.0 * eps * sjj + 4.0 * static_cast<double>(ops_) * eps * eps * history_[j];
      coef_[j] = 0.0;
      std_coef_[j] = 0.0;
      mean_[j] = x0_[j] + mx[j];
      scale_[j] = cjj > bound ? std::sqrt(cjj / n) : 0.0;
      if (cjj > bound) active.push_back(j);
    }
    ybar_ = y0_ + my;
    const auto k = static_cast<Eigen::Index>(active.size());
    if (k > 0) {
      Eigen::MatrixXd a(k, k);
      Eigen::VectorXd b(k);
      for (Eigen::Index u = 0; u < k; ++u) {
        const std::size_t i = active[static_cast<std::size_t>(u)];
        for (Eigen::Index v = u; v < k; ++v) {
          const std::size_t j = active[static_cast<std::size_t>(v)];
          const double cij = sums_.value(xx_index(i, j)) - mx[i] * sx[j];
          a(u, v) = a(v, u) = cij / (scale_[i] * scale_[j]);
        }
        a(u, u) += p_.lambda;
        b(u) = (sums_.value(xy_index(i)) - mx[i] * sy) / scale_[i];
      }
      const Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
      if (ldlt.info() != Eigen::Success) return;
      const Eigen::VectorXd d = ldlt.vectorD();
      const double dmax = d.cwiseAbs().maxCoeff();
      if (!(d.minCoeff() > static_cast<double>(k) * eps * dmax)) return;  // singular (lambda = 0)
      const Eigen::VectorXd beta = ldlt.solve(b);
      for (Eigen::Index u = 0; u < k; ++u) {
        const std::size_t j = active[static_cast<std::size_t>(u)];
        std_coef_[j] = beta(u);
        coef_[j] = beta(u) / scale_[j];
      }
    }
    fitted_ = true;
  }

  /// ybar + sum_j coefficients_j (x_j - mean_j); NaN when not fitted or x has a NaN. O(F).
  [[nodiscard]] double predict(std::span<const double> x) const {
    check_row(x, "predict");
    if (!fitted_) return nan;
    double s = ybar_;
    for (std::size_t j = 0; j < f_; ++j) s += coef_[j] * (x[j] - mean_[j]);
    return s;
  }

  [[nodiscard]] bool fitted() const noexcept { return fitted_; }
  [[nodiscard]] std::size_t training_rows() const noexcept { return n_; }
  [[nodiscard]] std::size_t features() const noexcept { return f_; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }
  /// Coefficients in the features' units (b_j / sd_j; 0 for a constant feature), last fit.
  [[nodiscard]] std::span<const double> coefficients() const noexcept { return coef_; }
  /// Coefficients on the standardised features (b_j), last fit.
  [[nodiscard]] std::span<const double> standardised_coefficients() const noexcept {
    return std_coef_;
  }
  /// Feature means and population stds (0 for a constant feature) of the last fit.
  [[nodiscard]] std::span<const double> feature_means() const noexcept { return mean_; }
  [[nodiscard]] std::span<const double> feature_scales() const noexcept { return scale_; }
  /// ybar - sum_j coefficients_j mean_j, last fit.
  [[nodiscard]] double intercept() const noexcept {
    double s = ybar_;
    for (std::size_t j = 0; j < f_; ++j) s -= coef_[j] * mean_[j];
    return s;
  }

  /// Back to no rows, unfitted.
  void reset() noexcept {
    n_ = 0;
    ops_ = 0;
    fitted_ = false;
    sums_.clear();
    std::fill(history_.begin(), history_.end(), 0.0);
  }

 private:
  static params check(const params& p, std::size_t features) {
    ::alpha::detail::policy::non_negative(p.lambda, "ridge", "lambda");
    if (p.min_rows == 1)
      throw config_error("ridge.min_rows", "must be 0 (= features + 2) or >= 2, got 1");
    if (features == 0) throw config_error("features", "models::ridge needs at least one feature");
    return p;
  }
  // Layout of the sums: d_0..d_{F-1}, e, d_j e (F), then d_i d_j for i <= j (row-major packed).
  static std::size_t terms_size(std::size_t f) noexcept { return 2 * f + 1 + f * (f + 1) / 2; }
  [[nodiscard]] std::size_t xy_index(std::size_t j) const noexcept { return f_ + 1 + j; }
  [[nodiscard]] std::size_t xx_index(std::size_t i, std::size_t j) const noexcept {
    if (i > j) std::swap(i, j);
    return 2 * f_ + 1 + i * (2 * f_ - i + 1) / 2 + (j - i);  // row i starts after rows 0..i-1
  }
  void check_row(std::span<const double> x, const char* what) const {
    if (x.size() != f_)
      throw shape_error(std::string("models::ridge::") + what + ": row of " +
                        std::to_string(x.size()) + " values for " + std::to_string(f_) +
                        " features");
  }
  void accumulate(std::span<const double> x, double y, double sign, const char* what) {
    check_row(x, what);
    for (std::size_t j = 0; j < f_; ++j)
      if (!std::isfinite(x[j]))
        throw data_error({}, std::string("models::ridge::") + what + ": feature " +
                                 std::to_string(j) + " is not finite");
    if (!std::isfinite(y))
      throw data_error({}, std::string("models::ridge::") + what + ": label is not finite");
    if (n_ == 0 && sign > 0) {
      for (std::size_t j = 0; j < f_; ++j) x0_[j] = x[j];
      y0_ = y;
    }
    const double e = y - y0_;
    for (std::size_t j = 0; j < f_; ++j) {
      const double d = x[j] - x0_[j];
      terms_[j] = d;
      terms_[xy_index(j)] = d * e;
      history_[j] += d * d;
    }
    terms_[f_] = e;
    std::size_t k = 2 * f_ + 1;
    for (std::size_t i = 0; i < f_; ++i)
      for (std::size_t j = i; j < f_; ++j) terms_[k++] = terms_[i] * terms_[j];
    sums_.add(terms_, sign);
    ++ops_;
    n_ = sign > 0 ? n_ + 1 : n_ - 1;
  }

  params p_;
  std::size_t f_;
  std::size_t min_rows_;
  ::alpha::detail::policy::compensated_sums sums_;
  std::vector<double> terms_;    // scratch: one row's terms
  std::vector<double> history_;  // H_j: plain sum of d_j^2 over every observe and forget
  std::vector<double> x0_;       // the shift
  double y0_ = 0.0;
  std::size_t n_ = 0, ops_ = 0;
  bool fitted_ = false;
  std::vector<double> mean_, coef_, std_coef_, scale_;
  double ybar_ = 0.0;
};

static_assert(Model<ridge>);

}  // namespace models
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::models::ridge::params, lambda, min_rows);
