// Tests of the internal CSV tokenizer: line numbers, quoting, CRLF, blank lines, numbers.
#include "alpha/detail/csv.hpp"

#include <gtest/gtest.h>

using alpha::detail::csv_reader;
using alpha::detail::csv_source;
using alpha::detail::number_status;

TEST(CsvTokenizer, LinesFieldsQuotesAndBlankLines) {
  const csv_source src{"t.csv", "a, b ,c\r\n\r\n1,\"x,\"\"y\"\"\",3\n  \n4,\"multi\nline\",6\n7,,"};
  csv_reader r(src);
  auto rec = r.next();
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->line, 1u);
  EXPECT_EQ(rec->fields, (std::vector<std::string>{"a", "b", "c"}));
  rec = r.next();
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->line, 3u);  // line 2 is blank
  EXPECT_EQ(rec->fields, (std::vector<std::string>{"1", "x,\"y\"", "3"}));
  rec = r.next();
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->line, 5u);  // line 4 holds only spaces
  EXPECT_EQ(rec->fields, (std::vector<std::string>{"4", "multi\nline", "6"}));
  rec = r.next();
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->line, 7u);  // the quoted newline advanced the count
  EXPECT_EQ(rec->fields, (std::vector<std::string>{"7", "", ""}));
  EXPECT_FALSE(r.next());
}

TEST(CsvTokenizer, UnterminatedQuoteNamesItsLine) {
  const csv_source src{"q.csv", "a,b\n1,\"oops\n2,3\n"};
  csv_reader r(src);
  (void)r.next();
  try {
    (void)r.next();
    FAIL();
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 2u);
    EXPECT_NE(std::string(e.what()).find("q.csv:2:2"), std::string::npos) << e.what();
  }
}

TEST(CsvTokenizer, Numbers) {
  double v = 0;
  EXPECT_EQ(alpha::detail::parse_number("1.5e3", v), number_status::ok);
  EXPECT_EQ(v, 1500.0);
  EXPECT_EQ(alpha::detail::parse_number("+2", v), number_status::ok);
  EXPECT_EQ(v, 2.0);
  EXPECT_EQ(alpha::detail::parse_number("NaN", v), number_status::missing);
  EXPECT_EQ(alpha::detail::parse_number("", v), number_status::missing);
  EXPECT_EQ(alpha::detail::parse_number("12abc", v), number_status::not_a_number);
  EXPECT_EQ(alpha::detail::parse_number("abc", v), number_status::not_a_number);
}

TEST(CsvTokenizer, ColumnAliases) {
  const std::vector<std::string> header{"Date", "Open", "Adj Close", "VOLUME"};
  EXPECT_EQ(alpha::detail::normalise_column_name("Adj Close"), "adjclose");
  EXPECT_EQ(alpha::detail::find_column(header, {"adjclose", "close"}), 2u);
  EXPECT_EQ(alpha::detail::find_column(header, {"volume", "vol"}), 3u);
  EXPECT_FALSE(alpha::detail::find_column(header, {"high"}));
}
