// Panels and bar series compose with range-v3 (the library's range dependency) and std::ranges.
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"

#include <gtest/gtest.h>
#include <range/v3/algorithm/max_element.hpp>
#include <range/v3/numeric/accumulate.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/sliding.hpp>
#include <range/v3/view/transform.hpp>
#include <range/v3/view/zip.hpp>

#include <ranges>
#include <vector>

namespace {
alpha::panel<double> two_assets() {
  alpha::panel<double> p(alpha::time_index{*alpha::timestamp::from_date(2021, 3, 1),
                                           *alpha::timestamp::from_date(2021, 3, 2),
                                           *alpha::timestamp::from_date(2021, 3, 3)},
                         alpha::asset_list{"X", "Y"});
  p.values() << 100, 50,  //
      110, 40,            //
      99, 60;
  return p;
}
}  // namespace

TEST(Ranges, SeriesAreRangeV3Ranges) {
  const auto p = two_assets();
  // Simple returns of X by sliding pairs: 110/100-1 = 0.1, 99/110-1 = -0.1.
  const auto returns = p.series("X") | ranges::views::sliding(2) |
                       ranges::views::transform([](auto w) { return w[1] / w[0] - 1.0; }) |
                       ranges::to<std::vector>();
  ASSERT_EQ(returns.size(), 2u);
  EXPECT_NEAR(returns[0], 0.1, 1e-15);
  EXPECT_NEAR(returns[1], -0.1, 1e-15);
  // Spread X - Y by zipping two contiguous series: 50, 70, 39.
  const auto spread = ranges::views::zip(p.series(0), p.series(1)) |
                      ranges::views::transform([](auto xy) { return xy.first - xy.second; }) |
                      ranges::to<std::vector>();
  EXPECT_EQ(spread, (std::vector<double>{50, 70, 39}));
}

TEST(Ranges, AllSeriesAndBarsAreStdRanges) {
  const auto p = two_assets();
  std::vector<double> sums;
  for (const auto s : p.all_series()) sums.push_back(ranges::accumulate(s, 0.0));
  EXPECT_EQ(sums, (std::vector<double>{309, 150}));
  static_assert(std::ranges::random_access_range<decltype(p.all_series())>);

  alpha::ohlcv_panel px(p.shared_index(), p.shared_assets());
  px.close_values() = p.values();
  px.high_values() = p.values() + 1;
  const auto bars = px.asset("Y").bars();
  static_assert(std::ranges::random_access_range<decltype(bars)>);
  const auto best = ranges::max_element(bars, {}, [](const alpha::bar& b) { return b.high; });
  EXPECT_EQ((*best).high, 61.0);
  EXPECT_EQ((*best).time, *alpha::timestamp::from_date(2021, 3, 3));
}
