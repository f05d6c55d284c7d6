// Support for the OHLCV-bar indicator tests: the shared OHLCV series (ttrc, sp500, msft) with
// their TA-Lib and TTR reference tables, random consistent OHLCV bars, and a streaming runner.
#pragma once

#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

#include "rolling/reference.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace alpha_test::bars {

/// One asset's OHLCV columns.
struct ohlcv {
  std::vector<double> open, high, low, close, volume;
  [[nodiscard]] std::size_t size() const { return close.size(); }
  [[nodiscard]] alpha::features::series_input input() const {
    return {open, high, low, close, volume, {}};
  }
  [[nodiscard]] alpha::bar at(std::size_t t) const {
    alpha::bar b;
    b.open = open[t];
    b.high = high[t];
    b.low = low[t];
    b.close = close[t];
    b.volume = volume[t];
    return b;
  }
};

/// The shared data sets with reference files: data file and reference tag.
struct data_set {
  const char* data;
  const char* tag;
};
inline constexpr std::array<data_set, 3> data_sets{{{"data/ttrc_ohlcv.csv", "ttrc"},
                                                    {"data/sp500_ohlcv_2000_2020.csv", "sp500"},
                                                    {"data/msft_ohlcv_2000_2001.csv", "msft"}}};

/// Reads a shared OHLCV file (date,open,high,low,close,volume).
inline ohlcv read_bars(const std::filesystem::path& p) {
  auto t = read_reference_csv(p);
  return {t["open"], t["high"], t["low"], t["close"], t["volume"]};
}

/// Random consistent OHLCV (L <= O, C <= H, positive volume), seeded; optional NaN bars (every
/// field NaN) with probability `hole`.
inline ohlcv random_bars(std::size_t n, std::uint64_t seed, double hole = 0.0) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> step(0.0, 1.0);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::bernoulli_distribution miss(hole);
  ohlcv b;
  double level = 100.0;
  for (std::size_t t = 0; t < n; ++t) {
    const double o = level;
    level = std::max(1.0, level + step(gen));
    const double c = level;
    const double h = std::max(o, c) + u(gen);
    const double l = std::min(o, c) - u(gen);
    double v = std::floor(1000.0 + 9000.0 * u(gen));
    double oo = o, hh = h, ll = l, cc = c;
    if (miss(gen)) oo = hh = ll = cc = v = qnan;
    b.open.push_back(oo);
    b.high.push_back(hh);
    b.low.push_back(ll);
    b.close.push_back(cc);
    b.volume.push_back(v);
  }
  return b;
}

/// Streams indicator I over the bars; output k of each bar.
template <class I>
std::array<std::vector<double>, alpha::features::output_count<I>> stream(
    const typename I::params& p, const ohlcv& b) {
  constexpr std::size_t K = alpha::features::output_count<I>;
  std::array<std::vector<double>, K> out;
  I ind(p);
  for (std::size_t t = 0; t < b.size(); ++t) {
    ind.update(b.at(t));
    if constexpr (K == 1) {
      out[0].push_back(ind.value());
    } else {
      const auto v = ind.value();
      for (std::size_t k = 0; k < K; ++k) out[k].push_back(v[k]);
    }
  }
  return out;
}

/// Bit-equality of two vectors (NaN == NaN).
inline ::testing::AssertionResult bit_equal(const std::vector<double>& a,
                                            const std::vector<double>& b) {
  if (a.size() != b.size()) return ::testing::AssertionFailure() << "sizes differ";
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
      return ::testing::AssertionFailure() << "at " << i << ": " << a[i] << " vs " << b[i];
  return ::testing::AssertionSuccess();
}

}  // namespace alpha_test::bars
