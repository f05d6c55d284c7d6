// Tests of alpha/data/resample.hpp: intraday -> daily (UTC and session days), fixed periods,
// labels, NaN bars, zero-volume VWAP, bad options. Expected values are computed by hand in the
// comments next to them.
#include "alpha/data/resample.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using alpha::asset_list;
using alpha::ohlcv_panel;
using alpha::time_index;
using alpha::timestamp;

constexpr double NaN = alpha::nan;

/// 2024-01-d hh:mm UTC.
timestamp at(unsigned d, int hh, int mm) {
  return *timestamp::from_date(2024, 1, d) + std::chrono::hours(hh) + std::chrono::minutes(mm);
}
timestamp day(unsigned d) { return *timestamp::from_date(2024, 1, d); }

/// One bar: open, high, low, close, volume, vwap.
struct row {
  double o, h, l, c, v, vwap = NaN;
};

/// An OHLCV panel from per-asset rows (all assets share `times`).
ohlcv_panel make(std::vector<timestamp> times, std::vector<std::string> assets,
                 const std::vector<std::vector<row>>& bars, bool with_vwap = false) {
  ohlcv_panel p(time_index(std::move(times)), asset_list(std::move(assets)), with_vwap);
  for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(bars.size()); ++j)
    for (Eigen::Index t = 0; t < static_cast<Eigen::Index>(p.rows()); ++t) {
      const row& r = bars[static_cast<std::size_t>(j)][static_cast<std::size_t>(t)];
      p.open_values()(t, j) = r.o;
      p.high_values()(t, j) = r.h;
      p.low_values()(t, j) = r.l;
      p.close_values()(t, j) = r.c;
      p.volume_values()(t, j) = r.v;
      if (with_vwap) p.vwap_values()(t, j) = r.vwap;
    }
  return p;
}

/// Expects bar t of asset j to be `r` (NaN matches NaN); VWAP compared to 1e-12.
void expect_bar(const ohlcv_panel& p, std::size_t t, std::size_t j, const row& r) {
  const auto check = [&](const char* field, double got, double want) {
    if (std::isnan(want))
      EXPECT_TRUE(std::isnan(got)) << field << " at row " << t << " asset " << j << " = " << got;
    else
      EXPECT_NEAR(got, want, 1e-12) << field << " at row " << t << " asset " << j;
  };
  check("open", p.open()(t, j), r.o);
  check("high", p.high()(t, j), r.h);
  check("low", p.low()(t, j), r.l);
  check("close", p.close()(t, j), r.c);
  check("volume", p.volume()(t, j), r.v);
  ASSERT_TRUE(p.has_vwap());
  check("vwap", (*p.vwap())(t, j), r.vwap);
}

// Two days of 15-minute bars for X and Y.
//   X, 2024-01-02:  14:30  O100 H102 L99  C102 V10  typical (102+99+102)/3 = 101
//                   14:45  O102 H106 L101 C105 V20  typical (106+101+105)/3 = 104
//                   15:00  O105 H105 L98  C100 V10  typical (105+98+100)/3  = 101
//     daily: O100 H106 L98 C100 V40, VWAP (101*10 + 104*20 + 101*10)/40 = 4100/40 = 102.5
//   X, 2024-01-03:  14:30  O100 H101 L97  C99  V30  typical 297/3 = 99
//                   14:45  O99  H103 L99  C101 V10  typical 303/3 = 101
//     daily: O100 H103 L97 C101 V40, VWAP (99*30 + 101*10)/40 = 3980/40 = 99.5
//   Y, 2024-01-02:  14:30 all NaN (skipped); 14:45 O50 H51 L49 C50 V0; 15:00 O50 H52 L50 C51 V0
//     daily: O50 H52 L49 C51 V0, VWAP NaN (zero volume)
//   Y, 2024-01-03:  both bars NaN -> a NaN daily bar for Y (X has a bar that day)
ohlcv_panel two_days(bool with_vwap = false, double x_vwap_1 = NaN, double x_vwap_3 = NaN) {
  const row nan_row{NaN, NaN, NaN, NaN, NaN};
  return make({at(2, 14, 30), at(2, 14, 45), at(2, 15, 0), at(3, 14, 30), at(3, 14, 45)},
              {"X", "Y"},
              {{{100, 102, 99, 102, 10, x_vwap_1},
                {102, 106, 101, 105, 20, 104},
                {105, 105, 98, 100, 10, x_vwap_3},
                {100, 101, 97, 99, 30, 99},
                {99, 103, 99, 101, 10, 101}},
               {nan_row, {50, 51, 49, 50, 0, 50}, {50, 52, 50, 51, 0, 51}, nan_row, nan_row}},
              with_vwap);
}

}  // namespace

TEST(ResampleDaily, FifteenMinuteBarsOverTwoDays) {
  const auto d = alpha::data::resample_daily(two_days());
  EXPECT_EQ(d.index(), (time_index{day(2), day(3)}));
  EXPECT_EQ(d.assets(), (asset_list{"X", "Y"}));
  expect_bar(d, 0, 0, {100, 106, 98, 100, 40, 102.5});
  expect_bar(d, 1, 0, {100, 103, 97, 101, 40, 99.5});
  expect_bar(d, 0, 1, {50, 52, 49, 51, 0, NaN});
  expect_bar(d, 1, 1, {NaN, NaN, NaN, NaN, NaN, NaN});
}

TEST(ResampleDaily, UsesInputVwapWhenPresentAndTypicalPriceForNaNCells) {
  // X day 1 with input VWAPs 101.5, 104, 101.5: (101.5*10 + 104*20 + 101.5*10)/40 = 4110/40.
  const auto d = alpha::data::resample_daily(two_days(true, 101.5, 101.5));
  expect_bar(d, 0, 0, {100, 106, 98, 100, 40, 102.75});
  // X day 2 input VWAPs 99 and 101 equal the typical prices: 99.5 as before.
  expect_bar(d, 1, 0, {100, 103, 97, 101, 40, 99.5});
  // The third bar's VWAP cell is NaN: its typical price 101 stands in.
  // (101.5*10 + 104*20 + 101*10)/40 = 4105/40 = 102.625.
  const auto d2 = alpha::data::resample_daily(two_days(true, 101.5, NaN));
  expect_bar(d2, 0, 0, {100, 106, 98, 100, 40, 102.625});
}

TEST(ResampleDaily, BarWithNaNVolumeIsSkipped) {
  auto p = two_days();
  p.volume_values()(1, 0) = NaN;  // X 2024-01-02 14:45 is no longer a valid bar
  const auto d = alpha::data::resample_daily(p);
  // Bars 14:30 and 15:00 only: O100 H105 L98 C100 V20, VWAP (101*10 + 101*10)/20 = 101.
  expect_bar(d, 0, 0, {100, 105, 98, 100, 20, 101});
}

TEST(ResampleDaily, DayWithoutAnyValidBarHasNoRow) {
  auto p = two_days();
  for (Eigen::Index t = 3; t < 5; ++t) p.close_values()(t, 0) = NaN;  // X on Jan 3 invalid too
  const auto d = alpha::data::resample_daily(p);
  EXPECT_EQ(d.index(), (time_index{day(2)}));
}

namespace {
// Three bars around UTC midnight:
//   2024-01-02 20:45Z  O10 H12 L9  C11 V1   New York (UTC-5h): Jan 2 15:45
//   2024-01-03 00:30Z  O11 H13 L10 C12 V3   New York: Jan 2 19:30 (after hours, still Jan 2)
//   2024-01-03 14:30Z  O12 H12 L8  C9  V2   New York: Jan 3 09:30
ohlcv_panel around_midnight() {
  return make({at(2, 20, 45), at(3, 0, 30), at(3, 14, 30)}, {"X"},
              {{{10, 12, 9, 11, 1}, {11, 13, 10, 12, 3}, {12, 12, 8, 9, 2}}});
}
}  // namespace

TEST(ResampleDaily, SessionOffsetGroupsAcrossUtcMidnight) {
  // UTC days: {bar 1} on Jan 2, {bars 2, 3} on Jan 3.
  //   Jan 2: O10 H12 L9 C11 V1, typical (12+9+11)/3 = 32/3
  //   Jan 3: O11 H13 L8 C9 V5, VWAP (35/3*3 + 29/3*2)/5 = (105 + 58)/3/5 = 163/15
  const auto utc = alpha::data::resample_daily(around_midnight());
  EXPECT_EQ(utc.index(), (time_index{day(2), day(3)}));
  expect_bar(utc, 0, 0, {10, 12, 9, 11, 1, 32.0 / 3});
  expect_bar(utc, 1, 0, {11, 13, 8, 9, 5, 163.0 / 15});

  // New York sessions: {bars 1, 2} on Jan 2, {bar 3} on Jan 3, stamped at midnight UTC.
  //   Jan 2: O10 H13 L9 C12 V4, VWAP (32/3*1 + 35/3*3)/4 = 137/12
  //   Jan 3: O12 H12 L8 C9 V2, VWAP 29/3
  const auto ny = alpha::data::resample_daily(around_midnight(), {.session_offset = -5h});
  EXPECT_EQ(ny.index(), (time_index{day(2), day(3)}));
  expect_bar(ny, 0, 0, {10, 13, 9, 12, 4, 137.0 / 12});
  expect_bar(ny, 1, 0, {12, 12, 8, 9, 2, 29.0 / 3});

  // Tokyo (UTC+9h): 20:45Z is Jan 3 05:45 local, so all three bars fall on Jan 3.
  const auto tokyo = alpha::data::resample_daily(around_midnight(), {.session_offset = 9h});
  EXPECT_EQ(tokyo.index(), (time_index{day(3)}));
  expect_bar(tokyo, 0, 0, {10, 13, 8, 9, 6, (32.0 + 105 + 58) / 3 / 6});
}

TEST(ResampleDaily, RightLabelledBarAtMidnightClosesThePreviousDay) {
  // Bars stamped with their end: the bar stamped 2024-01-03 00:00 covers 23:45..00:00 of Jan 2.
  const auto p = make({at(2, 23, 45), at(3, 0, 0), at(3, 0, 15)}, {"X"},
                      {{{1, 2, 1, 2, 1}, {2, 3, 2, 3, 1}, {3, 4, 3, 4, 1}}});
  const auto left = alpha::data::resample_daily(p);
  EXPECT_EQ(left.index(), (time_index{day(2), day(3)}));
  expect_bar(left, 0, 0, {1, 2, 1, 2, 1, 5.0 / 3});
  const auto right = alpha::data::resample_daily(p, {.input_label = alpha::data::bar_label::right});
  EXPECT_EQ(right.index(), (time_index{day(2), day(3)}));
  // Jan 2: bars 1 and 2: O1 H3 L1 C3 V2, VWAP (5/3 + 8/3)/2 = 13/6.
  expect_bar(right, 0, 0, {1, 3, 1, 3, 2, 13.0 / 6});
  expect_bar(right, 1, 0, {3, 4, 3, 4, 1, 11.0 / 3});
}

TEST(ResampleDaily, DailyInputKeepsItsDates) {
  const auto p = make({day(2), day(3)}, {"X"}, {{{10, 12, 9, 11, 5}, {11, 14, 11, 14, 0}}});
  // A session offset must not move daily bars to the previous date.
  const auto d = alpha::data::resample_daily(p, {.session_offset = -5h});
  EXPECT_EQ(d.index(), p.index());
  expect_bar(d, 0, 0, {10, 12, 9, 11, 5, 32.0 / 3});
  expect_bar(d, 1, 0, {11, 14, 11, 14, 0, NaN});  // zero volume: NaN VWAP
}

TEST(ResampleDaily, BadSessionOffsetIsAConfigError) {
  try {
    (void)alpha::data::resample_daily(two_days(), {.session_offset = 24h});
    FAIL();
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "session_offset");
  }
  EXPECT_THROW((void)alpha::data::resample_daily(two_days(), {.session_offset = -25h}),
               alpha::config_error);
}

namespace {
// 1-minute bars for X from 14:30 to 14:59 (i = 0..29): O = 100+i, H = O+1, L = O-1, C = O+0.5,
// V = 1, typical (3·O + 0.5)/3 = O + 1/6; then one bar at 15:20 (i = 30, same rule) and an
// all-NaN bar at 15:40.
ohlcv_panel minutes() {
  std::vector<timestamp> times;
  std::vector<row> bars;
  for (int i = 0; i < 31; ++i) {
    times.push_back(i < 30 ? at(2, 14, 30 + i) : at(2, 15, 20));
    const double o = 100 + i;
    bars.push_back({o, o + 1, o - 1, o + 0.5, 1});
  }
  times.push_back(at(2, 15, 40));
  bars.push_back({NaN, NaN, NaN, NaN, NaN});
  return make(std::move(times), {"X"}, {bars});
}
}  // namespace

TEST(Resample, OneMinuteToFifteenMinutes) {
  const auto r = alpha::data::resample(minutes(), 15min);
  // Buckets [14:30,14:45), [14:45,15:00), [15:15,15:30); 15:00 holds no bar and 15:30 only a NaN
  // bar, so neither has a row. Left labels: each bar stamped with its bucket start.
  EXPECT_EQ(r.index(), (time_index{at(2, 14, 30), at(2, 14, 45), at(2, 15, 15)}));
  // i = 0..14: O100 H115 L99 C114.5 V15, VWAP = mean typical = 100 + 7 + 1/6.
  expect_bar(r, 0, 0, {100, 115, 99, 114.5, 15, 107 + 1.0 / 6});
  // i = 15..29: O115 H130 L114 C129.5 V15, VWAP = 100 + 22 + 1/6.
  expect_bar(r, 1, 0, {115, 130, 114, 129.5, 15, 122 + 1.0 / 6});
  // i = 30 alone.
  expect_bar(r, 2, 0, {130, 131, 129, 130.5, 1, 130 + 1.0 / 6});
}

TEST(Resample, RightLabelsStampTheBucketEnd) {
  const auto r =
      alpha::data::resample(minutes(), 15min, {.output_label = alpha::data::bar_label::right});
  EXPECT_EQ(r.index(), (time_index{at(2, 14, 45), at(2, 15, 0), at(2, 15, 30)}));
  expect_bar(r, 0, 0, {100, 115, 99, 114.5, 15, 107 + 1.0 / 6});
}

TEST(Resample, OffsetMovesTheBucketGrid) {
  // Hourly buckets starting at :30: [14:30,15:30) holds i = 0..30, [15:30,16:30) only NaN.
  const auto r = alpha::data::resample(minutes(), 1h, {.offset = 30min});
  EXPECT_EQ(r.index(), (time_index{at(2, 14, 30)}));
  // V31, VWAP = mean of (100+i+1/6) for i = 0..30 = 115 + 1/6.
  expect_bar(r, 0, 0, {100, 131, 99, 130.5, 31, 115 + 1.0 / 6});
}

TEST(Resample, MultiAssetCalendarIsTheUnionOfBuckets) {
  // X trades in the 14:30 bucket only, Y in the 14:45 bucket only.
  const row nan_row{NaN, NaN, NaN, NaN, NaN};
  const auto p = make({at(2, 14, 31), at(2, 14, 46)}, {"X", "Y"},
                      {{{1, 2, 0, 1, 3}, nan_row}, {nan_row, {5, 6, 4, 5, 2}}});
  const auto r = alpha::data::resample(p, 15min);
  EXPECT_EQ(r.index(), (time_index{at(2, 14, 30), at(2, 14, 45)}));
  expect_bar(r, 0, 0, {1, 2, 0, 1, 3, 1});
  expect_bar(r, 0, 1, {NaN, NaN, NaN, NaN, NaN, NaN});
  expect_bar(r, 1, 0, {NaN, NaN, NaN, NaN, NaN, NaN});
  expect_bar(r, 1, 1, {5, 6, 4, 5, 2, 5});
}

TEST(Resample, ZeroVolumeBucketHasNaNVwap) {
  const auto p = make({at(2, 14, 30), at(2, 14, 31)}, {"X"}, {{{1, 2, 0, 1, 0}, {1, 3, 1, 2, 0}}});
  const auto r = alpha::data::resample(p, 15min);
  expect_bar(r, 0, 0, {1, 3, 0, 2, 0, NaN});
}

TEST(Resample, NonPositivePeriodIsAConfigError) {
  try {
    (void)alpha::data::resample(minutes(), 0min);
    FAIL();
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "period");
  }
  EXPECT_THROW((void)alpha::data::resample(minutes(), -15min), alpha::config_error);
}

TEST(Resample, EmptyInputGivesEmptyOutput) {
  const ohlcv_panel empty(time_index{}, asset_list{"X"});
  const auto r = alpha::data::resample(empty, 15min);
  EXPECT_EQ(r.rows(), 0u);
  EXPECT_EQ(r.cols(), 1u);
}
