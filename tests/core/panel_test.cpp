// Tests of time_index, asset_list, panel and ohlcv_panel: invariants, views, errors.
#include "alpha/core/panel.hpp"

#include "alpha/core/format.hpp"
#include "alpha/core/ohlcv.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace {
alpha::timestamp day(int y, unsigned m, unsigned d) {
  return *alpha::timestamp::from_date(y, m, d);
}
}  // namespace

TEST(TimeIndex, StrictlyIncreasingIsEnforced) {
  EXPECT_NO_THROW((alpha::time_index{day(2020, 1, 2), day(2020, 1, 3)}));
  try {
    alpha::time_index idx{day(2020, 1, 2), day(2020, 1, 3), day(2020, 1, 3)};
    FAIL() << "duplicate accepted";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().date, "2020-01-03");
    EXPECT_NE(std::string(e.what()).find("position 2: 2020-01-03 repeats 2020-01-03"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW((alpha::time_index{day(2020, 1, 3), day(2020, 1, 2)}), alpha::data_error);
}

TEST(TimeIndex, LookupAndSlice) {
  const alpha::time_index idx{day(2020, 1, 2), day(2020, 1, 3), day(2020, 1, 6)};
  EXPECT_EQ(idx.find(day(2020, 1, 3)), 1u);
  EXPECT_FALSE(idx.find(day(2020, 1, 4)));
  EXPECT_EQ(idx.count_up_to(day(2020, 1, 4)), 2u);  // bars of 01-02 and 01-03 are known
  EXPECT_EQ(idx.count_up_to(day(2019, 12, 31)), 0u);
  EXPECT_TRUE(idx.is_daily());
  EXPECT_EQ(idx.slice(1, 2).front(), day(2020, 1, 3));
  EXPECT_THROW((void)idx.slice(2, 2), alpha::shape_error);
  EXPECT_EQ(fmt::format("{}", idx), "time_index[3: 2020-01-02 .. 2020-01-06]");
}

TEST(AssetList, LookupAndDuplicates) {
  const alpha::asset_list a{"MSFT", "AAPL", "IBM"};
  EXPECT_EQ(a.at("IBM"), 2u);
  EXPECT_EQ(a.find("AAPL"), 1u);
  EXPECT_FALSE(a.find("GOOG"));
  EXPECT_THROW((void)a.at("GOOG"), alpha::data_error);
  try {
    alpha::asset_list dup{"A", "B", "A"};
    FAIL();
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "A");
    EXPECT_NE(std::string(e.what()).find("positions 0 and 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW((alpha::asset_list{"A", ""}), alpha::data_error);
}

TEST(Panel, ColumnMajorSeriesAndCrossSections) {
  alpha::panel<double> p(alpha::time_index{day(2020, 1, 2), day(2020, 1, 3), day(2020, 1, 6)},
                         alpha::asset_list{"A", "B"});
  EXPECT_TRUE(std::isnan(p(0, 0)));  // NaN fill by default
  for (std::size_t j = 0; j < 2; ++j)
    for (std::size_t t = 0; t < 3; ++t) p(t, j) = static_cast<double>(10 * j + t);
  // Asset series are contiguous: B's series is the second block of 3 values.
  const auto b = p.series("B");
  EXPECT_EQ(b.data(), p.values().data() + 3);
  EXPECT_EQ(std::vector<double>(b.begin(), b.end()), (std::vector<double>{10, 11, 12}));
  // A cross-section iterates across assets.
  const auto row = p.at(1);
  EXPECT_EQ(std::vector<double>(row.begin(), row.end()), (std::vector<double>{1, 11}));
  double total = 0;
  for (const auto s : p.all_series()) total += std::accumulate(s.begin(), s.end(), 0.0);
  EXPECT_EQ(total, 0 + 1 + 2 + 10 + 11 + 12);
  EXPECT_EQ(fmt::format("{}", p), "panel[3 x 2, 2020-01-02 .. 2020-01-06]");
}

TEST(Panel, ShapeChecks) {
  auto idx = std::make_shared<const alpha::time_index>(
      alpha::time_index{day(2020, 1, 2), day(2020, 1, 3)});
  auto assets = std::make_shared<const alpha::asset_list>(alpha::asset_list{"A"});
  EXPECT_THROW((alpha::panel<double>(idx, assets, Eigen::ArrayXXd::Zero(3, 1))),
               alpha::shape_error);
  alpha::panel<double> x(idx, assets), y(idx, assets);
  alpha::panel<double> z(alpha::time_index{day(2020, 1, 2)}, alpha::asset_list{"A"});
  EXPECT_TRUE(x.same_shape(y));
  EXPECT_FALSE(x.same_shape(z));
  EXPECT_THROW(alpha::require_same_shape(x, z, "test"), alpha::shape_error);
}

TEST(OhlcvPanel, BarViewAndShapeValidation) {
  alpha::ohlcv_panel px(alpha::time_index{day(2020, 1, 2), day(2020, 1, 3)},
                        alpha::asset_list{"A", "B"});
  px.open_values() << 1, 5, 2, 6;
  px.high_values() << 2, 7, 3, 8;
  px.low_values() << 0.5, 4, 1.5, 5;
  px.close_values() << 1.5, 6, 2.5, 7;
  px.volume_values() << 100, 300, 200, 400;
  const auto b = px.asset("B");
  EXPECT_EQ(b.size(), 2u);
  EXPECT_FALSE(b.has_vwap());
  const alpha::bar last = b[1];
  EXPECT_EQ(last.close, 7.0);
  EXPECT_EQ(last.volume, 400.0);
  EXPECT_TRUE(std::isnan(last.vwap));
  EXPECT_EQ(fmt::format("{}", last), "2020-01-03 O=6 H=8 L=5 C=7 V=400");
  double sum = 0;
  for (const alpha::bar& x : b.bars()) sum += x.close;
  EXPECT_EQ(sum, 13.0);
  EXPECT_THROW((void)px.asset("C"), alpha::data_error);
  EXPECT_THROW((void)px.vwap_values(), alpha::config_error);

  alpha::panel<double> other(alpha::time_index{day(2020, 1, 2)}, alpha::asset_list{"A", "B"});
  EXPECT_THROW(alpha::ohlcv_panel(px.open(), px.high(), px.low(), other, px.volume()),
               alpha::shape_error);
}

TEST(Errors, MessagesNameLocationAndText) {
  alpha::data_location w;
  w.file = "prices.csv";
  w.line = 12;
  w.column = 3;
  w.asset = "MSFT";
  w.date = "2020-01-02";
  w.text = "abc";
  const alpha::data_error e(w, "close is not a number");
  EXPECT_STREQ(e.what(),
               "alpha: data error at prices.csv:12:3, asset 'MSFT', date 2020-01-02: close is not "
               "a number (offending text: \"abc\")");
  const alpha::config_error c("window", "must be >= 1, got 0");
  EXPECT_STREQ(c.what(), "alpha: config error: parameter 'window': must be >= 1, got 0");
  EXPECT_EQ(fmt::format("{}", w), "prices.csv:12:3, asset 'MSFT', date 2020-01-02");
}
