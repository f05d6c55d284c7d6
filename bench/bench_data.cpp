// Data-layer benchmarks: CSV loading (long multi-asset OHLCV), validation, synthetic generation.
// The CSV is the default synthetic market written in long format (50,400 rows); the pandas peer
// (bench/peers/read_csv_pandas.py) reads the same file. See bench/RESULTS.md.
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/data/validate.hpp"
#include "alpha/data/write_csv.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

// The long-format CSV of the default market, written once; its path is printed for the peers.
const std::filesystem::path& market_csv() {
  static const std::filesystem::path path = [] {
    const char* dir = std::getenv("ALPHA_BENCH_DIR");
    std::filesystem::path p = std::filesystem::path(dir ? dir : ".") / "market_long.csv";
    alpha::data::write_ohlcv_csv(p, alpha::data::default_market().bars,
                                 {.layout = alpha::data::ohlcv_layout::long_format});
    return p;
  }();
  return path;
}

void read_long_csv(benchmark::State& state) {
  const auto& path = market_csv();
  std::size_t rows = 0;
  for (auto _ : state) {
    auto loaded = alpha::data::read_ohlcv_long_csv(path);
    rows = loaded.data.rows() * loaded.data.cols();
    benchmark::DoNotOptimize(loaded.data.close_values().data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(std::filesystem::file_size(path)));
  state.SetLabel(path.string());
}
BENCHMARK(read_long_csv)->Unit(benchmark::kMillisecond);

void validate_market(benchmark::State& state) {
  const alpha::ohlcv_panel market = alpha::data::default_market().bars;
  for (auto _ : state) {
    state.PauseTiming();
    alpha::ohlcv_panel copy = market;
    state.ResumeTiming();
    auto report = alpha::data::validate(copy);
    benchmark::DoNotOptimize(report.size());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(market.rows() * market.cols()));
}
BENCHMARK(validate_market)->Unit(benchmark::kMillisecond);

void generate_market(benchmark::State& state) {
  alpha::data::synthetic_config cfg = alpha::data::default_market_config();
  cfg.assets = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    auto m = alpha::data::generate_market(cfg);
    benchmark::DoNotOptimize(m.bars.close_values().data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cfg.assets * cfg.days));
}
BENCHMARK(generate_market)->Arg(20)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
