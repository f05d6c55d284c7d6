// Loads every file of ../shared/data with the matching reader and validates it. Row counts,
// ranges and values come from ../shared/data/README.md and the files' own first/last lines.
// Skips cleanly when ../shared is absent.
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/read_wide.hpp"
#include "alpha/data/validate.hpp"
#include "alpha/data/write_csv.hpp"

#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

namespace {

using alpha::data::action;
using alpha::data::csv_options;
using alpha::data::problem_kind;
using alpha::data::validation_report;

alpha::timestamp day(int y, unsigned m, unsigned d) {
  return *alpha::timestamp::from_date(y, m, d);
}

/// No problem other than kept outlier returns (real prices do have extreme days; they are
/// reported, not errors). Structural problems would have thrown already.
void expect_only_kept_outliers(const validation_report& report) {
  for (const auto& p : report) {
    EXPECT_EQ(p.kind, problem_kind::outlier_return) << validation_report::describe(p);
    EXPECT_EQ(p.taken, action::keep);
  }
}

}  // namespace

TEST(RealData, TtrcOhlcv) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/ttrc_ohlcv.csv");
  const auto [px, report] = alpha::data::read_ohlcv_csv(path);
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 5550u);
  EXPECT_EQ(px.assets()[0], "ttrc_ohlcv");
  EXPECT_EQ(px.index().front(), day(1985, 1, 2));
  EXPECT_EQ(px.index().back(), day(2006, 12, 29));
  // 1985-01-02,3.18,3.18,3.08,3.08,1870906
  EXPECT_EQ(px.open()(0, 0), 3.18);
  EXPECT_EQ(px.low()(0, 0), 3.08);
  EXPECT_EQ(px.volume()(0, 0), 1870906.0);
  EXPECT_EQ(px.close()(5549, 0), 51.95);
  EXPECT_FALSE(px.index().find(day(2001, 9, 12)));  // 9/11 closure
}

TEST(RealData, Sp500Ohlcv) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/sp500_ohlcv_2000_2020.csv");
  csv_options opt;
  opt.asset = "SPX";
  const auto [px, report] = alpha::data::read_ohlcv_csv(path, opt);
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 5105u);
  EXPECT_EQ(px.assets()[0], "SPX");
  EXPECT_EQ(px.index().front(), day(2000, 1, 3));
  EXPECT_EQ(px.index().back(), day(2020, 4, 17));
  EXPECT_EQ(px.close()(0, 0), 1455.219971);
  EXPECT_EQ(px.open()(0, 0), 1469.25);
  EXPECT_EQ(px.close()(5104, 0), 2874.560059);
  EXPECT_EQ(px.volume()(5104, 0), 5792140000.0);
  for (unsigned d = 11; d <= 14; ++d) EXPECT_FALSE(px.index().find(day(2001, 9, d)));
  EXPECT_FALSE(px.index().find(day(2012, 10, 29)));  // Hurricane Sandy
  // adjclose equals close on every row (an index): preferring it changes nothing.
  opt.prefer_adjusted = true;
  const auto adj = alpha::data::read_ohlcv_csv(path, opt);
  EXPECT_TRUE((adj.data.close().values() == px.close().values()).all());
  // Write and read back: bit-identical.
  std::ostringstream os;
  alpha::data::write_ohlcv_csv(os, px);
  const auto back = alpha::data::read_ohlcv_csv(alpha::data::csv_source{"SPX.csv", os.str()});
  EXPECT_TRUE((back.data.close().values() == px.close().values()).all());
  EXPECT_TRUE((back.data.volume().values() == px.volume().values()).all());
  EXPECT_TRUE(back.data.index() == px.index());
}

TEST(RealData, MsftOhlcv) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/msft_ohlcv_2000_2001.csv");
  const auto [px, report] = alpha::data::read_ohlcv_csv(path, {.asset = "MSFT"});
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 249u);
  EXPECT_EQ(px.index().front(), day(2000, 9, 27));
  EXPECT_EQ(px.index().back(), day(2001, 9, 27));
  // 2000-09-27,63.4375,63.5625,59.8125,60.625,53077800
  EXPECT_EQ(px.open()(0, 0), 63.4375);
  EXPECT_EQ(px.high()(0, 0), 63.5625);
  EXPECT_EQ(px.close()(0, 0), 60.625);
  EXPECT_EQ(px.close()(248, 0), 49.96);
  const auto sep10 = px.index().find(day(2001, 9, 10));
  ASSERT_TRUE(sep10);
  EXPECT_EQ(px.index()[*sep10 + 1], day(2001, 9, 17));
}

TEST(RealData, VixOhlcWithoutVolume) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/vix_ohlc_2009.csv");
  EXPECT_THROW((void)alpha::data::read_ohlcv_csv(path), alpha::data_error);  // volume required
  const auto [px, report] =
      alpha::data::read_ohlcv_csv(path, {.asset = "VIX", .require_volume = false});
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 44u);
  EXPECT_EQ(px.index().front(), day(2009, 6, 1));
  EXPECT_EQ(px.index().back(), day(2009, 7, 31));
  EXPECT_EQ(px.close()(0, 0), 30.04);  // 2009-06-01,28.7,30.05,28.45,30.04
  EXPECT_EQ(px.close()(43, 0), 25.92);
  EXPECT_TRUE(px.volume().values().isNaN().all());
}

TEST(RealData, SwxWideCloses) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/swx_closes_2000_2007.csv");
  const auto [px, report] = alpha::data::read_wide_csv(path);
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 1917u);
  ASSERT_EQ(px.cols(), 6u);
  EXPECT_EQ(px.assets()[0], "SBI");
  EXPECT_EQ(px.assets()[5], "LP60");
  EXPECT_EQ(px.index().front(), day(2000, 1, 3));
  EXPECT_EQ(px.index().back(), day(2007, 5, 8));
  EXPECT_EQ(px(0, 0), 95.88);  // 2000-01-03,95.88,5022.86,146.264,99.81,99.71,99.55
  EXPECT_EQ(px(0, 1), 5022.86);
  EXPECT_EQ(px(1916, 5), 125.93);
  // The three holiday-filler rows repeat the previous row in every column.
  for (const auto d : {day(2000, 4, 21), day(2003, 12, 25), day(2007, 1, 1)}) {
    const auto t = px.index().find(d);
    ASSERT_TRUE(t) << d.to_iso();
    EXPECT_TRUE((px.at(*t) == px.at(*t - 1)).all()) << d.to_iso();
  }
  EXPECT_FALSE(px.values().isNaN().any());
}

TEST(RealData, VegaStocksWideWithPreIpoNaN) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/vega_stocks_monthly_2000_2010.csv");
  const auto [px, report] = alpha::data::read_wide_csv(path);
  expect_only_kept_outliers(report);  // GOOG's NaN before its IPO are not problems
  ASSERT_EQ(px.rows(), 123u);
  ASSERT_EQ(px.cols(), 5u);
  EXPECT_EQ(px.index().front(), day(2000, 1, 1));
  EXPECT_EQ(px.index().back(), day(2010, 3, 1));
  const std::size_t goog = px.assets().at("GOOG");
  EXPECT_EQ(px.series(goog).size(), 123u);
  EXPECT_EQ(px.values().col(static_cast<Eigen::Index>(goog)).isNaN().count(), 55);
  EXPECT_TRUE(std::isnan(px(0, goog)));
  EXPECT_EQ(px.index()[55], day(2004, 8, 1));  // first GOOG price after the 55 NaN
  EXPECT_FALSE(std::isnan(px(55, goog)));
  EXPECT_EQ(px(122, goog), 560.19);  // 2010-03-01,223.02,128.82,560.19,125.55,28.8
  EXPECT_EQ(px(0, px.assets().at("AAPL")), 25.94);
  EXPECT_EQ(px.values().isNaN().count(), 55);  // no other NaN
}

TEST(RealData, VegaSp500MonthlyAsWide) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/vega_sp500_monthly_2000_2010.csv");
  const auto [px, report] = alpha::data::read_wide_csv(path);
  expect_only_kept_outliers(report);
  ASSERT_EQ(px.rows(), 123u);
  EXPECT_EQ(px.assets()[0], "close");
  EXPECT_EQ(px(0, 0), 1394.46);
  EXPECT_EQ(px(122, 0), 1140.45);
}

TEST(RealData, StrictPolicyOnCleanFiles) {
  // Under the strict policy (every problem an error, including outliers at |z| > 10), TTRC's
  // random-walk closes load without any problem at a generous threshold.
  ALPHA_REQUIRE_SHARED_FILE(path, "data/ttrc_ohlcv.csv");
  csv_options opt;
  opt.policy = alpha::data::validation_policy::strict();
  opt.policy.outlier_threshold = 1e9;
  EXPECT_TRUE(alpha::data::read_ohlcv_csv(path, opt).report.empty());
}
