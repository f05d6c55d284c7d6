// Quickstart: load a market, validate it, and summarise each asset.
//
//   quickstart                 the bundled synthetic market (20 assets x 10 years, no download)
//   quickstart prices.csv      a single-asset OHLCV CSV (date,open,high,low,close,volume)
//
// Prints, per asset: date range, number of bars, annualised return and volatility.
#include "alpha/core/format.hpp"
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/data/validate.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// Bars per year, from the calendar's median spacing: 252 for daily trading days, 52 for weekly
// bars, 12 for monthly ones.
double bars_per_year(const alpha::time_index& index) {
  std::vector<double> gaps_in_days;
  for (std::size_t t = 1; t < index.size(); ++t)
    gaps_in_days.push_back(static_cast<double>((index[t] - index[t - 1]).count()) / 86400e6);
  if (gaps_in_days.empty()) return 252.0;
  const auto middle = gaps_in_days.begin() + std::ssize(gaps_in_days) / 2;
  std::nth_element(gaps_in_days.begin(), middle, gaps_in_days.end());
  const double median_gap = *middle;
  return median_gap <= 4.0 ? 252.0 : 365.25 / median_gap;
}

// Summary statistics of one asset: annualised geometric return and volatility of log returns.
struct asset_summary {
  std::size_t bars = 0;
  alpha::timestamp first, last;
  double annual_return = alpha::nan;
  double annual_volatility = alpha::nan;
};

asset_summary summarise(const alpha::bar_series& bars, double per_year) {
  asset_summary s;
  double sum = 0, sum_sq = 0, previous_close = alpha::nan;
  std::size_t returns = 0;
  for (const alpha::bar& b : bars.bars()) {
    if (alpha::is_nan(b.close)) continue;  // missing bar (before listing, or a gap)
    if (s.bars++ == 0) s.first = b.time;
    s.last = b.time;
    if (!alpha::is_nan(previous_close)) {
      const double r = std::log(b.close / previous_close);
      sum += r;
      sum_sq += r * r;
      ++returns;
    }
    previous_close = b.close;
  }
  if (returns >= 2) {
    const double n = static_cast<double>(returns);
    const double mean = sum / n;
    s.annual_return = std::exp(mean * per_year) - 1.0;
    s.annual_volatility = std::sqrt((sum_sq - n * mean * mean) / (n - 1.0) * per_year);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) try {
  // 1. Load: a CSV file if one is given, else the bundled synthetic market.
  alpha::ohlcv_panel market;
  alpha::data::validation_report report;
  if (argc > 1) {
    // Volume is optional here (an index such as the VIX has none).
    auto [bars, read_report] = alpha::data::read_ohlcv_csv(argv[1], {.require_volume = false});
    market = std::move(bars);
    report = std::move(read_report);
  } else {
    market = alpha::data::default_market().bars;
    // 2. Validate: structural problems throw; gaps and outliers are reported. (The synthetic
    //    market has a crash regime, so some of its returns are reported as robust outliers.)
    report = alpha::data::validate(market);
  }
  fmt::print("market: {} assets, {}\n", market.cols(), market.index());
  fmt::print("validation: {}\n", report.summary());

  // 3. Summarise each asset.
  const double per_year = bars_per_year(market.index());
  std::size_t width = 5;
  for (const std::string& id : market.assets()) width = std::max(width, id.size());
  fmt::print("{:<{}} {:>10} {:>10} {:>6} {:>9} {:>9}\n", "asset", width, "first", "last", "bars",
             "ann.ret", "ann.vol");
  for (std::size_t j = 0; j < market.cols(); ++j) {
    const asset_summary s = summarise(market.asset(j), per_year);
    fmt::print("{:<{}} {:>10} {:>10} {:>6} {:>8.2f}% {:>8.2f}%\n", market.assets()[j], width,
               s.first, s.last, s.bars, 100 * s.annual_return, 100 * s.annual_volatility);
  }
  fmt::print("quickstart ok: {} assets x {} bars\n", market.cols(), market.rows());
  return 0;
} catch (const alpha::error& e) {
  fmt::print(stderr, "{}\n", e.what());
  return 1;
}
