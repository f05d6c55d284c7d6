// Tests of the CSV readers: formats, column aliases, date formats, options, and every structural
// error with its file:line:column message. Expected values are the inputs written below.
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/read_wide.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using alpha::data::csv_options;
using alpha::data::csv_source;
using alpha::data::problem_kind;
using alpha::data::read_ohlcv_csv;
using alpha::data::read_ohlcv_long_csv;
using alpha::data::read_wide_csv;

/// what() of the data_error thrown by `f`, or a test failure.
template <class F>
std::string data_error_of(F&& f) {
  try {
    (void)f();
  } catch (const alpha::data_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a data_error";
  return {};
}

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

alpha::timestamp day(int y, unsigned m, unsigned d) {
  return *alpha::timestamp::from_date(y, m, d);
}

}  // namespace

TEST(CsvRead, SingleAssetBasic) {
  const csv_source src{"data/AAPL.csv",
                       "Date,Open,High,Low,Close,Volume\n"
                       "2020-01-02,10,11,9,10.5,1000\n"
                       "2020-01-03,10.5,12,10,11.25,2000\n"};
  const auto [px, report] = read_ohlcv_csv(src);
  EXPECT_TRUE(report.empty()) << report.to_string();
  ASSERT_EQ(px.rows(), 2u);
  ASSERT_EQ(px.cols(), 1u);
  EXPECT_EQ(px.assets()[0], "AAPL");  // the file stem
  EXPECT_EQ(px.index()[0], day(2020, 1, 2));
  EXPECT_EQ(px.index()[1], day(2020, 1, 3));
  EXPECT_EQ(px.open()(0, 0), 10.0);
  EXPECT_EQ(px.high()(1, 0), 12.0);
  EXPECT_EQ(px.low()(1, 0), 10.0);
  EXPECT_EQ(px.close()(1, 0), 11.25);
  EXPECT_EQ(px.volume()(0, 0), 1000.0);
  EXPECT_FALSE(px.has_vwap());
}

TEST(CsvRead, ColumnOrderAliasesExtraColumnsAndAssetOption) {
  const csv_source src{"x.csv",
                       "V,c,note,L,H,O,Timestamp,VWAP\n"
                       "100,2.5,hello,2,3,2.25,2021-03-04,2.4\n"};
  csv_options opt;
  opt.asset = "XYZ";
  const auto [px, report] = read_ohlcv_csv(src, opt);
  EXPECT_TRUE(report.empty()) << report.to_string();
  EXPECT_EQ(px.assets()[0], "XYZ");
  EXPECT_EQ(px.index()[0], day(2021, 3, 4));
  EXPECT_EQ(px.open()(0, 0), 2.25);
  EXPECT_EQ(px.high()(0, 0), 3.0);
  EXPECT_EQ(px.low()(0, 0), 2.0);
  EXPECT_EQ(px.close()(0, 0), 2.5);
  EXPECT_EQ(px.volume()(0, 0), 100.0);
  ASSERT_TRUE(px.has_vwap());
  EXPECT_EQ((*px.vwap())(0, 0), 2.4);
}

TEST(CsvRead, CloseVersusAdjustedClose) {
  const csv_source src{"s.csv",
                       "date,open,high,low,close,Adj Close,volume\n"
                       "2020-01-02,10,11,9,10.5,5.25,1\n"};
  EXPECT_EQ(read_ohlcv_csv(src).data.close()(0, 0), 10.5);  // default: close
  csv_options opt;
  opt.prefer_adjusted = true;
  EXPECT_EQ(read_ohlcv_csv(src, opt).data.close()(0, 0), 5.25);
  // Only an adjusted column: used whatever the option.
  const csv_source adj_only{"a.csv",
                            "date,open,high,low,adjclose,volume\n2020-01-02,10,11,4,5.25,1\n"};
  EXPECT_EQ(read_ohlcv_csv(adj_only).data.close()(0, 0), 5.25);
}

TEST(CsvRead, DateFormats) {
  const csv_source compact{"c.csv", "date,close\n20200102,1\n20200103,2\n"};
  const auto w = read_wide_csv(compact).data;
  EXPECT_EQ(w.index()[1], day(2020, 1, 3));
  EXPECT_EQ(w.assets()[0], "close");
  const csv_source epoch{"e.csv", "time,A\n1577923200,1\n1578009600,2\n"};  // 2020-01-02, -03
  EXPECT_EQ(read_wide_csv(epoch).data.index()[0], day(2020, 1, 2));
  const csv_source epoch_ms{"m.csv", "time,A\n1577923200000,1\n"};
  EXPECT_EQ(read_wide_csv(epoch_ms).data.index()[0], day(2020, 1, 2));
  const csv_source iso_time{"i.csv", "datetime,A\n2020-01-02T14:30:00Z,1\n"};
  EXPECT_EQ(read_wide_csv(iso_time).data.index()[0].to_iso(), "2020-01-02T14:30:00");
  // Forcing a format rejects the others, naming the expected one.
  csv_options opt;
  opt.dates = alpha::time_format::yyyymmdd;
  const std::string msg = data_error_of([&] {
    return read_wide_csv(csv_source{"f.csv", "date,A\n2020-01-02,1\n"}, opt);
  });
  EXPECT_HAS(msg, "f.csv:2:1");
  EXPECT_HAS(msg, "YYYYMMDD");
  EXPECT_HAS(msg, "\"2020-01-02\"");
}

TEST(CsvRead, MissingVolumeColumn) {
  const csv_source src{"vix.csv", "date,open,high,low,close\n2009-06-01,28.7,30.05,28.45,30.04\n"};
  const std::string msg = data_error_of([&] { return read_ohlcv_csv(src); });
  EXPECT_HAS(msg, "vix.csv:1");
  EXPECT_HAS(msg, "missing required column 'volume'");
  EXPECT_HAS(msg, "require_volume");
  EXPECT_HAS(msg, "header found: date,open,high,low,close");
  csv_options opt;
  opt.require_volume = false;
  const auto [px, report] = read_ohlcv_csv(src, opt);
  EXPECT_TRUE(report.empty()) << report.to_string();  // the absent volume is not validated
  EXPECT_TRUE(std::isnan(px.volume()(0, 0)));
  EXPECT_EQ(px.close()(0, 0), 30.04);
}

TEST(CsvRead, OtherDelimiterAndQuotes) {
  const csv_source src{"semi.csv", "date;close\n2020-01-02;\"1.5\"\n"};
  csv_options opt;
  opt.delimiter = ';';
  EXPECT_EQ(read_wide_csv(src, opt).data(0, 0), 1.5);
  const std::string msg = data_error_of([&] { return read_wide_csv(src); });
  EXPECT_HAS(msg, "semi.csv:1:1");
  EXPECT_HAS(msg, "delimited by ';'");
}

TEST(CsvRead, ByteOrderMarkAndCrLf) {
  const csv_source src{"bom.csv",
                       "\xEF\xBB\xBF"
                       "Date,AAA\r\n2020-01-02,1.5\r\n2020-01-03,2\r\n"};
  const auto [px, report] = read_wide_csv(src);
  EXPECT_TRUE(report.empty()) << report.to_string();
  ASSERT_EQ(px.rows(), 2u);
  EXPECT_EQ(px.assets()[0], "AAA");
  EXPECT_EQ(px(1, 0), 2.0);
}

TEST(CsvRead, ReportOnlyNeverThrowsAndListsEverything) {
  const csv_source src{"r.csv",
                       "date,open,high,low,close,volume\n"
                       "2020-01-03,10,11,9,10.5,100\n"    // line 2
                       "2020-01-02,10,9,9,10.5,100\n"     // line 3: unsorted; high 9 < 10.5
                       "2020-01-04,x,11,9,-1,-5\n"        // line 4: non_numeric, price, volume
                       "2020-01-04,10,11,9,10.5,100\n"};  // line 5: duplicate
  csv_options opt;
  opt.policy = alpha::data::validation_policy::report_only();
  const auto [px, report] = read_ohlcv_csv(src, opt);
  EXPECT_EQ(px.rows(), 3u);
  EXPECT_EQ(report.count(problem_kind::unsorted_timestamp), 1u);
  EXPECT_EQ(report.count(problem_kind::duplicate_timestamp), 1u);
  EXPECT_EQ(report.count(problem_kind::non_numeric), 1u);
  EXPECT_EQ(report.count(problem_kind::non_positive_price), 1u);
  EXPECT_EQ(report.count(problem_kind::negative_volume), 1u);
  EXPECT_EQ(report.count(problem_kind::high_below_open_close), 1u);
  EXPECT_EQ(report.size(), 6u) << report.to_string();
  EXPECT_EQ(px.close()(2, 0), -1.0);  // kept
}

TEST(CsvRead, LongFormatUnionCalendarAndGaps) {
  const csv_source src{"long.csv",
                       "date,symbol,open,high,low,close,volume\n"
                       "2020-01-02,BBB,20,21,19,20.5,10\n"   // line 2
                       "2020-01-02,AAA,10,11,9,10.5,1\n"     // line 3
                       "2020-01-03,BBB,20.5,22,20,21,11\n"   // line 4
                       "2020-01-06,BBB,21,22,20,21.5,12\n"   // line 5
                       "2020-01-06,AAA,10.5,12,10,11,2\n"};  // line 6: AAA has no 2020-01-03
  const auto [px, report] = read_ohlcv_long_csv(src);
  ASSERT_EQ(px.rows(), 3u);
  ASSERT_EQ(px.cols(), 2u);
  EXPECT_EQ(px.assets()[0], "BBB");  // order of first appearance
  EXPECT_EQ(px.assets()[1], "AAA");
  EXPECT_EQ(px.index()[2], day(2020, 1, 6));
  EXPECT_EQ(px.close()(1, 0), 21.0);
  EXPECT_EQ(px.close()(2, 1), 11.0);
  EXPECT_TRUE(std::isnan(px.close()(1, 1)));
  ASSERT_EQ(report.size(), 1u) << report.to_string();
  const auto& p = report[0];
  EXPECT_EQ(p.kind, problem_kind::calendar_gap);
  EXPECT_EQ(p.taken, alpha::data::action::keep);
  EXPECT_EQ(p.where.asset, "AAA");
  EXPECT_EQ(p.where.date, "2020-01-03");
  EXPECT_EQ(p.where.file, "long.csv");
  EXPECT_EQ(p.where.line, 0u);  // no row in the file
}

TEST(CsvRead, LongFormatUnsortedIsPerSymbol) {
  // Rows grouped by symbol: each symbol's dates ascend, so nothing is unsorted.
  const csv_source src{"g.csv",
                       "ticker,date,open,high,low,close,volume\n"
                       "A,2020-01-02,1,1,1,1,1\nA,2020-01-03,1,1,1,1,1\n"
                       "B,2020-01-02,2,2,2,2,1\nB,2020-01-03,2,2,2,2,1\n"};
  const auto [px, report] = read_ohlcv_long_csv(src);
  EXPECT_TRUE(report.empty()) << report.to_string();
  EXPECT_EQ(px.close()(1, 1), 2.0);
}

TEST(CsvRead, WidePanelLeadingNaNIsNotAProblem) {
  const csv_source src{"w.csv",
                       "date,AAA,BBB\n"
                       "2020-01-01,1.5,NaN\n"
                       "2020-02-01,1.75,\n"
                       "2020-03-01,2,30\n"};
  const auto [px, report] = read_wide_csv(src);
  EXPECT_TRUE(report.empty()) << report.to_string();
  ASSERT_EQ(px.rows(), 3u);
  EXPECT_EQ(px.assets()[1], "BBB");
  EXPECT_EQ(px(1, 0), 1.75);
  EXPECT_TRUE(std::isnan(px(0, 1)));
  EXPECT_EQ(px(2, 1), 30.0);
}

TEST(CsvRead, FileOverloadAndUnreadableFile) {
  const std::string msg =
      data_error_of([] { return read_ohlcv_csv(std::filesystem::path("/nonexistent/z.csv")); });
  EXPECT_HAS(msg, "/nonexistent/z.csv");
  EXPECT_HAS(msg, "cannot open");
}

// ---- Structural errors: each names file:line[:column] and the offending text. ----

TEST(CsvReadErrors, EmptyFile) {
  const std::string msg = data_error_of([] { return read_ohlcv_csv(csv_source{"e.csv", ""}); });
  EXPECT_HAS(msg, "at e.csv:");
  EXPECT_HAS(msg, "empty file");
  const std::string blank = data_error_of([] {
    return read_wide_csv(csv_source{"b.csv", "\n \n"});
  });
  EXPECT_HAS(blank, "empty file");
}

TEST(CsvReadErrors, HeaderOnly) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"h.csv", "date,open,high,low,close,volume\n"});
  });
  EXPECT_HAS(msg, "h.csv:1");
  EXPECT_HAS(msg, "no data rows");
}

TEST(CsvReadErrors, NoHeader) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"n.csv", "2020-01-02,1,2,0.5,1.5,100\n"});
  });
  EXPECT_HAS(msg, "n.csv:1:1");
  EXPECT_HAS(msg, "no header");
  EXPECT_HAS(msg, "\"2020-01-02\"");
}

TEST(CsvReadErrors, MissingColumn) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(
        csv_source{"m.csv", "date,open,high,low,volume\n2020-01-02,1,2,0.5,100\n"});
  });
  EXPECT_HAS(msg, "m.csv:1");
  EXPECT_HAS(msg, "missing required column 'close'");
  EXPECT_HAS(msg, "adj close");
  EXPECT_HAS(msg, "header found: date,open,high,low,volume");
  const std::string no_date = data_error_of([] {
    return read_wide_csv(csv_source{"d.csv", "when,A\nx,1\n"});
  });
  EXPECT_HAS(no_date, "missing required column 'date'");
  const std::string no_symbol = data_error_of([] {
    return read_ohlcv_long_csv(
        csv_source{"l.csv", "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,100\n"});
  });
  EXPECT_HAS(no_symbol, "missing required column 'symbol'");
  const std::string no_assets = data_error_of([] {
    return read_wide_csv(csv_source{"o.csv", "date\n2020-01-02\n"});
  });
  EXPECT_HAS(no_assets, "o.csv:1");
  EXPECT_HAS(no_assets, "no asset columns");
}

TEST(CsvReadErrors, DuplicateAndAmbiguousColumns) {
  const std::string dup = data_error_of([] {
    return read_wide_csv(csv_source{"d.csv", "date,AAA,BBB,aaa\n2020-01-02,1,2,3\n"});
  });
  EXPECT_HAS(dup, "d.csv:1:4");
  EXPECT_HAS(dup, "duplicate column 'aaa' (same name as column 2 'AAA')");
  const std::string both = data_error_of([] {
    return read_ohlcv_csv(csv_source{
        "b.csv", "date,open,high,low,close,price,volume\n2020-01-02,1,2,0.5,1.5,1.5,9\n"});
  });
  EXPECT_HAS(both, "b.csv:1:6");
  EXPECT_HAS(both, "columns 5 'close' and 6 'price' both name the close field");
  const std::string empty_name = data_error_of([] {
    return read_wide_csv(csv_source{"n.csv", "date,,B\n2020-01-02,1,2\n"});
  });
  EXPECT_HAS(empty_name, "n.csv:1:2");
  EXPECT_HAS(empty_name, "empty column name");
}

TEST(CsvReadErrors, BadDate) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"bd.csv",
                                     "date,open,high,low,close,volume\n"
                                     "2020-01-02,1,2,0.5,1.5,100\n"
                                     "2020-13-01,1,2,0.5,1.5,100\n"});
  });
  EXPECT_HAS(msg, "bd.csv:3:1");
  EXPECT_HAS(msg, "not a valid date");
  EXPECT_HAS(msg, "\"2020-13-01\"");
  const std::string empty = data_error_of([] {
    return read_wide_csv(csv_source{"ed.csv", "date,A\n,1\n"});
  });
  EXPECT_HAS(empty, "ed.csv:2:1");
}

TEST(CsvReadErrors, TextInNumberFieldIsNonNumericError) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"tn.csv",
                                     "date,open,high,low,close,volume\n"
                                     "2020-01-02,1,2,0.5,1.5,100\n"
                                     "2020-01-03,1,2,0.5,abc,100\n"});
  });
  EXPECT_HAS(msg, "tn.csv:3:5");
  EXPECT_HAS(msg, "asset 'tn'");
  EXPECT_HAS(msg, "date 2020-01-03");
  EXPECT_HAS(msg, "non_numeric");
  EXPECT_HAS(msg, "'close'");
  EXPECT_HAS(msg, "\"abc\"");
}

TEST(CsvReadErrors, TruncatedLine) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"tr.csv",
                                     "date,open,high,low,close,volume\n"
                                     "2020-01-02,1,2,0.5,1.5,100\n"
                                     "2020-01-03,1,2,0.5\n"});
  });
  EXPECT_HAS(msg, "tr.csv:3:5");
  EXPECT_HAS(msg, "4 fields but the header has 6 (truncated line?)");
  EXPECT_HAS(msg, "missing column 5 'close'");
  EXPECT_HAS(msg, "\"2020-01-03,1,2,0.5\"");
}

TEST(CsvReadErrors, ExtraField) {
  const std::string msg = data_error_of([] {
    return read_wide_csv(csv_source{"ex.csv", "date,A,B\n2020-01-02,1,2\n2020-01-03,1,2,3\n"});
  });
  EXPECT_HAS(msg, "ex.csv:3:4");
  EXPECT_HAS(msg, "4 fields but the header has 3 (extra field)");
  EXPECT_HAS(msg, "\"3\"");
}

TEST(CsvReadErrors, DuplicateDate) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_csv(csv_source{"dd.csv",
                                     "date,open,high,low,close,volume\n"
                                     "2020-01-02,1,2,0.5,1.5,100\n"
                                     "2020-01-03,1,2,0.5,1.5,100\n"
                                     "2020-01-03,1,2,0.5,1.75,100\n"});
  });
  EXPECT_HAS(msg, "dd.csv:4:1");
  EXPECT_HAS(msg, "duplicate_timestamp");
  EXPECT_HAS(msg, "date 2020-01-03 repeats line 3");
}

TEST(CsvReadErrors, UnsortedDates) {
  const std::string msg = data_error_of([] {
    return read_wide_csv(csv_source{"us.csv", "date,A\n2020-01-03,1\n2020-01-02,2\n"});
  });
  EXPECT_HAS(msg, "us.csv:3:1");
  EXPECT_HAS(msg, "unsorted_timestamp");
  EXPECT_HAS(msg, "2020-01-02 is earlier than 2020-01-03 on line 2");
}

TEST(CsvReadErrors, EmptySymbol) {
  const std::string msg = data_error_of([] {
    return read_ohlcv_long_csv(csv_source{
        "es.csv", "date,symbol,open,high,low,close,volume\n2020-01-02,,1,2,0.5,1.5,100\n"});
  });
  EXPECT_HAS(msg, "es.csv:2:2");
  EXPECT_HAS(msg, "empty asset id");
}
