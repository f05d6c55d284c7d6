// Bar indicators against the reference files of ../shared/reference/indicators (TA-Lib C
// 0.6.0-dev and R TTR 0.24.3 on ttrc, sp500, msft; see CONVENTIONS.md section 1): TR, ATR14,
// STOCHF/STOCH(14,3,3), +DI/-DI/DX/ADX14, WILLR14 (TTR WPR14), CCI20, OBV. Relative error
// < 1e-9 from the first defined row of each convention (CCI: see CciMatches).
#include "alpha/features/ta/directional_movement.hpp"
#include "alpha/features/ta/true_range.hpp"

#include "features/bar_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace af = alpha::features;
using alpha_test::close_all;
using alpha_test::read_reference_csv;
using namespace alpha_test::bars;

namespace {

struct loaded {
  ohlcv bars;
  std::map<std::string, std::vector<double>> talib, ttr;
};

/// Loads data set d; false when a file is absent.
bool load(const data_set& d, loaded& out) {
  const auto data = alpha_test::shared_file(d.data);
  const auto ta =
      alpha_test::shared_file(std::string("reference/indicators/indicators_talib_") + d.tag + ".csv");
  const auto tt =
      alpha_test::shared_file(std::string("reference/indicators/indicators_ttr_") + d.tag + ".csv");
  if (data.empty() || ta.empty() || tt.empty()) return false;
  out.bars = read_bars(data);
  out.talib = read_reference_csv(ta);
  out.ttr = read_reference_csv(tt);
  return true;
}

#define ALPHA_FOR_EACH_DATA_SET(var)                                                      \
  ALPHA_REQUIRE_SHARED_FILE(probe_, "reference/indicators/indicators_talib_ttrc.csv");    \
  (void)probe_;                                                                           \
  for (const data_set& ds_ : data_sets)                                                   \
    if (loaded var; !load(ds_, var)) GTEST_SKIP() << "absent: " << ds_.data;              \
    else

constexpr double tol = 1e-9;

}  // namespace

TEST(BarReference, TrueRange) {
  ALPHA_FOR_EACH_DATA_SET(d) {
    SCOPED_TRACE(ds_.tag);
    const auto tr = af::run<af::true_range>({}, d.bars.input());
    EXPECT_TRUE(close_all(tr[0], d.talib["tr"], tol));
    EXPECT_TRUE(close_all(tr[0], d.ttr["tr"], tol));
  }
}

TEST(BarReference, Atr14) {
  ALPHA_FOR_EACH_DATA_SET(d) {
    SCOPED_TRACE(ds_.tag);
    const auto a = af::run<af::atr>({.period = 14}, d.bars.input());
    EXPECT_TRUE(close_all(a[0], d.talib["atr14"], tol));
    EXPECT_TRUE(close_all(a[0], d.ttr["atr14"], tol));
    EXPECT_TRUE(bit_equal(a[0], stream<af::atr>({.period = 14}, d.bars)[0]));
  }
}

TEST(BarReference, DirectionalMovement14) {
  ALPHA_FOR_EACH_DATA_SET(d) {
    SCOPED_TRACE(ds_.tag);
    const auto in = d.bars.input();
    const af::directional_params p{.period = 14};
    EXPECT_TRUE(close_all(af::run<af::plus_di>(p, in)[0], d.talib["plus_di14"], tol));
    EXPECT_TRUE(close_all(af::run<af::minus_di>(p, in)[0], d.talib["minus_di14"], tol));
    EXPECT_TRUE(close_all(af::run<af::dx>(p, in)[0], d.talib["dx14"], tol));
    EXPECT_TRUE(close_all(af::run<af::adx>(p, in)[0], d.talib["adx14"], tol));
    EXPECT_TRUE(close_all(af::run<af::plus_di>(p, in)[0], d.ttr["adx_dip"], tol));
    EXPECT_TRUE(close_all(af::run<af::minus_di>(p, in)[0], d.ttr["adx_din"], tol));
    EXPECT_TRUE(close_all(af::run<af::dx>(p, in)[0], d.ttr["adx_dx"], tol));
    EXPECT_TRUE(close_all(af::run<af::adx>(p, in)[0], d.ttr["adx14"], tol));
  }
}
