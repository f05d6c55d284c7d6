// Tests of the CSV writers: exact text, quoting, NaN, and write-then-read round trips that must be
// bit-identical (including awkward doubles).
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/read_wide.hpp"
#include "alpha/data/write_csv.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using alpha::data::csv_options;
using alpha::data::csv_source;
using alpha::data::validation_policy;

std::vector<alpha::timestamp> days(unsigned n) {
  std::vector<alpha::timestamp> d;
  const alpha::timestamp first = *alpha::timestamp::from_date(2021, 3, 1);
  for (unsigned k = 0; k < n; ++k) d.push_back(first + std::chrono::hours(24 * k));
  return d;
}

/// Bit-identical, with every NaN equal to every NaN (payloads are not preserved).
bool same_bits(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

csv_options keep_everything() {
  csv_options opt;
  opt.policy = validation_policy::report_only();
  return opt;
}

}  // namespace

TEST(CsvWrite, WideExactText) {
  alpha::panel<double> p(alpha::time_index(days(2)), alpha::asset_list{"AAA", "B,B"});
  p(0, 0) = 1.5;
  p(0, 1) = 0.1;
  p(1, 0) = 100;
  std::ostringstream os;
  alpha::data::write_wide_csv(os, p);
  EXPECT_EQ(os.str(),
            "date,AAA,\"B,B\"\n"
            "2021-03-01,1.5,0.1\n"
            "2021-03-02,100,NaN\n");
  alpha::data::csv_write_options o;
  o.delimiter = ';';
  std::ostringstream semi;
  alpha::data::write_wide_csv(semi, p, o);
  EXPECT_EQ(semi.str().substr(0, 17), "date;AAA;B,B\n2021");
}

TEST(CsvWrite, OhlcvSingleAndLongExactText) {
  alpha::ohlcv_panel one(alpha::time_index(days(1)), alpha::asset_list{"X"});
  one.open_values()(0, 0) = 1;
  one.high_values()(0, 0) = 2;
  one.low_values()(0, 0) = 0.5;
  one.close_values()(0, 0) = 1.25;
  one.volume_values()(0, 0) = 1e10;
  std::ostringstream os;
  alpha::data::write_ohlcv_csv(os, one);
  EXPECT_EQ(os.str(), "date,open,high,low,close,volume\n2021-03-01,1,2,0.5,1.25,10000000000\n");

  alpha::ohlcv_panel two(alpha::time_index(days(1)), alpha::asset_list{"X", "Y"}, true);
  two.close_values()(0, 1) = 3;
  std::ostringstream lo;
  alpha::data::write_ohlcv_csv(lo, two);
  EXPECT_EQ(lo.str(),
            "date,symbol,open,high,low,close,volume,vwap\n"
            "2021-03-01,X,NaN,NaN,NaN,NaN,NaN,NaN\n"
            "2021-03-01,Y,NaN,NaN,NaN,3,NaN,NaN\n");
  alpha::data::csv_write_options skip;
  skip.skip_empty_bars = true;
  std::ostringstream sk;
  alpha::data::write_ohlcv_csv(sk, two, skip);
  EXPECT_EQ(sk.str(),
            "date,symbol,open,high,low,close,volume,vwap\n"
            "2021-03-01,Y,NaN,NaN,NaN,3,NaN,NaN\n");
  alpha::data::csv_write_options single;
  single.layout = alpha::data::ohlcv_layout::single_asset;
  std::ostringstream bad;
  EXPECT_THROW(alpha::data::write_ohlcv_csv(bad, two, single), alpha::config_error);
}

TEST(CsvWrite, WideRoundTripIsBitIdentical) {
  const std::vector<double> awkward{0.1,
                                    1.0 / 3.0,
                                    2.0 / 3.0,
                                    1e-300,
                                    5e-324,  // smallest denormal
                                    std::numeric_limits<double>::max(),
                                    std::numeric_limits<double>::min(),
                                    123456789.123456789,
                                    1455.219971,
                                    -0.0,
                                    -2.5,
                                    std::numeric_limits<double>::infinity(),
                                    alpha::nan,
                                    9007199254740993.0,
                                    0.30000000000000004};
  std::mt19937_64 rng(20240521);
  const unsigned rows = 40;
  alpha::panel<double> p(alpha::time_index(days(rows)), alpha::asset_list{"awkward", "random"});
  for (std::size_t t = 0; t < rows; ++t) {
    p(t, 0) = awkward[t % awkward.size()];
    double r = 0;
    do {  // random bit patterns: every exponent and mantissa
      r = std::bit_cast<double>(rng());
    } while (!std::isfinite(r));
    p(t, 1) = r;
  }
  std::ostringstream os;
  alpha::data::write_wide_csv(os, p);
  const auto back = alpha::data::read_wide_csv(csv_source{"rt.csv", os.str()}, keep_everything());
  ASSERT_EQ(back.data.rows(), p.rows());
  EXPECT_TRUE(back.data.index() == p.index());
  EXPECT_TRUE(back.data.assets() == p.assets());
  for (std::size_t t = 0; t < rows; ++t)
    for (std::size_t j = 0; j < 2; ++j)
      EXPECT_TRUE(same_bits(back.data(t, j), p(t, j))) << t << "," << j << ": " << p(t, j);
}

TEST(CsvWrite, OhlcvRoundTripsAreBitIdentical) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(1, 2);
  const unsigned rows = 30;
  const auto fill = [&](alpha::ohlcv_panel& px) {
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(px.cols()); ++j)
      for (Eigen::Index t = 0; t < rows; ++t) {
        const double o = 100 * u(rng), c = 100 * u(rng);
        px.open_values()(t, j) = o;
        px.close_values()(t, j) = c;
        px.high_values()(t, j) = std::max(o, c) * u(rng);
        px.low_values()(t, j) = std::min(o, c) / u(rng);
        px.volume_values()(t, j) = std::floor(1e6 * u(rng));
        px.vwap_values()(t, j) = (o + c) / 2;
      }
  };
  const auto same = [](const alpha::ohlcv_panel& a, const alpha::ohlcv_panel& b) {
    ASSERT_EQ(a.rows(), b.rows());
    ASSERT_TRUE(a.assets() == b.assets());
    ASSERT_TRUE(a.index() == b.index());
    ASSERT_TRUE(b.has_vwap());
    for (std::size_t j = 0; j < a.cols(); ++j)
      for (std::size_t t = 0; t < a.rows(); ++t) {
        EXPECT_TRUE(same_bits(a.open()(t, j), b.open()(t, j)));
        EXPECT_TRUE(same_bits(a.high()(t, j), b.high()(t, j)));
        EXPECT_TRUE(same_bits(a.low()(t, j), b.low()(t, j)));
        EXPECT_TRUE(same_bits(a.close()(t, j), b.close()(t, j)));
        EXPECT_TRUE(same_bits(a.volume()(t, j), b.volume()(t, j)));
        EXPECT_TRUE(same_bits((*a.vwap())(t, j), (*b.vwap())(t, j)));
      }
  };
  // Single asset, through a file on disk.
  alpha::ohlcv_panel one(alpha::time_index(days(rows)), alpha::asset_list{"ONE"}, true);
  fill(one);
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("alpha_csv_write_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "ONE.csv";
  alpha::data::write_ohlcv_csv(path, one);
  const auto back_one = alpha::data::read_ohlcv_csv(path);
  EXPECT_TRUE(back_one.report.empty()) << back_one.report.to_string();
  EXPECT_EQ(back_one.data.assets()[0], "ONE");
  same(one, back_one.data);
  std::filesystem::remove_all(dir);

  // Long format, with a NaN bar and an asset id that needs quoting.
  alpha::ohlcv_panel many(alpha::time_index(days(rows)), alpha::asset_list{"A", "B \"q\"", "C"},
                          true);
  fill(many);
  for (auto* f : {&many.open_values(), &many.high_values(), &many.low_values(),
                  &many.close_values(), &many.volume_values(), &many.vwap_values()})
    (*f)(0, 2) = alpha::nan;  // C starts one day later
  std::ostringstream os;
  alpha::data::write_ohlcv_csv(os, many);
  const auto back_many = alpha::data::read_ohlcv_long_csv(csv_source{"many.csv", os.str()});
  EXPECT_TRUE(back_many.report.empty()) << back_many.report.to_string();
  same(many, back_many.data);
}

TEST(CsvWrite, UnwritablePathNamesIt) {
  alpha::panel<double> p(alpha::time_index(days(1)), alpha::asset_list{"A"});
  try {
    alpha::data::write_wide_csv(std::filesystem::path("/nonexistent/dir/out.csv"), p);
    FAIL();
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/out.csv"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("cannot open file for writing"), std::string::npos);
  }
}
