// Tests of alpha::timestamp parsing and ISO formatting. Expected epoch values are worked out by
// hand in the comments (days since 1970-01-01 x 86400 s).
#include "alpha/core/timestamp.hpp"

#include <gtest/gtest.h>

using alpha::parse_timestamp;
using alpha::time_format;
using alpha::timestamp;

namespace {
constexpr std::int64_t day_us = 86'400'000'000;
}

TEST(Timestamp, DateFormsAgree) {
  // 2000-01-03 is day 10959 after the epoch (30 years incl. 7 leap days = 10957, +2).
  const auto iso = parse_timestamp("2000-01-03");
  ASSERT_TRUE(iso);
  EXPECT_EQ(iso->micros(), 10959 * day_us);
  EXPECT_EQ(parse_timestamp("20000103"), iso);
  EXPECT_EQ(parse_timestamp("946857600"), iso);     // epoch seconds = 10959 * 86400
  EXPECT_EQ(parse_timestamp("946857600000"), iso);  // epoch milliseconds
  EXPECT_EQ(parse_timestamp("2000-01-03T00:00:00Z"), iso);
  EXPECT_TRUE(iso->is_midnight());
  EXPECT_EQ(iso->to_iso(), "2000-01-03");
}

TEST(Timestamp, IntradayAndOffsets) {
  const auto t = parse_timestamp("2020-03-09 14:30:15.25");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->is_midnight());
  EXPECT_EQ(t->to_iso(), "2020-03-09T14:30:15.250000");
  // 09:30-05:00 local is 14:30 UTC.
  EXPECT_EQ(parse_timestamp("2020-03-09T09:30-05:00"), parse_timestamp("2020-03-09T14:30:00"));
  EXPECT_EQ(parse_timestamp("2020-03-09T16:30+0200"), parse_timestamp("2020-03-09T14:30"));
  EXPECT_EQ(parse_timestamp("2020-03-09T14:30")->to_iso(), "2020-03-09T14:30:00");
  // epoch seconds with a fraction: 1.5 s after the epoch.
  EXPECT_EQ(parse_timestamp("1.5", time_format::epoch_seconds)->micros(), 1'500'000);
}

TEST(Timestamp, RejectsInvalidText) {
  for (const char* bad : {"", "2021-02-29", "2020-13-01", "2020-1-01", "abc", "2020-01-01X",
                          "2020-01-01T25:00", "20201301", "12/31/2020", "2020-01-01T10:00+25:00"})
    EXPECT_FALSE(parse_timestamp(bad)) << bad;
  EXPECT_FALSE(parse_timestamp("2020-01-01", time_format::yyyymmdd));
  EXPECT_TRUE(parse_timestamp("2020-02-29"));  // leap year
}

TEST(Timestamp, BeforeEpochAndOrdering) {
  const auto t = parse_timestamp("1969-12-31T23:59:59");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->micros(), -1'000'000);
  EXPECT_EQ(t->to_iso(), "1969-12-31T23:59:59");
  EXPECT_LT(*t, timestamp{0});
  EXPECT_EQ(timestamp::from_date(1970, 1, 2)->micros(), day_us);
  EXPECT_FALSE(timestamp::from_date(2023, 2, 29));
}
