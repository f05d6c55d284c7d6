// The project's rolling kernels in the peer harness's format (/work/shared/peers, README
// "Result schema and adding the project"): reads DATA/ohlcv/close.f64 (and close2.f64 for corr)
// with one fread, runs alpha::rolling batch kernels into a reused, pre-faulted output buffer,
// and prints one JSON line per (kernel, window) on stdout: median/min/max of REPS timed runs
// after 1 untimed warm-up, check = sum(out[1000:]) (long double), err = max |out - exact| at
// windows ending at i = 1000, 1997, ... (exact = long-double two-pass), as peers/cpp/rolling.cpp.
//
//   alpha_rolling_peer --data /path/to/peers/build/data [--reps 7]
//                      [--kernels mean,std,corr,zscore,min,max,argmin,argmax] [--windows 20,250]
// (min/max/argmin/argmax: err = max |out - naive scan| at the same windows, exact for these.)
// Use from the harness: EXTRA_BENCH='<build>/bench/alpha_rolling_peer --data build/data'.
#include "alpha/rolling.hpp"

#include "../peers_data.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
namespace ar = alpha::rolling;

std::vector<double> read_f64(const std::string& path) {
  std::vector<double> v = alpha_bench::read_f64(path);
  if (v.empty()) throw std::runtime_error("cannot read " + path);
  return v;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) out.push_back(item);
  return out;
}

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string jnum(double v) {
  if (!std::isfinite(v)) return "null";
  char b[64];
  std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

// Max |out - exact| at the sampled windows (long-double two-pass), as the harness computes it.
double max_err(const std::string& k, const double* x, const double* y, std::size_t n, std::size_t w,
               const double* out) {
  double worst = 0;
  for (std::size_t i = 1000; i < n; i += 997) {
    const double* a = x + i + 1 - w;
    const double* b = y + i + 1 - w;
    if (k == "min" || k == "max" || k == "argmin" || k == "argmax") {
      const bool lower = k == "min" || k == "argmin";
      std::size_t best = 0;  // most recent of equal extremes (NaN-free input)
      for (std::size_t j = 1; j < w; ++j)
        if (lower ? a[j] <= a[best] : a[j] >= a[best]) best = j;
      const double ref = k.size() == 3 ? a[best] : static_cast<double>(w - 1 - best);
      worst = std::max(worst, std::fabs(out[i] - ref));
      continue;
    }
    long double ma = 0, mb = 0;
    for (std::size_t j = 0; j < w; ++j) ma += a[j], mb += b[j];
    ma /= static_cast<long double>(w);
    mb /= static_cast<long double>(w);
    long double ref = ma;
    if (k != "mean") {
      long double saa = 0, sbb = 0, sab = 0;
      for (std::size_t j = 0; j < w; ++j) {
        saa += (a[j] - ma) * (a[j] - ma);
        sbb += (b[j] - mb) * (b[j] - mb);
        sab += (a[j] - ma) * (b[j] - mb);
      }
      const long double sd = std::sqrt(saa / static_cast<long double>(w - 1));
      if (k == "std")
        ref = sd;
      else if (k == "corr")
        ref = sab / std::sqrt(saa * sbb);
      else
        ref = (static_cast<long double>(a[w - 1]) - ma) / sd;  // zscore
    }
    worst = std::max(worst, static_cast<double>(std::fabs(static_cast<long double>(out[i]) - ref)));
  }
  return worst;
}
}  // namespace

int main(int argc, char** argv) try {
  std::map<std::string, std::string> kv;
  for (int i = 1; i + 1 < argc; i += 2) kv[std::string(argv[i]).substr(2)] = argv[i + 1];
  auto get = [&](const std::string& k, const std::string& d) {
    auto it = kv.find(k);
    return it == kv.end() ? d : it->second;
  };
  const std::string data = get("data", "build/data");
  const char* env_reps = std::getenv("REPS");
  const int reps = std::max(5, std::stoi(get("reps", env_reps ? env_reps : "7")));
  const auto x = read_f64(data + "/ohlcv/close.f64");
  const auto y = read_f64(data + "/ohlcv/close2.f64");
  const std::size_t n = x.size();
  std::vector<double> out(n, 0.0);  // pre-faulted, reused

  for (const auto& ws : split(get("windows", "20,250"))) {
    const std::size_t w = std::stoul(ws);
    for (const auto& k : split(get("kernels", "mean,std,corr,zscore,min,max,argmin,argmax"))) {
      auto run = [&] {
        if (k == "mean")
          ar::run<ar::mean>({.window = w}, x, out);
        else if (k == "std")
          ar::run<ar::std_dev>({.window = w}, x, out);
        else if (k == "zscore")
          ar::run<ar::zscore>({.window = w}, x, out);
        else if (k == "corr")
          ar::run<ar::correlation>({.window = w}, x, y, out);
        else if (k == "min")
          ar::run<ar::min>({.window = w}, x, out);
        else if (k == "max")
          ar::run<ar::max>({.window = w}, x, out);
        else if (k == "argmin")
          ar::run<ar::argmin>({.window = w}, x, out);
        else if (k == "argmax")
          ar::run<ar::argmax>({.window = w}, x, out);
        else
          throw std::runtime_error("unknown kernel " + k);
      };
      std::vector<double> t;
      double warm = 0;
      for (int r = 0; r <= reps; ++r) {
        const double t0 = now_s();
        run();
        const double dt = now_s() - t0;
        if (r == 0)
          warm = dt;
        else
          t.push_back(dt);
      }
      std::vector<double> s = t;
      std::sort(s.begin(), s.end());
      const double med =
          s.size() % 2 ? s[s.size() / 2] : 0.5 * (s[s.size() / 2 - 1] + s[s.size() / 2]);
      long double check = 0;
      for (std::size_t i = 1000; i < n; ++i) check += out[i];
      const std::string kase = k + " w=" + ws;
      std::string times;
      for (std::size_t i = 0; i < t.size(); ++i) times += (i ? ", " : "") + jnum(t[i]);
      std::printf(
          "{\"workload\": \"rolling\", \"case\": \"%s\", \"peer\": \"alpha\", \"threads\": 1, "
          "\"reps\": %zu, \"median_s\": %s, \"min_s\": %s, \"max_s\": %s, \"times_s\": [%s], "
          "\"warmup_s\": %s, \"work\": %s, \"work_unit\": \"elem\", \"throughput\": %s, "
          "\"check\": %s, \"check_desc\": \"sum(out[1000:])\", \"cmd\": \"alpha_rolling_peer "
          "--kernels %s --windows %s\", \"note\": \"alpha::rolling batch kernel, reused output "
          "buffer\", \"scale\": 1, \"n\": %zu, \"window\": %s, \"kernel\": \"%s\", \"err\": %s}\n",
          kase.c_str(), t.size(), jnum(med).c_str(), jnum(s.front()).c_str(),
          jnum(s.back()).c_str(), times.c_str(), jnum(warm).c_str(),
          jnum(static_cast<double>(n)).c_str(), jnum(static_cast<double>(n) / med).c_str(),
          jnum(static_cast<double>(check)).c_str(), k.c_str(), ws.c_str(), n, ws.c_str(), k.c_str(),
          jnum(max_err(k, x.data(), y.data(), n, w, out.data())).c_str());
      std::fflush(stdout);
      std::fprintf(stderr, "  rolling    %-28s alpha    median %10.2f ms (min %.2f, max %.2f)\n",
                   kase.c_str(), med * 1e3, s.front() * 1e3, s.back() * 1e3);
    }
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "alpha_rolling_peer: %s\n", e.what());
  return 1;
}
