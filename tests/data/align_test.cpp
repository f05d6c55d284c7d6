// Tests of alpha/data/align.hpp: union and intersection calendars, cell-by-cell NaN placement,
// duplicate assets, VWAP merge rules, reindex drop reporting.
#include "alpha/data/align.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using alpha::asset_list;
using alpha::ohlcv_panel;
using alpha::panel;
using alpha::time_index;
using alpha::timestamp;
using alpha::data::calendar_join;

constexpr double NaN = alpha::nan;

timestamp day(unsigned d) { return *timestamp::from_date(2024, 1, d); }

/// A panel from columns of values (one std::vector per asset).
panel<double> make_panel(std::vector<timestamp> times, std::vector<std::string> assets,
                         const std::vector<std::vector<double>>& columns) {
  panel<double> p(time_index(std::move(times)), asset_list(std::move(assets)));
  for (std::size_t j = 0; j < columns.size(); ++j)
    for (std::size_t t = 0; t < columns[j].size(); ++t) p(t, j) = columns[j][t];
  return p;
}

/// Expects column `asset` of `p` to equal `expected`, NaN matching NaN, cell by cell.
void expect_column(const panel<double>& p, const std::string& asset,
                   const std::vector<double>& expected) {
  const auto s = p.series(asset);
  ASSERT_EQ(s.size(), expected.size()) << asset;
  for (std::size_t t = 0; t < expected.size(); ++t) {
    if (std::isnan(expected[t]))
      EXPECT_TRUE(std::isnan(s[t])) << asset << " row " << t << " = " << s[t];
    else
      EXPECT_EQ(s[t], expected[t]) << asset << " row " << t;
  }
}

// A: one asset on Jan 2, 3, 8.  B: two assets on Jan 3, 8, 9 (B2 has a hole on Jan 8).
panel<double> panel_a() { return make_panel({day(2), day(3), day(8)}, {"A1"}, {{1, 2, 3}}); }
panel<double> panel_b() {
  return make_panel({day(3), day(8), day(9)}, {"B1", "B2"}, {{10, 11, 12}, {20, NaN, 22}});
}

}  // namespace

TEST(JoinCalendars, UnionAndIntersection) {
  const time_index a{day(2), day(3), day(8)}, b{day(3), day(8), day(9)}, c{day(1), day(8)};
  const std::vector<const time_index*> all{&a, &b, &c};
  EXPECT_EQ(alpha::data::join_calendars(all, calendar_join::union_of_dates),
            (time_index{day(1), day(2), day(3), day(8), day(9)}));
  EXPECT_EQ(alpha::data::join_calendars(all, calendar_join::intersection_of_dates),
            (time_index{day(8)}));
  EXPECT_EQ(alpha::data::join_calendars(a, b, calendar_join::intersection_of_dates),
            (time_index{day(3), day(8)}));
  EXPECT_TRUE(alpha::data::join_calendars(std::vector<const time_index*>{},
                                          calendar_join::intersection_of_dates)
                  .empty());
}

TEST(AlignPanels, UnionPlacesNaNCellByCell) {
  const auto a = panel_a();
  const auto b = panel_b();
  alpha::data::align_report report;
  const auto out = alpha::data::align({a, b}, calendar_join::union_of_dates, &report);
  EXPECT_EQ(out.index(), (time_index{day(2), day(3), day(8), day(9)}));
  EXPECT_EQ(out.assets(), (asset_list{"A1", "B1", "B2"}));
  expect_column(out, "A1", {1, 2, 3, NaN});
  expect_column(out, "B1", {NaN, 10, 11, 12});
  expect_column(out, "B2", {NaN, 20, NaN, 22});
  EXPECT_EQ(report.dropped_rows, (std::vector<std::size_t>{0, 0}));
}

TEST(AlignPanels, IntersectionKeepsCommonDatesAndCountsTheRest) {
  const std::vector<panel<double>> inputs{panel_a(), panel_b()};
  alpha::data::align_report report;
  const auto out = alpha::data::align(inputs, calendar_join::intersection_of_dates, &report);
  EXPECT_EQ(out.index(), (time_index{day(3), day(8)}));
  expect_column(out, "A1", {2, 3});
  expect_column(out, "B1", {10, 11});
  expect_column(out, "B2", {20, NaN});
  // A loses Jan 2, B loses Jan 9.
  EXPECT_EQ(report.dropped_rows, (std::vector<std::size_t>{1, 1}));
}

TEST(AlignPanels, NonOverlappingCalendars) {
  const auto a = panel_a();
  const auto c = make_panel({day(10), day(11)}, {"C1"}, {{7, 8}});
  const auto u = alpha::data::align({a, c});
  EXPECT_EQ(u.index(), (time_index{day(2), day(3), day(8), day(10), day(11)}));
  expect_column(u, "A1", {1, 2, 3, NaN, NaN});
  expect_column(u, "C1", {NaN, NaN, NaN, 7, 8});
  const auto i = alpha::data::align({a, c}, calendar_join::intersection_of_dates);
  EXPECT_EQ(i.rows(), 0u);
  EXPECT_EQ(i.cols(), 2u);
}

TEST(AlignPanels, DuplicateAssetIsAnErrorNamingIt) {
  const auto a = panel_a();
  const auto b = panel_b();
  const auto b2 = make_panel({day(4)}, {"X", "B2"}, {{1}, {2}});
  try {
    (void)alpha::data::align({a, b, b2});
    FAIL() << "duplicate asset accepted";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "B2");
    EXPECT_NE(std::string(e.what()).find("'B2'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("input 1 and in input 2"), std::string::npos) << e.what();
  }
}

namespace {

/// A single-asset OHLCV panel whose bar t has open = base + t, high = open + 1, low = open - 1,
/// close = open + 0.5, volume = 100 + t, and (if with_vwap) vwap = open + 0.25.
ohlcv_panel make_bars(std::vector<timestamp> times, const std::string& asset, double base,
                      bool with_vwap) {
  ohlcv_panel p(time_index(std::move(times)), asset_list{asset}, with_vwap);
  for (Eigen::Index t = 0; t < static_cast<Eigen::Index>(p.rows()); ++t) {
    const double o = base + static_cast<double>(t);
    p.open_values()(t, 0) = o;
    p.high_values()(t, 0) = o + 1;
    p.low_values()(t, 0) = o - 1;
    p.close_values()(t, 0) = o + 0.5;
    p.volume_values()(t, 0) = 100 + static_cast<double>(t);
    if (with_vwap) p.vwap_values()(t, 0) = o + 0.25;
  }
  return p;
}

}  // namespace

TEST(AlignOhlcv, MissingBarIsNaNInEveryFieldAndVwapRules) {
  const auto x = make_bars({day(2), day(3)}, "X", 10, true);
  const auto y = make_bars({day(3), day(4)}, "Y", 50, false);

  const auto out = alpha::data::align({x, y});
  EXPECT_EQ(out.index(), (time_index{day(2), day(3), day(4)}));
  EXPECT_FALSE(out.has_vwap());  // Y has none: dropped by default
  // X: bars of Jan 2 and 3, nothing on Jan 4.  Y: nothing on Jan 2, bars of Jan 3 and 4.
  expect_column(out.open(), "X", {10, 11, NaN});
  expect_column(out.high(), "X", {11, 12, NaN});
  expect_column(out.low(), "X", {9, 10, NaN});
  expect_column(out.close(), "X", {10.5, 11.5, NaN});
  expect_column(out.volume(), "X", {100, 101, NaN});
  expect_column(out.open(), "Y", {NaN, 50, 51});
  expect_column(out.high(), "Y", {NaN, 51, 52});
  expect_column(out.low(), "Y", {NaN, 49, 50});
  expect_column(out.close(), "Y", {NaN, 50.5, 51.5});
  expect_column(out.volume(), "Y", {NaN, 100, 101});

  const auto filled = alpha::data::align({x, y}, calendar_join::union_of_dates,
                                         alpha::data::vwap_merge::nan_fill_missing);
  ASSERT_TRUE(filled.has_vwap());
  expect_column(*filled.vwap(), "X", {10.25, 11.25, NaN});
  expect_column(*filled.vwap(), "Y", {NaN, NaN, NaN});

  const auto z = make_bars({day(3)}, "Z", 70, true);
  const auto both = alpha::data::align({x, z}, calendar_join::intersection_of_dates);
  ASSERT_TRUE(both.has_vwap());  // every input has VWAP
  EXPECT_EQ(both.index(), (time_index{day(3)}));
  expect_column(*both.vwap(), "X", {11.25});
  expect_column(*both.vwap(), "Z", {70.25});
}

TEST(AlignOhlcv, DuplicateAssetIsAnError) {
  const auto x = make_bars({day(2)}, "X", 10, false);
  const auto x2 = make_bars({day(3)}, "X", 20, false);
  EXPECT_THROW((void)alpha::data::align({x, x2}), alpha::data_error);
}

TEST(Reindex, AbsentCellsAreNaNAndDroppedRowsAreReported) {
  const auto b = panel_b();  // Jan 3, 8, 9; B2 is NaN on Jan 8
  const time_index target{day(2), day(3), day(9), day(10)};
  const auto [out, dropped] = alpha::data::reindex(b, target);
  EXPECT_EQ(out.index(), target);
  EXPECT_EQ(out.assets(), b.assets());
  expect_column(out, "B1", {NaN, 10, 12, NaN});
  expect_column(out, "B2", {NaN, 20, 22, NaN});
  // Jan 8 is not in the target: one row dropped; B1 held 11 there, B2 held NaN (nothing lost).
  EXPECT_EQ(dropped.rows, 1u);
  ASSERT_EQ(dropped.cells.size(), 1u);
  EXPECT_EQ(dropped.cells[0], (alpha::data::dropped_cell{"B1", day(8)}));
  EXPECT_FALSE(dropped.empty());
}

TEST(Reindex, AllNaNRowIsCountedButHoldsNoCells) {
  const auto p = make_panel({day(2), day(3)}, {"P", "Q"}, {{NaN, 1}, {NaN, 2}});
  const auto r = alpha::data::reindex(p, time_index{day(3)});
  EXPECT_EQ(r.dropped.rows, 1u);
  EXPECT_TRUE(r.dropped.cells.empty());
  expect_column(r.panel, "P", {1});
  expect_column(r.panel, "Q", {2});
  // Nothing is lost, so even the strict policy accepts it.
  EXPECT_NO_THROW(
      (void)alpha::data::reindex(p, time_index{day(3)}, alpha::data::drop_policy::error));
}

TEST(Reindex, NothingDroppedOntoASuperset) {
  const auto a = panel_a();
  const auto r = alpha::data::reindex(a, time_index{day(1), day(2), day(3), day(8)});
  EXPECT_TRUE(r.dropped.empty());
  expect_column(r.panel, "A1", {NaN, 1, 2, 3});
}

TEST(Reindex, StrictPolicyNamesTheFirstDroppedCell) {
  const auto a = panel_a();
  try {
    (void)alpha::data::reindex(a, time_index{day(3), day(8)}, alpha::data::drop_policy::error);
    FAIL() << "drop accepted";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "A1");
    EXPECT_EQ(e.where().date, "2024-01-02");
    EXPECT_NE(std::string(e.what()).find("asset 'A1', date 2024-01-02"), std::string::npos)
        << e.what();
  }
}

TEST(Reindex, OhlcvKeepsVwapAndReportsBars) {
  const auto x = make_bars({day(2), day(3), day(4)}, "X", 10, true);
  auto shared = std::make_shared<const time_index>(time_index{day(3), day(5)});
  const auto [out, dropped] = alpha::data::reindex(x, shared);
  EXPECT_EQ(out.close().shared_index(), shared);  // the given calendar is shared, not copied
  ASSERT_TRUE(out.has_vwap());
  expect_column(out.open(), "X", {11, NaN});
  expect_column(out.high(), "X", {12, NaN});
  expect_column(out.low(), "X", {10, NaN});
  expect_column(out.close(), "X", {11.5, NaN});
  expect_column(out.volume(), "X", {101, NaN});
  expect_column(*out.vwap(), "X", {11.25, NaN});
  EXPECT_EQ(dropped.rows, 2u);
  EXPECT_EQ(dropped.cells, (std::vector<alpha::data::dropped_cell>{{"X", day(2)}, {"X", day(4)}}));
}
