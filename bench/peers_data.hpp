// The peer harness's canonical input (../shared/peers, dataset `ohlcv`), shared by the
// benchmarks: raw little-endian float64 files read with one fread, or, when they are absent,
// the same definition regenerated in-process (a different random generator: the values and the
// harness's `check` sums are then not comparable with the peers', and the label says so).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace alpha_bench {

/// Reads a raw float64 file; empty if it cannot be opened or read whole.
inline std::vector<double> read_f64(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return {};
  std::fseek(f, 0, SEEK_END);
  const long bytes = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  std::vector<double> v(bytes > 0 ? static_cast<std::size_t>(bytes) / 8 : 0);
  const std::size_t got = std::fread(v.data(), 8, v.size(), f);
  std::fclose(f);
  if (got != v.size()) return {};
  return v;
}

/// $ALPHA_PEERS_DATA, else the harness's default build/data folder.
inline std::string peers_data_dir() {
  const char* env = std::getenv("ALPHA_PEERS_DATA");
  return env != nullptr ? env : "/work/shared/peers/build/data";
}

/// The `ohlcv` dataset: high, low, close and close2 (the correlated second series).
struct ohlcv_data {
  std::vector<double> high, low, close, close2;
  std::string source;  ///< the folder read, or a note that the data was generated
};

/// The dataset of `n` bars, loaded once. Generated definition (peers/py/gen_data.py):
/// r1, r2 ~ N(0,1)·5e-4; close = 100·cumprod(1+r1); close2 = 100·cumprod((1+0.6·r1)+0.8·r2);
/// open[t] = close[t-1] (100 at t = 0); eh, el ~ |N(0,1)|·2.5e-4;
/// high = max(open, close)·(1+eh); low = min(open, close)·(1-el).
inline const ohlcv_data& peers_ohlcv(std::size_t n) {
  static const ohlcv_data data = [n] {
    ohlcv_data d;
    const std::string dir = peers_data_dir() + "/ohlcv";
    d.high = read_f64(dir + "/high.f64");
    d.low = read_f64(dir + "/low.f64");
    d.close = read_f64(dir + "/close.f64");
    d.close2 = read_f64(dir + "/close2.f64");
    if (d.high.size() == n && d.low.size() == n && d.close.size() == n && d.close2.size() == n) {
      d.source = dir;
      return d;
    }
    std::mt19937_64 gen(1001);
    std::normal_distribution<double> z(0.0, 1.0);
    std::vector<double> r1(n), r2(n), eh(n), el(n);
    for (auto& v : r1) v = z(gen) * 5e-4;
    for (auto& v : r2) v = z(gen) * 5e-4;
    for (auto& v : eh) v = std::abs(z(gen)) * 2.5e-4;
    for (auto& v : el) v = std::abs(z(gen)) * 2.5e-4;
    d.high.resize(n);
    d.low.resize(n);
    d.close.resize(n);
    d.close2.resize(n);
    double c = 100.0, c2 = 100.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double open = c;
      c *= 1.0 + r1[i];
      c2 *= (1.0 + 0.6 * r1[i]) + 0.8 * r2[i];
      d.close[i] = c;
      d.close2[i] = c2;
      d.high[i] = std::max(open, c) * (1.0 + eh[i]);
      d.low[i] = std::min(open, c) * (1.0 - el[i]);
    }
    d.source = "generated in-process (peers data absent; checks not comparable)";
    return d;
  }();
  return data;
}

}  // namespace alpha_bench
