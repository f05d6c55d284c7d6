// Reports: JSON well-formedness (a strict validator written here) and values, Markdown tables,
// and CSV files parsed back to the exact doubles of the result.
#include "alpha/report.hpp"

#include "alpha/backtest/event_driven.hpp"
#include "alpha/backtest/execution.hpp"
#include "alpha/data/read_wide.hpp"
#include "alpha/metrics/summary.hpp"

#include "engines/support.hpp"

#include <boost/hana/adapt_struct.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace report_test {
struct inner {
  double nan_value = alpha::nan;
  bool flag = true;
};
/// A small reflected summary of our own: a nested struct, an awkward string, an integer.
struct custom_summary {
  std::string label = "quote \" backslash \\ newline \n tab \t end";
  std::size_t count = 3;
  double ratio = 0.1;
  inner nested;
};
}  // namespace report_test
BOOST_HANA_ADAPT_STRUCT(report_test::inner, nan_value, flag);
BOOST_HANA_ADAPT_STRUCT(report_test::custom_summary, label, count, ratio, nested);

namespace {

using namespace engines_test;
namespace bt = alpha::backtest;
namespace rp = alpha::report;

/// Strict JSON (RFC 8259) recogniser: true iff `s` is exactly one JSON value.
class json_checker {
 public:
  explicit json_checker(const std::string& s) : s_(s) {}
  bool ok() {
    ws();
    if (!value()) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  bool lit(const char* w) {
    const std::string x(w);
    if (s_.compare(i_, x.size(), x) != 0) return false;
    i_ += x.size();
    return true;
  }
  bool digits() {
    const std::size_t b = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > b;
  }
  bool number() {
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0')
      ++i_;
    else if (!digits())
      return false;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }
  bool string() {
    if (s_[i_] != '"') return false;
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20) return false;
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) return false;
        const char e = s_[i_];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k)
            if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
              return false;
        } else if (std::string("\"\\/bfnrt").find(e) == std::string::npos) {
          return false;
        }
      }
      ++i_;
    }
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  bool value() {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      ws();
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        return true;
      }
      while (true) {
        ws();
        if (c == '{') {
          if (i_ >= s_.size() || !string()) return false;
          ws();
          if (i_ >= s_.size() || s_[i_] != ':') return false;
          ++i_;
          ws();
        }
        if (!value()) return false;
        ws();
        if (i_ >= s_.size()) return false;
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (s_[i_] != close) return false;
        ++i_;
        return true;
      }
    }
    if (c == '"') return string();
    if (c == 't') return lit("true");
    if (c == 'f') return lit("false");
    if (c == 'n') return lit("null");
    return number();
  }
  const std::string& s_;
  std::size_t i_ = 0;
};

bt::backtest_result hand_result() {
  const auto m = hand_market();
  return bt::run_event_driven(m, hand_targets(m), bps_cost({10.0}), params_with("this_close"));
}

rp::report_info info() {
  bt::execution_params p = params_with("this_close");
  return {"demo<\"sma\">", rp::param_list(p, "execution")};
}

TEST(JsonChecker, RejectsMalformed) {
  for (const char* bad : {"{", "{\"a\":}", "[1,]", "{\"a\" 1}", "nan", "\"a\nb\"", "01", "1.",
                          "{\"a\":1}}", "[\"\\x\"]"}) {
    const std::string s(bad);
    EXPECT_FALSE(json_checker(s).ok()) << bad;
  }
  const std::string good = R"({"a": [1, -0.5e+3, true, null, "x\"\\\u0001"], "b": {}})";
  EXPECT_TRUE(json_checker(good).ok());
}

TEST(ReportJson, WellFormedWithEscapesNullsAndValues) {
  const auto r = hand_result();
  const auto s = alpha::metrics::summarize(r.net_returns);
  rp::json_options o;
  o.equity_curve = true;
  o.trades = true;
  const std::string j = rp::to_json(r, info(), s, o);
  EXPECT_TRUE(json_checker(j).ok()) << j;
  EXPECT_NE(j.find(R"("strategy": "demo<\"sma\">")"), std::string::npos);
  EXPECT_NE(j.find(R"("execution.fill": "this_close")"), std::string::npos);
  EXPECT_NE(j.find(R"("execution.initial_capital": "1000")"), std::string::npos);
  EXPECT_NE(j.find(R"("start": "2024-01-01", "end": "2024-01-05", "bars": 5, "assets": 2)"),
            std::string::npos);
  EXPECT_NE(j.find(fmt::format("\"final_equity\": {}", r.equity.back())), std::string::npos);
  EXPECT_NE(j.find(fmt::format("\"sharpe\": {}", s.sharpe)), std::string::npos);
  EXPECT_NE(j.find(fmt::format("\"periods\": 5")), std::string::npos);
  // Values read back through the library's flat JSON reader equal the result's doubles.
  const auto flat = alpha::detail::flat_json(j).parse();
  std::size_t seen = 0;
  for (const auto& [k, v] : flat) {
    if (k == "equity_curve.3.equity") {
      EXPECT_EQ(std::strtod(v.c_str(), nullptr), r.equity[3]);
      ++seen;
    }
    if (k == "trades.0.pnl") {
      EXPECT_EQ(std::strtod(v.c_str(), nullptr), r.trades[0].pnl);
      ++seen;
    }
    if (k == "backtest.total_costs") {
      EXPECT_EQ(std::strtod(v.c_str(), nullptr), r.total_costs());
      ++seen;
    }
  }
  EXPECT_EQ(seen, 3u);

  // Our own reflected struct: nested object, escaped string, NaN as null, bool.
  const std::string c = rp::to_json(r, rp::report_info{"x", {}}, report_test::custom_summary{});
  EXPECT_TRUE(json_checker(c).ok()) << c;
  EXPECT_NE(c.find(R"("label": "quote \" backslash \\ newline \n tab \t end")"), std::string::npos);
  EXPECT_NE(c.find(R"("nan_value": null)"), std::string::npos);
  EXPECT_NE(c.find(R"("flag": true)"), std::string::npos);
  EXPECT_NE(c.find(R"("count": 3)"), std::string::npos);
  EXPECT_EQ(c.find("equity_curve"), std::string::npos);
}

TEST(ReportMarkdown, Tables) {
  const auto r = hand_result();
  const std::string md = rp::to_markdown(r, info(), report_test::custom_summary{});
  EXPECT_NE(md.find("# Backtest: demo<\"sma\">"), std::string::npos);
  EXPECT_NE(md.find("2024-01-01 .. 2024-01-05, 5 bars, 2 assets"), std::string::npos);
  EXPECT_NE(md.find("| execution.fill | this_close |"), std::string::npos);
  EXPECT_NE(md.find("| ratio | 0.1 |"), std::string::npos);
  EXPECT_NE(md.find("| nested.flag | true |"), std::string::npos);
  EXPECT_NE(md.find("| nested.nan_value | nan |"), std::string::npos);
  EXPECT_NE(md.find(fmt::format("| final equity | {:.6g} |", r.equity.back())), std::string::npos);
  EXPECT_NE(md.find("| trades | 3 |"), std::string::npos);
  EXPECT_EQ(md.find("## Warnings"), std::string::npos);
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t b = 0;
    while (true) {
      const auto e = line.find(',', b);
      f.push_back(line.substr(b, e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

TEST(ReportCsv, ParsesBackToTheSameDoubles) {
  const auto r = hand_result();
  std::ostringstream eq;
  rp::write_equity_csv(eq, r);
  const auto e = parse_csv(eq.str());
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(e[0][0], "date");
  EXPECT_EQ(e[0][7], "turnover");
  for (std::size_t t = 0; t < 5; ++t) {
    EXPECT_EQ(e[t + 1][0], (*r.index)[t].to_iso());
    EXPECT_EQ(std::strtod(e[t + 1][1].c_str(), nullptr), r.equity[t]);
    EXPECT_EQ(std::strtod(e[t + 1][3].c_str(), nullptr), r.net_returns[t]);
    EXPECT_EQ(std::strtod(e[t + 1][5].c_str(), nullptr), r.costs[t]);
  }
  std::ostringstream tr;
  rp::write_trades_csv(tr, r);
  const auto x = parse_csv(tr.str());
  ASSERT_EQ(x.size(), r.trades.size() + 1);
  ASSERT_EQ(x[0].size(), 13u);
  EXPECT_EQ(x[1][0], "A");
  EXPECT_EQ(x[1][1], "2024-01-01");
  EXPECT_EQ(x[1][2], "2024-01-03");
  EXPECT_EQ(x[1][12], "0");
  EXPECT_EQ(x[3][12], "1");
  for (std::size_t k = 0; k < r.trades.size(); ++k)
    EXPECT_EQ(std::strtod(x[k + 1][10].c_str(), nullptr), r.trades[k].pnl);
  std::ostringstream fi;
  rp::write_fills_csv(fi, r);
  const auto f = parse_csv(fi.str());
  ASSERT_EQ(f.size(), r.fills.size() + 1);
  EXPECT_EQ(std::strtod(f[3][4].c_str(), nullptr), -50.0);
  // Weights: read back with the library's wide reader, bit for bit.
  std::ostringstream wt;
  rp::write_weights_csv(wt, r);
  alpha::data::csv_options keep;
  keep.policy = alpha::data::validation_policy::report_only();
  const auto back = alpha::data::read_wide_csv(alpha::data::csv_source{"w.csv", wt.str()}, keep);
  ASSERT_EQ(back.data.rows(), 5u);
  for (std::size_t t = 0; t < 5; ++t)
    for (std::size_t j = 0; j < 2; ++j) EXPECT_EQ(back.data(t, j), r.weights(t, j));
}

TEST(ReportCsv, FileWriteFailureNamesThePath) {
  EXPECT_THROW(rp::write_equity_csv(std::filesystem::path("/nonexistent-dir/x.csv"), hand_result()),
               alpha::data_error);
}

}  // namespace
