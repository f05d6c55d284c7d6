/// @file
/// Opt-in bridge to Boost.Accumulators: any alpha rolling accumulator whose params have a
/// `window` member becomes a feature of a `boost::accumulators::accumulator_set`, sized by the
/// set's `tag::rolling_window::window_size` argument, next to Boost's own statistics.
///
///     namespace ba = boost::accumulators;
///     ba::accumulator_set<double,
///     ba::stats<alpha::rolling::boost_feature<alpha::rolling::std_dev>,
///                                           ba::tag::rolling_mean>>
///         acc(ba::tag::rolling_window::window_size = 20);
///     acc(x);  // feeds both
///     double sd = alpha::rolling::extract_feature<alpha::rolling::std_dev>(acc);
///
/// This is the one header of alpha that includes Boost.Accumulators (about 1 s of parse time per
/// translation unit): include it explicitly; no umbrella header does.
///
/// Semantics are those of the alpha accumulator (NaN skipping, min_periods = window, ddof): the
/// bridge forwards each sample to `update` and `extract` to `value()`. O(1) per sample on top of
/// the accumulator's own cost.
/// @test tests/rolling/boost_bridge_test.cpp (agreement with Boost's rolling_mean and
/// rolling_variance, which are an independent implementation)
#pragma once

#include "alpha/config.hpp"
#include "alpha/rolling/concept.hpp"

#include <boost/accumulators/framework/accumulator_base.hpp>
#include <boost/accumulators/framework/depends_on.hpp>
#include <boost/accumulators/framework/extractor.hpp>
#include <boost/accumulators/framework/parameters/sample.hpp>
#include <boost/accumulators/statistics/rolling_window.hpp>
#include <boost/mpl/always.hpp>

#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

namespace detail {

/// Boost.Accumulators implementation object wrapping an alpha accumulator A.
template <StreamingAccumulator A>
struct boost_feature_impl : boost::accumulators::accumulator_base {
  using result_type = double;

  template <class Args>
  explicit boost_feature_impl(const Args& args) : acc_(make_params(args)) {}

  template <class Args>
  void operator()(const Args& args) {
    acc_.update(static_cast<double>(args[boost::accumulators::sample]));
  }

  [[nodiscard]] result_type result(boost::accumulators::dont_care) const { return acc_.value(); }

 private:
  template <class Args>
  static typename A::params make_params(const Args& args) {
    typename A::params p{};
    p.window = static_cast<std::size_t>(args[boost::accumulators::rolling_window_size]);
    return p;
  }

  A acc_;
};

}  // namespace detail

/// The Boost.Accumulators feature (tag) of alpha accumulator A. Requires `A::params::window`.
template <StreamingAccumulator A>
requires requires(typename A::params p) { p.window = std::size_t{1}; }
struct boost_feature : boost::accumulators::depends_on<> {
  using impl = boost::mpl::always<detail::boost_feature_impl<A>>;
};

/// The current value of alpha accumulator A inside a Boost accumulator_set. O(1).
template <StreamingAccumulator A, class AccumulatorSet>
[[nodiscard]] double extract_feature(const AccumulatorSet& set) {
  return boost::accumulators::extract_result<boost_feature<A>>(set);
}

}  // namespace rolling
ALPHA_END_NAMESPACE
