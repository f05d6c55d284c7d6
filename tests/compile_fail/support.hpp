// Well-formed policies for the compile-fail tests: each test breaks exactly one of them (or the
// composition) so that the static_assert it expects is the first error.
#pragma once

#include "alpha/backtest/strategy.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/labels/forward_return.hpp"
#include "alpha/models/ridge.hpp"

#include <cmath>
#include <cstddef>
#include <span>

namespace cf {

struct good_sizer {
  struct params {
    double scale = 1.0;
  };
  good_sizer(const params&, std::size_t) {}
  void observe(const alpha::sizing::sizing_context&) {}
  void size(const alpha::combine::signal_slice& s, const alpha::sizing::sizing_context&,
            std::span<double> w) {
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = std::isnan(s.score[i]) ? 0.0 : s.score[i];
  }
  [[nodiscard]] std::size_t lookback() const { return 0; }
  void reset() {}
};

struct good_costs {
  struct params {
    double bps = 1.0;
  };
  explicit good_costs(const params&) {}
  [[nodiscard]] double cost(const alpha::costs::trade_context& t) const {
    return std::abs(t.traded_value) * 1e-4;
  }
};

using features = alpha::with::features<alpha::features::rsi, alpha::features::macd>;
using labeler = alpha::with::labeler<alpha::labels::forward_return>;
using model = alpha::with::model<alpha::models::ridge>;
using sizer = alpha::with::sizer<good_sizer>;
using costs = alpha::with::costs<good_costs>;

}  // namespace cf

BOOST_HANA_ADAPT_STRUCT(cf::good_sizer::params, scale);
BOOST_HANA_ADAPT_STRUCT(cf::good_costs::params, bps);
