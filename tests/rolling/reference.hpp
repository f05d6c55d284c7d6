// Independent references for the rolling tests: naive long-double two-pass statistics over each
// window (no shared code with alpha::rolling), random series with NaNs, and a reader for the
// pandas/TA-Lib reference CSVs in ../shared/reference.
#pragma once

#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace alpha_test {

inline constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
using ld_vec = std::vector<long double>;

/// Random walk around 100 with about `nan_fraction` NaNs (seeded, deterministic).
inline std::vector<double> noisy_series(std::size_t n, std::uint64_t seed, double nan_fraction,
                                        double start = 100.0) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> step(0.0, 1.0);
  std::bernoulli_distribution hole(nan_fraction);
  std::vector<double> x(n);
  double level = start;
  for (auto& v : x) {
    level += step(gen);
    v = hole(gen) ? qnan : level;
  }
  return x;
}

/// Valid values of a window as long double.
inline ld_vec valid_of(std::span<const double> w) {
  ld_vec v;
  for (double x : w)
    if (!std::isnan(x)) v.push_back(x);
  return v;
}

inline long double ld_mean(const ld_vec& v) {
  long double s = 0;
  for (long double x : v) s += x;
  return s / static_cast<long double>(v.size());
}
/// Sum of (x - mean)^p, two-pass.
inline long double ld_central(const ld_vec& v, int p) {
  const long double m = ld_mean(v);
  long double s = 0;
  for (long double x : v) s += std::pow(x - m, static_cast<long double>(p));
  return s;
}

// Statistics over the valid values of one window (NaN when undefined).
inline double naive_sum(std::span<const double> w) {
  long double s = 0;
  for (long double x : valid_of(w)) s += x;
  return static_cast<double>(s);
}
inline double naive_mean(std::span<const double> w) {
  return static_cast<double>(ld_mean(valid_of(w)));
}
inline std::function<double(std::span<const double>)> naive_var(std::size_t ddof) {
  return [ddof](std::span<const double> w) {
    const ld_vec v = valid_of(w);
    if (v.size() <= ddof) return qnan;
    return static_cast<double>(ld_central(v, 2) / static_cast<long double>(v.size() - ddof));
  };
}
/// Bias-corrected skewness G1 = sqrt(n(n-1))/(n-2) * m3 / m2^1.5 (m_k = central sums / n).
inline double naive_skew(std::span<const double> w) {
  const ld_vec v = valid_of(w);
  const long double n = static_cast<long double>(v.size());
  if (v.size() < 3) return qnan;
  const long double m2 = ld_central(v, 2) / n, m3 = ld_central(v, 3) / n;
  if (m2 == 0) return qnan;
  return static_cast<double>(std::sqrt(n * (n - 1)) / (n - 2) * m3 / std::pow(m2, 1.5L));
}
/// Bias-corrected excess kurtosis G2 = ((n+1) g2 + 6)(n-1)/((n-2)(n-3)), g2 = m4/m2^2 - 3.
inline double naive_kurt(std::span<const double> w) {
  const ld_vec v = valid_of(w);
  const long double n = static_cast<long double>(v.size());
  if (v.size() < 4) return qnan;
  const long double m2 = ld_central(v, 2) / n, m4 = ld_central(v, 4) / n;
  if (m2 == 0) return qnan;
  const long double g2 = m4 / (m2 * m2) - 3;
  return static_cast<double>(((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)));
}

/// Applies `f` to each window of the last `w` slots (fewer at the start); NaN when the window
/// holds fewer than `min_periods` valid values.
inline std::vector<double> naive_rolling(const std::vector<double>& x, std::size_t w,
                                         std::size_t min_periods,
                                         const std::function<double(std::span<const double>)>& f) {
  std::vector<double> out(x.size(), qnan);
  for (std::size_t t = 0; t < x.size(); ++t) {
    const std::size_t lo = t + 1 >= w ? t + 1 - w : 0;
    const std::span<const double> win(x.data() + lo, t + 1 - lo);
    if (valid_of(win).size() >= min_periods) out[t] = f(win);
  }
  return out;
}

/// Valid pairs (both non-NaN) of two aligned windows.
inline void valid_pairs(std::span<const double> x, std::span<const double> y, ld_vec& vx,
                        ld_vec& vy) {
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      vx.push_back(x[i]);
      vy.push_back(y[i]);
    }
}
/// Pair statistic over windows; `f(vx, vy)` gets the valid pairs.
inline std::vector<double> naive_rolling_pair(
    const std::vector<double>& x, const std::vector<double>& y, std::size_t w,
    std::size_t min_periods, const std::function<double(const ld_vec&, const ld_vec&)>& f) {
  std::vector<double> out(x.size(), qnan);
  for (std::size_t t = 0; t < x.size(); ++t) {
    const std::size_t lo = t + 1 >= w ? t + 1 - w : 0;
    ld_vec vx, vy;
    valid_pairs({x.data() + lo, t + 1 - lo}, {y.data() + lo, t + 1 - lo}, vx, vy);
    if (vx.size() >= min_periods) out[t] = f(vx, vy);
  }
  return out;
}
/// Centred cross sum sum (x - mx)(y - my).
inline long double ld_cross(const ld_vec& x, const ld_vec& y) {
  const long double mx = ld_mean(x), my = ld_mean(y);
  long double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += (x[i] - mx) * (y[i] - my);
  return s;
}

/// Same NaN positions, and |got - ref| <= tol * max(|ref|, scale) elsewhere.
inline ::testing::AssertionResult close_all(const std::vector<double>& got,
                                            const std::vector<double>& ref, double tol,
                                            double scale = 0.0, std::size_t from = 0) {
  if (got.size() != ref.size())
    return ::testing::AssertionFailure() << "sizes " << got.size() << " vs " << ref.size();
  double worst = 0;
  for (std::size_t i = from; i < got.size(); ++i) {
    if (std::isnan(got[i]) != std::isnan(ref[i]))
      return ::testing::AssertionFailure()
             << "NaN mismatch at " << i << ": " << got[i] << " vs " << ref[i];
    if (std::isnan(ref[i]) || got[i] == ref[i]) continue;
    const double err = std::abs(got[i] - ref[i]) / std::max(std::abs(ref[i]), scale);
    worst = std::max(worst, err);
    if (!(err <= tol))
      return ::testing::AssertionFailure() << "at " << i << ": " << got[i] << " vs " << ref[i]
                                           << " (relative error " << err << " > " << tol << ")";
  }
  return ::testing::AssertionSuccess() << "worst relative error " << worst;
}

/// Reads a reference CSV (header line; first column = date) into column name -> values.
inline std::map<std::string, std::vector<double>> read_reference_csv(
    const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  {
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) names.push_back(cell);
  }
  std::map<std::string, std::vector<double>> table;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::stringstream ss(line);
    std::string cell;
    for (std::size_t c = 0; std::getline(ss, cell, ','); ++c)
      if (c > 0 && c < names.size()) table[names[c]].push_back(std::strtod(cell.c_str(), nullptr));
  }
  return table;
}

}  // namespace alpha_test
