// Tests of the validation rules and actions: every rule with bad input and a checked message, and
// each action (error, drop, repair, keep) with the report listing every affected cell. Expected
// values are read off the CSV texts written in each test.
#include "alpha/data/validation.hpp"

#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/read_wide.hpp"
#include "alpha/data/validate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using alpha::data::action;
using alpha::data::csv_options;
using alpha::data::csv_source;
using alpha::data::problem_kind;
using alpha::data::read_ohlcv_csv;
using alpha::data::validation_error;
using alpha::data::validation_policy;

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

const std::string header = "date,open,high,low,close,volume\n";
const std::string row1 = "2020-01-01,10,11,9,10.5,100\n";       // line 2
const std::string row2 = "2020-01-02,10.5,12,10,11,200\n";      // line 3 (the one made bad)
const std::string row3 = "2020-01-03,11,11.5,10.5,11.2,300\n";  // line 4

/// A 3-row file "X.csv" whose middle row (line 3, 2020-01-02) is `bad_row`.
csv_source with_middle(const std::string& bad_row) {
  return csv_source{"X.csv", header + row1 + bad_row + "\n" + row3};
}

csv_options with_action(problem_kind k, action a) {
  csv_options opt;
  opt.policy.set(k, a);
  return opt;
}

/// what() of the validation_error thrown by reading `src` with `k` set to error.
std::string error_text(const csv_source& src, problem_kind k) {
  try {
    (void)read_ohlcv_csv(src, with_action(k, action::error));
  } catch (const validation_error& e) {
    EXPECT_GE(e.report().size(), 1u);
    EXPECT_EQ(e.report()[0].kind, k);
    EXPECT_EQ(e.report()[0].taken, action::error);
    return e.what();
  }
  ADD_FAILURE() << "expected a validation_error";
  return {};
}

/// A single-cell rule checked in all four actions. `column` is the 1-based bad column; `keep` the
/// value kept in that field, `repaired` the value after repair.
struct cell_case {
  std::string bad_row;
  problem_kind kind;
  std::size_t column;
  std::string text;     // offending text in the message ("" for a missing value)
  std::string message;  // part of the detail
  double kept;          // value of the field under keep (NaN allowed)
  double repaired;      // value of the field under repair
};

double field(const alpha::ohlcv_panel& px, std::size_t column, std::size_t t) {
  switch (column) {
    case 2:
      return px.open()(t, 0);
    case 3:
      return px.high()(t, 0);
    case 4:
      return px.low()(t, 0);
    case 5:
      return px.close()(t, 0);
    default:
      return px.volume()(t, 0);
  }
}

void check_cell_case(const cell_case& c) {
  SCOPED_TRACE(std::string(alpha::data::to_string(c.kind)));
  const csv_source src = with_middle(c.bad_row);
  // error: names file:line:column, asset, date, text and the rule.
  const std::string msg = error_text(src, c.kind);
  EXPECT_HAS(msg, "X.csv:3:" + std::to_string(c.column));
  EXPECT_HAS(msg, "asset 'X'");
  EXPECT_HAS(msg, "date 2020-01-02");
  EXPECT_HAS(msg, std::string(alpha::data::to_string(c.kind)));
  EXPECT_HAS(msg, c.message);
  if (!c.text.empty()) {
    EXPECT_HAS(msg, "\"" + c.text + "\"");
  }

  // keep: the value stays, one problem reported.
  {
    const auto [px, report] = read_ohlcv_csv(src, with_action(c.kind, action::keep));
    ASSERT_EQ(px.rows(), 3u);
    const double v = field(px, c.column, 1);
    if (std::isnan(c.kept))
      EXPECT_TRUE(std::isnan(v));
    else
      EXPECT_EQ(v, c.kept);
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(report[0].kind, c.kind);
    EXPECT_EQ(report[0].taken, action::keep);
    EXPECT_EQ(report[0].where.line, 3u);
    EXPECT_EQ(report[0].where.column, c.column);
    EXPECT_EQ(report[0].where.date, "2020-01-02");
  }
  // repair: the value is fixed, and the report says so.
  {
    const auto [px, report] = read_ohlcv_csv(src, with_action(c.kind, action::repair));
    ASSERT_EQ(px.rows(), 3u);
    EXPECT_EQ(field(px, c.column, 1), c.repaired);
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(report[0].taken, action::repair);
    EXPECT_HAS(report[0].detail, "repaired");
  }
  // drop: the row is removed from a single-asset file, and reported.
  {
    const auto [px, report] = read_ohlcv_csv(src, with_action(c.kind, action::drop));
    ASSERT_EQ(px.rows(), 2u);
    EXPECT_EQ(px.index()[1].to_iso(), "2020-01-03");
    EXPECT_EQ(px.close()(1, 0), 11.2);
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(report[0].taken, action::drop);
    EXPECT_HAS(report[0].detail, "row removed");
  }
}

}  // namespace

TEST(Validation, MissingValue) {
  check_cell_case({"2020-01-02,10.5,12,10,,200", problem_kind::missing_value, 5, "",
                   "missing value in field 'close'", alpha::nan, 10.5});
}

TEST(Validation, NonNumeric) {
  check_cell_case({"2020-01-02,10.5,12,10,1l.0,200", problem_kind::non_numeric, 5, "1l.0",
                   "text in numeric field 'close' is not a number", alpha::nan, 10.5});
}

TEST(Validation, NonFinite) {
  check_cell_case({"2020-01-02,10.5,inf,10,11,200", problem_kind::non_finite, 3, "inf",
                   "non-finite value inf in field 'high'", INFINITY, 11.0});
}

TEST(Validation, NonPositivePrice) {
  check_cell_case({"2020-01-02,10.5,12,0,11,200", problem_kind::non_positive_price, 4, "0",
                   "non-positive price 0 in field 'low'", 0.0, 9.0});
}

TEST(Validation, NegativeVolume) {
  check_cell_case({"2020-01-02,10.5,12,10,11,-200", problem_kind::negative_volume, 6, "-200",
                   "negative volume -200", -200.0, 100.0});
}

TEST(Validation, HighBelowOpenClose) {
  // high 10.8 < close 11: repair sets high = max(open, high, low, close) = 11.
  check_cell_case({"2020-01-02,10.5,10.8,10,11,200", problem_kind::high_below_open_close, 3, "10.8",
                   "high 10.8 is below max(open, close) = 11", 10.8, 11.0});
}

TEST(Validation, LowAboveOpenClose) {
  // low 10.6 > open 10.5: repair sets low = min(open, high, low, close) = 10.5.
  check_cell_case({"2020-01-02,10.5,12,10.6,11,200", problem_kind::low_above_open_close, 4, "10.6",
                   "low 10.6 is above min(open, close) = 10.5", 10.6, 10.5});
}

TEST(Validation, RepairWithoutEarlierValueIsKeptAndSaysSo) {
  const csv_source src{"F.csv", header + "2020-01-01,10,11,9,,100\n" + row2};
  const auto [px, report] =
      read_ohlcv_csv(src, with_action(problem_kind::missing_value, action::repair));
  EXPECT_TRUE(std::isnan(px.close()(0, 0)));
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].taken, action::keep);
  EXPECT_HAS(report[0].detail, "no earlier value to forward-fill");
}

TEST(Validation, CalendarGapInSingleAssetFile) {
  const csv_source src = with_middle("2020-01-02,NaN,NaN,NaN,NaN,NaN");
  const std::string msg = error_text(src, problem_kind::calendar_gap);
  EXPECT_HAS(msg, "X.csv:3, asset 'X', date 2020-01-02");
  EXPECT_HAS(msg, "between the asset's first bar (2020-01-01) and last bar (2020-01-03)");
  {  // default: keep
    const auto [px, report] = read_ohlcv_csv(src);
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(report[0].kind, problem_kind::calendar_gap);
    EXPECT_EQ(report[0].taken, action::keep);
    EXPECT_TRUE(std::isnan(px.close()(1, 0)));
  }
  {  // repair: a flat bar at the previous close 10.5, volume 0
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::calendar_gap, action::repair));
    EXPECT_EQ(px.open()(1, 0), 10.5);
    EXPECT_EQ(px.high()(1, 0), 10.5);
    EXPECT_EQ(px.low()(1, 0), 10.5);
    EXPECT_EQ(px.close()(1, 0), 10.5);
    EXPECT_EQ(px.volume()(1, 0), 0.0);
    ASSERT_EQ(report.size(), 1u);
    EXPECT_HAS(report[0].detail, "flat bar at the previous close 10.5 from 2020-01-01, volume 0");
  }
  {  // drop: the row is removed
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::calendar_gap, action::drop));
    EXPECT_EQ(px.rows(), 2u);
    ASSERT_EQ(report.size(), 1u);
    EXPECT_EQ(report[0].taken, action::drop);
  }
}

TEST(Validation, CalendarGapInLongFileEveryAction) {
  const csv_source src{"L.csv",
                       "date,symbol,open,high,low,close,volume\n"
                       "2020-01-01,A,10,11,9,10.5,1\n2020-01-01,B,5,6,4,5.5,1\n"
                       "2020-01-02,B,5.5,6,5,5.75,1\n"  // A has no 2020-01-02
                       "2020-01-03,A,11,12,10,11.5,1\n2020-01-03,B,6,7,5,6.5,1\n"};
  csv_options opt = with_action(problem_kind::calendar_gap, action::repair);
  auto [px, report] = alpha::data::read_ohlcv_long_csv(src, opt);
  EXPECT_EQ(px.close()(1, 0), 10.5);
  EXPECT_EQ(px.volume()(1, 0), 0.0);
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].where.asset, "A");
  EXPECT_EQ(report[0].where.date, "2020-01-02");
  opt.policy.set(problem_kind::calendar_gap, action::drop);
  auto dropped = alpha::data::read_ohlcv_long_csv(src, opt);
  EXPECT_EQ(dropped.data.rows(), 3u);  // a panel keeps its calendar: the bar stays NaN
  EXPECT_TRUE(std::isnan(dropped.data.close()(1, 0)));
  EXPECT_EQ(dropped.report[0].taken, action::drop);
  opt.policy.set(problem_kind::calendar_gap, action::error);
  try {
    (void)alpha::data::read_ohlcv_long_csv(src, opt);
    FAIL();
  } catch (const validation_error& e) {
    EXPECT_HAS(std::string(e.what()), "L.csv, asset 'A', date 2020-01-02");
  }
}

TEST(Validation, UnsortedEveryAction) {
  const csv_source src{"U.csv", header + row1 + row3 + row2};  // 01-01, 01-03, 01-02 (line 4)
  const std::string msg = error_text(src, problem_kind::unsorted_timestamp);
  EXPECT_HAS(msg, "U.csv:4:1");
  EXPECT_HAS(msg, "date 2020-01-02 is earlier than 2020-01-03 on line 3");
  EXPECT_HAS(msg, "\"2020-01-02\"");
  {
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::unsorted_timestamp, action::repair));
    ASSERT_EQ(px.rows(), 3u);
    EXPECT_EQ(px.close()(1, 0), 11.0);  // 2020-01-02 sorted into place
    EXPECT_EQ(px.close()(2, 0), 11.2);
    ASSERT_EQ(report.size(), 1u);
    EXPECT_EQ(report[0].where.line, 4u);
    EXPECT_HAS(report[0].detail, "rows sorted");
  }
  {
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::unsorted_timestamp, action::drop));
    ASSERT_EQ(px.rows(), 2u);
    EXPECT_EQ(px.index()[1].to_iso(), "2020-01-03");
    ASSERT_EQ(report.size(), 1u);
    EXPECT_HAS(report[0].detail, "row removed");
  }
  EXPECT_THROW(
      (void)read_ohlcv_csv(src, with_action(problem_kind::unsorted_timestamp, action::keep)),
      alpha::config_error);
}

TEST(Validation, DuplicateEveryAction) {
  const csv_source src{"D.csv", header + row1 + row2 + "2020-01-02,10.5,12,10,11.5,250\n"};
  const std::string msg = error_text(src, problem_kind::duplicate_timestamp);
  EXPECT_HAS(msg, "D.csv:4:1");
  EXPECT_HAS(msg, "date 2020-01-02 repeats line 3");
  {  // repair keeps the first row
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::duplicate_timestamp, action::repair));
    ASSERT_EQ(px.rows(), 2u);
    EXPECT_EQ(px.close()(1, 0), 11.0);
    ASSERT_EQ(report.size(), 1u);
    EXPECT_HAS(report[0].detail, "row removed, line 3 kept");
  }
  {  // drop removes every row of that date, and reports each of them
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::duplicate_timestamp, action::drop));
    ASSERT_EQ(px.rows(), 1u);
    ASSERT_EQ(report.size(), 2u);
    EXPECT_EQ(report[0].where.line, 4u);
    EXPECT_EQ(report[1].where.line, 3u);
    EXPECT_EQ(report.count(problem_kind::duplicate_timestamp, action::drop), 2u);
  }
  EXPECT_THROW(
      (void)read_ohlcv_csv(src, with_action(problem_kind::duplicate_timestamp, action::keep)),
      alpha::config_error);
}

namespace {
/// 25 daily closes alternating 100, 101 (open = high = low = close), with close 200 at row 12
/// (2020-01-13, line 14). Log returns are +-log(1.01); median 0, MAD log(1.01), so the two
/// returns into and out of the spike (|log(200/101)| = 0.683) have z ~ 46.
csv_source spike_file() {
  std::string text = "date,open,high,low,close,volume\n";
  for (int t = 0; t < 25; ++t) {
    const int c = t == 12 ? 200 : (t % 2 == 0 ? 100 : 101);
    text += fmt::format("2020-01-{:02},{},{},{},{},1000\n", t + 1, c, c, c, c);
  }
  return csv_source{"S.csv", text};
}
}  // namespace

TEST(Validation, OutlierEveryAction) {
  const csv_source src = spike_file();
  const std::string msg = error_text(src, problem_kind::outlier_return);
  EXPECT_HAS(msg, "S.csv:14:5");
  EXPECT_HAS(msg, "date 2020-01-13");
  EXPECT_HAS(msg, "close 200: log return");
  EXPECT_HAS(msg, "from the previous close 101 (2020-01-12)");
  EXPECT_HAS(msg, "> 10");
  {  // keep (default): both returns around the spike are reported
    const auto [px, report] = read_ohlcv_csv(src);
    ASSERT_EQ(report.size(), 2u) << report.to_string();
    EXPECT_EQ(report[0].where.date, "2020-01-13");
    EXPECT_EQ(report[1].where.date, "2020-01-14");
    EXPECT_EQ(px.close()(12, 0), 200.0);
    EXPECT_EQ(report.summary(), "2 problems: 2 outlier_return (kept)");
  }
  {  // repair: the bar's prices are forward-filled from 2020-01-12 (101); the next return is 0
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::outlier_return, action::repair));
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(px.close()(12, 0), 101.0);
    EXPECT_EQ(px.open()(12, 0), 101.0);
    EXPECT_EQ(px.high()(12, 0), 101.0);
    EXPECT_EQ(px.low()(12, 0), 101.0);
    EXPECT_EQ(px.volume()(12, 0), 1000.0);
    EXPECT_HAS(report[0].detail, "prices forward-filled from 2020-01-12");
  }
  {  // drop: the row is removed
    const auto [px, report] =
        read_ohlcv_csv(src, with_action(problem_kind::outlier_return, action::drop));
    ASSERT_EQ(report.size(), 1u) << report.to_string();
    EXPECT_EQ(px.rows(), 24u);
    EXPECT_EQ(px.index()[12].to_iso(), "2020-01-14");
  }
  {  // a higher threshold sees nothing; too few returns disables the rule
    csv_options opt;
    opt.policy.outlier_threshold = 50;
    EXPECT_TRUE(read_ohlcv_csv(src, opt).report.empty());
    opt.policy.outlier_threshold = 10;
    opt.policy.outlier_min_returns = 30;
    EXPECT_TRUE(read_ohlcv_csv(src, opt).report.empty());
  }
}

TEST(Validation, ErrorIsThrownAfterScanningEverything) {
  // Two non-numeric cells and one missing value: the first error is thrown, with the rest counted.
  const csv_source src{"M.csv", header + row1 + "2020-01-02,10.5,x,10,11,200\n" +
                                    "2020-01-03,11,11.5,10.5,,300\n" +
                                    "2020-01-04,11,11.5,10.5,y,300\n"};
  try {
    (void)read_ohlcv_csv(src);
    FAIL();
  } catch (const validation_error& e) {
    const std::string msg = e.what();
    EXPECT_HAS(msg, "M.csv:3:3");
    EXPECT_HAS(msg, "\"x\"");
    EXPECT_HAS(msg, "2 other problems found");
    EXPECT_HAS(msg, "3 problems: 1 missing_value (kept), 2 non_numeric (error)");
    EXPECT_EQ(e.where().line, 3u);
    ASSERT_EQ(e.report().size(), 3u);
    EXPECT_EQ(e.report()[2].where.line, 5u);
    EXPECT_EQ(e.report()[2].where.text, "y");
    EXPECT_EQ(e.report().count(problem_kind::non_numeric), 2u);
    EXPECT_EQ(e.report().count(action::error), 2u);
  }
}

TEST(Validation, EveryRepairedCellIsReported) {
  // Three bad cells in two rows, all repaired: three entries naming each cell.
  const csv_source src{
      "R.csv", header + row1 + "2020-01-02,10.5,12,10,,-1\n" + "2020-01-03,11,11.5,NaN,11.2,300\n"};
  const auto [px, report] = read_ohlcv_csv(src, {.policy = validation_policy::repair_all()});
  ASSERT_EQ(report.size(), 3u) << report.to_string();
  EXPECT_EQ(report[0].where.column, 5u);  // close of 2020-01-02 -> 10.5
  EXPECT_EQ(report[1].where.column, 6u);  // volume of 2020-01-02 -> 100
  EXPECT_EQ(report[2].where.column, 4u);  // low of 2020-01-03 -> 10
  EXPECT_EQ(px.close()(1, 0), 10.5);
  EXPECT_EQ(px.volume()(1, 0), 100.0);
  EXPECT_EQ(px.low()(2, 0), 10.0);
  EXPECT_EQ(report.count(action::repair), 3u);
  EXPECT_EQ(report.summary(),
            "3 problems: 2 missing_value (repaired), 1 negative_volume (repaired)");
}

TEST(Validation, ReportText) {
  const csv_source src{
      "T.csv", header + row1 + "2020-01-02,10.5,12,10,,200\n" + "2020-01-03,11,11.5,10.5,11.2,\n"};
  const auto [px, report] = read_ohlcv_csv(src);
  const std::string text = report.to_string(1);
  EXPECT_HAS(text, "2 problems: 2 missing_value (kept)\n");
  EXPECT_HAS(text,
             "  missing_value (kept) at T.csv:3:5, asset 'T', date 2020-01-02: missing "
             "value in field 'close'");
  EXPECT_HAS(text, "\n  ... and 1 more");
  EXPECT_EQ(fmt::format("{}", report), report.to_string());
  EXPECT_EQ(alpha::data::validation_report{}.summary(), "no problems");
  EXPECT_EQ(fmt::format("{} {}", problem_kind::calendar_gap, action::repair),
            "calendar_gap repair");
}

TEST(Validation, PolicyPresetsAndCheck) {
  const validation_policy def;
  EXPECT_EQ(def[problem_kind::non_numeric], action::error);
  EXPECT_EQ(def[problem_kind::high_below_open_close], action::error);
  EXPECT_EQ(def[problem_kind::missing_value], action::keep);
  EXPECT_EQ(def[problem_kind::calendar_gap], action::keep);
  EXPECT_EQ(def[problem_kind::outlier_return], action::keep);
  EXPECT_EQ(validation_policy::strict()[problem_kind::missing_value], action::error);
  EXPECT_EQ(validation_policy::repair_all()[problem_kind::outlier_return], action::repair);
  const auto ro = validation_policy::report_only();
  EXPECT_EQ(ro[problem_kind::non_numeric], action::keep);
  EXPECT_EQ(ro[problem_kind::unsorted_timestamp], action::repair);
  EXPECT_NO_THROW(ro.check());
  validation_policy bad;
  bad.outlier_threshold = 0;
  EXPECT_THROW(bad.check(), alpha::config_error);
}

// ---- validate() on loaded panels ----

namespace {
alpha::ohlcv_panel small_panel() {
  // 2 assets x 4 dates; A: bar 1 has close NaN only (missing_value); bar 2 all NaN (gap).
  // B: NaN before its first bar (not a problem). Volume all NaN: treated as absent.
  std::vector<alpha::timestamp> d;
  for (unsigned k = 1; k <= 4; ++k) d.push_back(*alpha::timestamp::from_date(2020, 1, k));
  alpha::ohlcv_panel px(alpha::time_index(d), alpha::asset_list{"A", "B"});
  const double o[4] = {10, 10.5, alpha::nan, 11};
  const double c[4] = {10.5, alpha::nan, alpha::nan, 11.5};
  for (std::size_t t = 0; t < 4; ++t) {
    const auto ti = static_cast<Eigen::Index>(t);
    px.open_values()(ti, 0) = o[t];
    px.high_values()(ti, 0) = std::isnan(o[t]) ? alpha::nan : 12;
    px.low_values()(ti, 0) = std::isnan(o[t]) ? alpha::nan : 9;
    px.close_values()(ti, 0) = c[t];
    if (t >= 2) {
      px.open_values()(ti, 1) = px.high_values()(ti, 1) = px.low_values()(ti, 1) =
          px.close_values()(ti, 1) = 5;
    }
  }
  return px;
}
}  // namespace

TEST(Validate, OhlcvPanelRulesAndActions) {
  {
    alpha::ohlcv_panel px = small_panel();
    const auto report = alpha::data::validate(px);
    ASSERT_EQ(report.size(), 2u) << report.to_string();
    EXPECT_EQ(report[0].kind, problem_kind::missing_value);
    EXPECT_EQ(report[0].where.to_string(), "asset 'A', date 2020-01-02");
    EXPECT_EQ(report[1].kind, problem_kind::calendar_gap);
    EXPECT_EQ(report[1].where.date, "2020-01-03");
  }
  {
    alpha::ohlcv_panel px = small_panel();
    const auto report = alpha::data::validate(px, validation_policy::repair_all());
    ASSERT_EQ(report.size(), 2u);
    EXPECT_EQ(px.close()(1, 0), 10.5);  // forward-filled
    EXPECT_EQ(px.close()(2, 0), 10.5);  // flat bar at the previous (repaired) close
    EXPECT_EQ(px.high()(2, 0), 10.5);
    EXPECT_TRUE(std::isnan(px.volume()(2, 0)));  // volume is absent: left alone
    EXPECT_TRUE(std::isnan(px.close()(0, 1)));   // B before its first bar: untouched
  }
  {
    alpha::ohlcv_panel px = small_panel();
    const auto report = alpha::data::validate(
        px, validation_policy{}.set(problem_kind::missing_value, action::drop));
    EXPECT_TRUE(std::isnan(px.open()(1, 0)));  // the whole bar blanked
    EXPECT_EQ(px.rows(), 4u);                  // calendar unchanged
    EXPECT_EQ(report[0].taken, action::drop);
    EXPECT_HAS(report[0].detail, "bar blanked to NaN");
  }
  {  // error: strong guarantee, the panel is unchanged
    alpha::ohlcv_panel px = small_panel();
    validation_policy p = validation_policy::repair_all();
    p.set(problem_kind::calendar_gap, action::error);
    EXPECT_THROW((void)alpha::data::validate(px, p), validation_error);
    EXPECT_TRUE(std::isnan(px.close()(1, 0)));
  }
}

TEST(Validate, ClosePanel) {
  std::vector<alpha::timestamp> d;
  for (unsigned k = 1; k <= 4; ++k) d.push_back(*alpha::timestamp::from_date(2020, 2, k));
  alpha::panel<double> p(alpha::time_index(d), alpha::asset_list{"A"});
  p(0, 0) = 1;
  p(1, 0) = -2;
  p(3, 0) = 3;  // row 2 is NaN: a gap
  try {
    (void)alpha::data::validate(p);
    FAIL();
  } catch (const validation_error& e) {
    EXPECT_HAS(std::string(e.what()),
               "asset 'A', date 2020-02-02: non_positive_price: non-positive price -2 in field "
               "'close'");
    EXPECT_HAS(std::string(e.what()), "(offending text: \"-2\")");
    EXPECT_EQ(e.report().count(problem_kind::calendar_gap), 1u);
  }
  const auto report = alpha::data::validate(p, validation_policy::repair_all());
  EXPECT_EQ(p(1, 0), 1.0);
  EXPECT_EQ(p(2, 0), 1.0);
  EXPECT_EQ(report.size(), 2u);
}

TEST(Validate, WideReaderCellLocations) {
  const csv_source src{"W.csv", "date,A,B\n2020-01-01,1,2\n2020-01-02,1.5,oops\n2020-01-03,2,3\n"};
  try {
    (void)alpha::data::read_wide_csv(src);
    FAIL();
  } catch (const validation_error& e) {
    EXPECT_HAS(std::string(e.what()), "W.csv:3:3, asset 'B', date 2020-01-02");
    EXPECT_HAS(std::string(e.what()), "\"oops\"");
  }
  const auto [px, report] =
      alpha::data::read_wide_csv(src, with_action(problem_kind::non_numeric, action::repair));
  EXPECT_EQ(px(1, 1), 2.0);
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].where.column, 3u);
}
