/// @file
/// alpha::models::identity_calibrator: the calibrator that changes nothing (the default of the
/// strategy's optional calibration slot).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/params.hpp"
#include "alpha/models/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <span>

ALPHA_BEGIN_NAMESPACE
namespace models {

/// Identity calibration: calibrate() leaves every score as it is (NaN stays NaN); observe() and
/// fit() ignore their input. No params. O(1).
/// @test tests/policies/combine_test.cpp
class identity_calibrator {
 public:
  struct params {};

  explicit identity_calibrator(const params& = {}) noexcept {}

  void observe(double, double) noexcept {}
  void fit() noexcept {}
  void calibrate(std::span<double>) const noexcept {}
  void reset() noexcept {}
};

static_assert(Calibrator<identity_calibrator>);

}  // namespace models
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::models::identity_calibrator::params);
