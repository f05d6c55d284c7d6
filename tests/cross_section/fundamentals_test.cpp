// Fundamentals reader and point-in-time join: hand-made CSV texts (every error case), joins
// worked out by hand on a 10-day calendar, a naive as-of scan over random records, and the
// no-look-ahead property (changing records available after a date leaves earlier bars unchanged).
#include "alpha/features/cross_section/fundamentals.hpp"

#include "alpha/data/point_in_time.hpp"
#include "alpha/data/read_fundamentals.hpp"

#include "cross_section/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace data = alpha::data;
using alpha_test::xs::expect_rows;
using alpha_test::xs::near;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

data::fundamentals read(const std::string& text) {
  return data::read_fundamentals_csv(data::csv_source{"f.csv", text});
}

// The data_error message of reading `text`, or "" if it reads.
std::string error_of(const std::string& text) {
  try {
    (void)read(text);
  } catch (const alpha::data_error& e) {
    return e.what();
  }
  return "";
}

alpha::timestamp day(int y, unsigned m, unsigned d) {
  return *alpha::timestamp::from_date(y, m, d);
}

// A 10-day calendar 2020-01-01..2020-01-10 and assets A0, A1, A2.
alpha::panel<double> frame() {
  return alpha::panel<double>(alpha_test::xs::days(10), alpha_test::xs::assets(3));
}

const char* const hand_file =
    "Ticker,Field,Value,Available_Date,comment\n"
    "A0,eps_surprise,1.0,2020-01-03,q4\n"
    "A0,eps_surprise,2.0,2020-01-07,q1\n"
    "A1,eps_surprise,5,2019-12-15,early\n"
    "A1,eps_surprise,6,2019-12-20,early2\n"
    "A1,eps_surprise,NA,2020-01-05,missing\n"
    "A2,eps_surprise,9,2020-01-20,late\n"
    "ZZZ,eps_surprise,3,2020-01-02,unknown\n"
    "A0,pe,15.5,2020-01-01,x\n"
    "A1,pe,-3e1,2020-01-02,x\n";

}  // namespace

TEST(ReadFundamentals, ParsesAliasesOrderAndMissingValues) {
  const data::fundamentals f = read(hand_file);
  ASSERT_EQ(f.size(), 9u);
  EXPECT_EQ(f.fields(), (std::vector<std::string>{"eps_surprise", "pe"}));
  const auto pe = f.field("pe");
  ASSERT_EQ(pe.size(), 2u);
  EXPECT_EQ(pe[0].symbol, "A0");
  EXPECT_EQ(pe[0].value, 15.5);
  EXPECT_EQ(pe[1].value, -30.0);
  EXPECT_EQ(pe[1].line, 10u);
  EXPECT_EQ(pe[1].available, day(2020, 1, 2));
  const auto eps = f.field("eps_surprise");
  ASSERT_EQ(eps.size(), 7u);
  EXPECT_TRUE(std::isnan(eps[4].value));  // A1 2020-01-05 "NA" (sorted: A0 x2, A1 x3)
  EXPECT_TRUE(f.field("roe").empty());
}

TEST(ReadFundamentals, Errors) {
  const std::string head = "symbol,available_date,field,value\n";
  std::string m = error_of(head + "A,2020-01-02,roe,1\nB,2020-01-02,roe,2\nA,2020-01-02,roe,3\n");
  EXPECT_NE(m.find("duplicate fundamental"), std::string::npos) << m;
  EXPECT_NE(m.find("lines 2 and 4"), std::string::npos) << m;
  EXPECT_NE(m.find("f.csv:4"), std::string::npos) << m;
  m = error_of(head + "A,2020-01-02,roe,abc\n");
  EXPECT_NE(m.find("f.csv:2:4"), std::string::npos) << m;
  EXPECT_NE(m.find("abc"), std::string::npos) << m;
  EXPECT_NE(error_of(head + "A,2020-01-02,roe,inf\n").find("not a finite number"),
            std::string::npos);
  EXPECT_NE(error_of(head + "A,2020-01-02,,1\n").find("f.csv:2:3"), std::string::npos);
  EXPECT_NE(error_of(head + "A,2020-13-02,roe,1\n").find("f.csv:2:2"), std::string::npos);
  EXPECT_NE(error_of(head + ",2020-01-02,roe,1\n").find("empty asset id"), std::string::npos);
  EXPECT_NE(error_of(head + "A,2020-01-02,roe\n").find("truncated"), std::string::npos);
  EXPECT_NE(error_of(head).find("no data rows"), std::string::npos);
  EXPECT_NE(error_of("").find("empty file"), std::string::npos);
  // A period-end "report_date" is not an availability date: missing column.
  m = error_of("symbol,report_date,field,value\nA,2020-01-02,roe,1\n");
  EXPECT_NE(m.find("missing required column 'available_date'"), std::string::npos) << m;
  EXPECT_THROW((void)data::read_fundamentals_csv(std::filesystem::path("/nonexistent/f.csv")),
               alpha::data_error);
}

TEST(PointInTime, HandJoin) {
  const data::fundamentals f = read(hand_file);
  const alpha::panel<double> like = frame();
  // A0: NaN before 01-03 (bars 0, 1), 1.0 on bars 2..5 (01-03..01-06), 2.0 from bar 6 (01-07).
  // A1: 6 (the later of the two pre-start reports) on bars 0..3, NaN from 01-05 (reported NA).
  // A2: its only record is after the calendar: NaN.
  const auto p = data::point_in_time(f, "eps_surprise", like);
  ASSERT_TRUE(p.values.same_shape(like));
  std::vector<std::vector<double>> expected(10, std::vector<double>(3, NaN));
  for (std::size_t t = 2; t < 6; ++t) expected[t][0] = 1.0;
  for (std::size_t t = 6; t < 10; ++t) expected[t][0] = 2.0;
  for (std::size_t t = 0; t < 4; ++t) expected[t][1] = 6.0;
  expect_rows(p.values, expected, 0);
  ASSERT_EQ(p.report.initial_from_before_start.size(), 1u);
  EXPECT_EQ(p.report.initial_from_before_start[0].value, 6.0);
  ASSERT_EQ(p.report.superseded.size(), 1u);
  EXPECT_EQ(p.report.superseded[0].value, 5.0);
  ASSERT_EQ(p.report.after_end.size(), 1u);
  EXPECT_EQ(p.report.after_end[0].symbol, "A2");
  EXPECT_EQ(p.report.unknown_symbols, std::vector<std::string>{"ZZZ"});

  // lag = 1: every start moves one bar later (A1's pre-start value from bar 1).
  const auto lagged = data::point_in_time(f, "eps_surprise", like, {.lag = 1});
  for (std::size_t t = 0; t < 10; ++t) {
    EXPECT_TRUE(near(lagged.values(t, 0), t >= 1 ? expected[t - 1][0] : NaN, 0)) << t;
    EXPECT_TRUE(near(lagged.values(t, 1), t >= 1 ? expected[t - 1][1] : NaN, 0)) << t;
  }
  // max_age 2 days: A0's 01-03 value is 3 days old on 01-06 (bar 5) -> NaN; A1's 12-20 value
  // is 12+ days old on every bar -> NaN.
  const auto fresh =
      data::point_in_time(f, "eps_surprise", like, {.max_age = std::chrono::days(2)});
  EXPECT_EQ(fresh.values(4, 0), 1.0);
  EXPECT_TRUE(std::isnan(fresh.values(5, 0)));
  EXPECT_EQ(fresh.values(8, 0), 2.0);
  for (std::size_t t = 0; t < 10; ++t) EXPECT_TRUE(std::isnan(fresh.values(t, 1)));

  EXPECT_THROW((void)data::point_in_time(f, "roe", like), alpha::data_error);
  EXPECT_THROW((void)data::point_in_time(f, "pe", like, {.max_age = std::chrono::days(-1)}),
               alpha::config_error);
}

namespace {

// Random records: 6 symbols (A0..A4 in the panel, X9 not), 3 fields, dates spread around a
// 60-day calendar starting 2020-01-01 (some before, some after), values with a few NaN.
std::vector<data::fundamental_record> random_records(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> offset(-20, 75), pick(0, 5), field(0, 2);
  std::normal_distribution<double> g;
  std::vector<data::fundamental_record> out;
  const char* const fields[] = {"roe", "pb", "debt_to_equity"};
  std::set<std::tuple<int, int, int>> seen;
  for (int i = 0; i < 300; ++i) {
    const int s = pick(rng), fl = field(rng), o = offset(rng);
    if (!seen.insert({s, fl, o}).second) continue;
    std::string sym = s == 5 ? std::string("X9") : std::string(1, 'A') + std::to_string(s);
    out.push_back({sym,
                   day(2020, 1, 1) +
                       std::chrono::duration_cast<alpha::timestamp::duration>(std::chrono::days(o)),
                   fields[fl], i % 17 == 0 ? NaN : g(rng), static_cast<std::size_t>(i + 2)});
  }
  return out;
}

}  // namespace

TEST(PointInTime, NaiveAsOfScanAndNoLookAhead) {
  const alpha::panel<double> like(alpha_test::xs::days(60), alpha_test::xs::assets(5));
  const std::vector<data::fundamental_record> recs = random_records(7);
  const data::fundamentals f(recs);
  for (const std::string field : {"roe", "pb", "debt_to_equity"}) {
    const auto p = data::point_in_time(f, field, like);
    // Naive: for each bar and asset, scan every record for the latest available <= bar.
    for (std::size_t t = 0; t < 60; ++t)
      for (std::size_t j = 0; j < 5; ++j) {
        const data::fundamental_record* best = nullptr;
        for (const auto& r : recs)
          if (r.field == field && r.symbol == like.assets()[j] && r.available <= like.index()[t] &&
              (!best || r.available > best->available))
            best = &r;
        EXPECT_TRUE(near(p.values(t, j), best ? best->value : NaN, 0)) << field << t << j;
      }
    // No look-ahead: rewrite (values and dates of) every record available after bar k; bars
    // 0..k must not move.
    for (const std::size_t k : {0u, 17u, 42u}) {
      std::vector<data::fundamental_record> changed;
      for (auto r : recs) {
        if (r.available > like.index()[k]) {
          r.value = 1e6;
          r.available = r.available + std::chrono::hours(24 * 3);
          changed.push_back(r);
          r.available = like.index()[k] + std::chrono::hours(24);  // a new report at k + 1
          changed.push_back(r);
        } else {
          changed.push_back(r);
        }
      }
      std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) {
        return std::tie(a.field, a.symbol, a.available) < std::tie(b.field, b.symbol, b.available);
      });
      changed.erase(std::unique(changed.begin(), changed.end(),
                                [](const auto& a, const auto& b) {
                                  return a.field == b.field && a.symbol == b.symbol &&
                                         a.available == b.available;
                                }),
                    changed.end());
      const auto q = data::point_in_time(data::fundamentals(changed), field, like);
      for (std::size_t t = 0; t <= k; ++t)
        for (std::size_t j = 0; j < 5; ++j)
          EXPECT_TRUE(near(q.values(t, j), p.values(t, j), 0)) << field << " bar " << t;
    }
  }
}

TEST(PointInTime, FundamentalZscores) {
  const alpha::panel<double> like(alpha_test::xs::days(60), alpha_test::xs::assets(5));
  const data::fundamentals f(random_records(9));
  const auto feats = alpha::features::cross_section::fundamental_zscores(f, like);
  ASSERT_EQ(feats.size(), 3u);
  EXPECT_EQ(feats[0].field, "debt_to_equity");  // sorted field names
  for (const auto& ft : feats) {
    const auto p = data::point_in_time(f, ft.field, like);
    alpha_test::xs::expect_panels(ft.values, p.values, 0);
    for (std::size_t t = 0; t < 60; ++t) {  // naive z-score (ddof 1, >= 2 values)
      long double s = 0, q = 0;
      std::size_t n = 0;
      for (std::size_t j = 0; j < 5; ++j)
        if (std::isfinite(p.values(t, j))) s += p.values(t, j), ++n;
      const long double m = n ? s / n : 0;
      for (std::size_t j = 0; j < 5; ++j)
        if (std::isfinite(p.values(t, j))) q += (p.values(t, j) - m) * (p.values(t, j) - m);
      const long double sd = n > 1 ? std::sqrt(q / (n - 1)) : 0;
      for (std::size_t j = 0; j < 5; ++j) {
        const double e = n >= 2 && sd > 0 && std::isfinite(p.values(t, j))
                             ? static_cast<double>((p.values(t, j) - m) / sd)
                             : NaN;
        EXPECT_TRUE(near(ft.zscore(t, j), e, 1e-13));
      }
    }
  }
}
