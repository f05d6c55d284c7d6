// Parameter sweep throughput (issue 5): MA crossover, fast 2..51 x slow 10..208 step 2 (5,000
// pairs) x 50 assets x 2,520 bars = 630 M pair-bars, through the generic backtest::sweep API
// (fast path: shared SMA cache + fused per-asset kernel + streaming metrics + top-10 curves +
// PSR/DSR/PBO/haircut), 1 and 2 threads, with and without the shared feature cache; then peak
// RSS (getrusage ru_maxrss) of separate processes sweeping 500, 5,000 and 50,000 variants.
//
// Data: the peer harness's `panel` dataset (seed 1002, /work/shared/peers/build/data/panel/
// close.f64, 50 x 2520 row-major), else the same definition regenerated here (other numbers).
//
//   cmake --preset bench -B build/h_sw2_bench
//   cmake --build build/h_sw2_bench --target bench_sweep
//   ALPHA_PEERS_DATA=<dir> build/h_sw2_bench/bench/bench_sweep   # timings + RSS table
//   bench_sweep --rss 5000           # one process: sweep N variants, print its peak RSS
//   bench_sweep --time T S [R [tile [block]]]   # R runs at T threads, shared features S (0/1)
//   bench_sweep --split              # CPU split: kernel alone (one feature pair) vs full
//   bench_sweep --cores              # control: wall of 1 vs 2 threads of a pure spin loop
#include "alpha/backtest/sweep.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/features/ta/sma.hpp"

#include "peers_data.hpp"

#include <fmt/core.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace alpha;
namespace bt = alpha::backtest;

using crossover =
    strategy<with::features<features::sma, features::sma>, with::model<models::sign_of_difference>,
             with::normaliser<combine::clamp_normaliser>, with::sizer<sizing::proportional>,
             with::costs<costs::bps>>;
using P = crossover::params;

static ohlcv_panel load_panel(std::string& source) {
  constexpr std::size_t N = 50, T = 2520;
  std::vector<double> raw =
      alpha_bench::read_f64(alpha_bench::peers_data_dir() + "/panel/close.f64");
  if (raw.size() == N * T) {
    source = alpha_bench::peers_data_dir() + "/panel/close.f64";
  } else {
    source = "regenerated (mt19937_64 seed 1002; not the peers' bytes)";
    raw.assign(N * T, 0.0);
    std::mt19937_64 g(1002);
    std::normal_distribution<double> z(0.0, 1.0);
    for (std::size_t j = 0; j < N; ++j) {
      double c = 100;
      for (std::size_t t = 0; t < T; ++t) raw[j * T + t] = c *= 1.0 + z(g) * 0.015 + 2e-4;
    }
  }
  data::synthetic_config c;  // only for a business-day calendar and asset names
  c.assets = N;
  c.sectors = 5;
  c.days = T;
  const ohlcv_panel synth = data::generate_market(c).bars;
  panel<double> close = synth.close();
  for (std::size_t j = 0; j < N; ++j)
    for (std::size_t t = 0; t < T; ++t) close(t, j) = raw[j * T + t];
  const ohlcv_panel m(close, close, close, close, synth.volume());
  return m;
}

static crossover prototype() {
  crossover s;
  s.parameters().costs.commission_bps = 1.0;  // 1 bp per unit of weight traded
  s.parameters().costs.half_spread_bps = 0.0;
  return s;
}

static bt::sweep_grid<P> grid(std::size_t variants) {
  bt::sweep_grid<P> g;
  g.add_range<std::size_t>("features.0.period", 2, 51)
      .add_range<std::size_t>("features.1.period", 10, 208, 2);
  if (variants == 500) {  // every 10th slow period: 50 x 10
    g = bt::sweep_grid<P>{};
    g.add_range<std::size_t>("features.0.period", 2, 51)
        .add_range<std::size_t>("features.1.period", 10, 208, 20);
  }
  if (variants == 50000) g.add_range<double>("costs.commission_bps", 0.5, 5.0, 0.5);
  return g;
}

static long rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int main(int argc, char** argv) {
  std::string source;
  const ohlcv_panel m = load_panel(source);
  const auto proto = prototype();
  bt::sweep_options o;
  o.progress = false;
  if (argc > 2 && std::string(argv[1]) == "--rss") {
    const std::size_t n = std::stoul(argv[2]);
    const long before = rss_kb();
    const auto r = bt::sweep(proto, grid(n), m, o);
    fmt::print(
        "rss variants={} evaluated={} peak_rss_mb={:.1f} before_sweep_mb={:.1f} cache_mb={:.1f} "
        "pbo_variants={} seconds={:.3f}\n",
        r.rows.size(), r.evaluated(), static_cast<double>(rss_kb()) / 1024.0,
        static_cast<double>(before) / 1024.0, static_cast<double>(r.cache_bytes) / 1048576.0,
        r.overfitting.pbo_variants, r.seconds);
    return 0;
  }
  if (argc > 1 && std::string(argv[1]) == "--cores") {  // how many cores does this process get?
    for (const int n : {1, 2}) {
      const auto t0 = std::chrono::steady_clock::now();
      std::vector<std::thread> th;
      for (int i = 0; i < n; ++i)
        th.emplace_back([] {
          volatile double x = 0;
          for (long k = 0; k < 300000000; ++k) x = x + 1.0;
        });
      for (auto& t : th) t.join();
      fmt::print("spin threads={} wall {:.3f} s (each thread: the same work)\n", n,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return 0;
  }
  fmt::print("data: {}\n", source);
  const auto g = grid(5000);
  if (argc > 1 && std::string(argv[1]) == "--split") {  // 1 thread, CPU seconds
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    bt::sweep_grid<P> same;  // 5,000 variants on ONE feature pair: the kernel without traffic
    same.add_range<double>("costs.commission_bps", 0.001, 5.0, 0.001);
    const auto cpu = [] {
      rusage u{};
      getrusage(RUSAGE_SELF, &u);
      return static_cast<double>(u.ru_utime.tv_sec) +
             1e-6 * static_cast<double>(u.ru_utime.tv_usec);
    };
    for (const bool full : {false, true}) {
      o.overfitting = full;
      o.keep_top = full ? 10 : 0;
      for (const bt::sweep_grid<P>* gg : {static_cast<const bt::sweep_grid<P>*>(&same), &g}) {
        (void)bt::sweep(proto, *gg, m, o);  // warm-up
        const double c0 = cpu();
        const auto r = bt::sweep(proto, *gg, m, o);
        fmt::print(
            "split: {} variants, {} feature(s) computed, overfitting+top-k {}: cpu {:.3f} s\n",
            r.rows.size(), r.features_computed, full ? "on" : "off", cpu() - c0);
      }
    }
    return 0;
  }
  if (argc > 3 && std::string(argv[1]) == "--time") {  // --time THREADS SHARE(0/1) [REPS]
    const auto threads = std::stoul(argv[2]);
    o.share_features = std::string(argv[3]) != "0";
    const int reps = argc > 4 ? std::stoi(argv[4]) : 3;
    if (argc > 5) o.tile_variants = std::stoul(argv[5]);
    if (argc > 6) o.block_bars = std::stoul(argv[6]);
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
    for (int k = 0; k < reps; ++k) {
      rusage u0{}, u1{};
      getrusage(RUSAGE_SELF, &u0);
      const auto r = bt::sweep(proto, g, m, o);
      getrusage(RUSAGE_SELF, &u1);
      const double cpu = static_cast<double>(u1.ru_utime.tv_sec - u0.ru_utime.tv_sec) +
                         1e-6 * static_cast<double>(u1.ru_utime.tv_usec - u0.ru_utime.tv_usec);
      fmt::print("threads={} share={} wall {:.3f} s cpu {:.3f} s  sharpe(1234) = {:.12f}\n",
                 threads, o.share_features, r.seconds, cpu, r.rows[1234].metrics.sharpe);
    }
    return 0;
  }
  const double pair_bars = 5000.0 * 50 * 2520;
  for (const bool share : {true, false}) {
    for (const int threads : {1, 2}) {
      if (!share && threads == 2) continue;
      tbb::global_control c(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
      o.share_features = share;
      std::vector<double> s;
      double check = 0;
      const int reps = share ? 3 : 1;
      for (int k = 0; k < reps + 1; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = bt::sweep(proto, g, m, o);
        const double sec =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (k > 0) s.push_back(sec);  // first = warm-up
        check = r.rows[1234].metrics.sharpe;
      }
      std::sort(s.begin(), s.end());
      const double med = s[s.size() / 2];
      fmt::print(
          "sweep 5000x50x2520 threads={} share_features={} median {:.3f} s (min {:.3f}, max "
          "{:.3f}) "
          "{:.2f} G pair-bars/s  [check sharpe(1234) = {:.12f}]\n",
          threads, share, med, s.front(), s.back(), pair_bars / med / 1e9, check);
    }
  }
  for (const int n : {500, 5000, 50000}) {
    // /proc/self/exe inside std::system would name the shell: resolve our own path first.
    const std::string cmd =
        std::filesystem::read_symlink("/proc/self/exe").string() + " --rss " + std::to_string(n);
    if (std::system(cmd.c_str()) != 0) fmt::print("rss run {} failed\n", n);
  }
  return 0;
}
