/// @file
/// alpha::models::sign_of_difference and alpha::models::linear_rule: fixed rules that need no
/// labels (`trained = false`), for strategies such as moving-average crossovers.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/models/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace models {

/// Difference rule: d = x[lhs] - x[rhs]; prediction = sign(d) in {-1, 0, +1} (`sign`, default)
/// or d itself. With lhs = a fast and rhs = a slow moving average this is the classic crossover
/// (long when fast > slow); pair it with combine::clamp_normaliser.
///
/// - No training: `trained = false`; observe/forget/fit are no-ops, fitted() is always true,
///   training_rows() is 0.
/// - NaN rule: NaN in either feature -> NaN prediction.
/// - Complexity: O(1) per prediction.
/// - Errors: config_error when lhs == rhs or either index >= the number of features; shape_error
///   for a row of the wrong length.
/// @test tests/policies/labels_models_test.cpp
class sign_of_difference {
 public:
  static constexpr bool trained = false;
  struct params {
    std::size_t lhs = 0;  ///< index of the first feature (e.g. fast MA)
    std::size_t rhs = 1;  ///< index of the second feature (e.g. slow MA)
    bool sign = true;     ///< true: sign(x[lhs] - x[rhs]); false: the difference itself
  };

  sign_of_difference(const params& p, std::size_t features) : p_(p), f_(features) {
    if (p.lhs >= features)
      throw config_error("sign_of_difference.lhs", "feature index " + std::to_string(p.lhs) +
                                                       " out of range for " +
                                                       std::to_string(features) + " features");
    if (p.rhs >= features)
      throw config_error("sign_of_difference.rhs", "feature index " + std::to_string(p.rhs) +
                                                       " out of range for " +
                                                       std::to_string(features) + " features");
    if (p.lhs == p.rhs) throw config_error("sign_of_difference.rhs", "must differ from lhs");
  }

  void observe(std::span<const double>, double) noexcept {}
  void forget(std::span<const double>, double) noexcept {}
  void fit() noexcept {}
  void reset() noexcept {}
  [[nodiscard]] bool fitted() const noexcept { return true; }
  [[nodiscard]] std::size_t training_rows() const noexcept { return 0; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

  [[nodiscard]] double predict(std::span<const double> x) const {
    ::alpha::detail::policy::check_rule_row(x, f_, "sign_of_difference");
    const double d = x[p_.lhs] - x[p_.rhs];
    if (!p_.sign || is_nan(d)) return d;
    return d > 0.0 ? 1.0 : (d < 0.0 ? -1.0 : 0.0);
  }

 private:
  params p_;
  std::size_t f_;
};

static_assert(Model<sign_of_difference>);
static_assert(!is_trained<sign_of_difference>());

/// Fixed linear rule: prediction = bias + sum_j weights_j x_j over the first F <= 8 features.
///
/// - Params: `weights` (config keys weights.0 .. weights.7, default 1, 0, ..., 0: the first
///   feature itself), `bias` (default 0). A non-zero weight at an index >= F is a config_error
///   (it would be silently ignored otherwise).
/// - No training (`trained = false`), as sign_of_difference. NaN in a feature -> NaN.
/// - Complexity: O(F) per prediction.
/// @test tests/policies/labels_models_test.cpp
class linear_rule {
 public:
  static constexpr bool trained = false;
  struct params {
    std::array<double, 8> weights{1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};  ///< per feature
    double bias = 0.0;
  };

  linear_rule(const params& p, std::size_t features) : p_(p), f_(features) {
    if (features == 0 || features > p_.weights.size())
      throw config_error(
          "features", "models::linear_rule takes 1 to 8 features, got " + std::to_string(features));
    for (std::size_t j = 0; j < p_.weights.size(); ++j) {
      const std::string name = "weights." + std::to_string(j);
      ::alpha::detail::policy::finite(p_.weights[j], "linear_rule", name.c_str());
      if (j >= features && p_.weights[j] != 0.0)
        throw config_error("linear_rule." + name, "non-zero weight for feature " +
                                                      std::to_string(j) + " but only " +
                                                      std::to_string(features) + " features");
    }
    ::alpha::detail::policy::finite(p.bias, "linear_rule", "bias");
  }

  void observe(std::span<const double>, double) noexcept {}
  void forget(std::span<const double>, double) noexcept {}
  void fit() noexcept {}
  void reset() noexcept {}
  [[nodiscard]] bool fitted() const noexcept { return true; }
  [[nodiscard]] std::size_t training_rows() const noexcept { return 0; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

  [[nodiscard]] double predict(std::span<const double> x) const {
    ::alpha::detail::policy::check_rule_row(x, f_, "linear_rule");
    double s = p_.bias;
    for (std::size_t j = 0; j < f_; ++j) s += p_.weights[j] * x[j];
    return s;
  }

 private:
  params p_;
  std::size_t f_;
};

static_assert(Model<linear_rule>);
static_assert(!is_trained<linear_rule>());

}  // namespace models
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::models::sign_of_difference::params, lhs, rhs, sign);
BOOST_HANA_ADAPT_STRUCT(alpha::models::linear_rule::params, weights, bias);
