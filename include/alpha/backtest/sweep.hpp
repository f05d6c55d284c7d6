/// @file
/// alpha::backtest::sweep: runs many variants of a composed strategy (a sweep_grid over its
/// reflected params) on one market, in parallel, deterministically, with bounded memory, and
/// reports every variant's metrics plus the overfitting statistics of the best (docs/sweeps.md).
///
/// Two evaluation paths:
///  - fast (used automatically when is_separable<S> and every close is finite and > 0): each
///    distinct feature (indicator slot + its params) is computed once per asset into a shared
///    cache; variants are grouped in tiles sharing few feature columns (plan_tiles); per tile,
///    time block, asset and variant, two vectorised branch-free loops (block_kernel) compute
///      position_t = sizer(calibrator(combiner(normaliser(model(features_t)))))   (elementwise)
///      pnl_t      = position_{t-1} r_t - c |position_t - position_{t-1}|,  position_{-1} = 0
///    with r_t = close_t / close_{t-1} - 1 (r_0 = 0) and c the cost rate, and the variant's
///    portfolio return is the equal-capital average over the N assets, R_t = (1/N) sum_j pnl_tj
///    (each asset a sleeve of 1/N of the capital, rebalanced every bar; the sizer's gross cap,
///    a cross-sectional step, is not applied). This is the vectorised engine's convention (a
///    decision at close t earns close t -> t+1, costs on the weight change) without the
///    intra-bar drift of the weights, which the engine trades back at each rebalance: the two
///    agree to about cost rate x |w| x |r| per bar (tests/sweep: 1e-7 on daily returns).
///  - general (any strategy): backtest::run per variant with options.execution (default
///    fill at this close, fractional shares: the vectorised engine's ledger), its net_returns
///    and turnover reduced the same way. Much slower: every variant recomputes its features
///    and runs the full event-driven decision loop.
///
/// Determinism: variants are cut into tiles; each tile writes only its own rows; within a
/// variant, assets are summed in asset order and the metrics are reduced over fixed time
/// blocks (options.block_bars), so results are bit-identical at any thread count and tile size.
///
/// Memory: O(distinct features x N x T) for the cache + O(tile_variants x block_bars) per
/// thread + O(M) rows + the PBO matrix (at most options.pbo_memory_budget bytes) + the kept
/// curves (top-k): never O(M x T) beyond the budget.
#pragma once

#include "alpha/backtest/run.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/backtest/sweep_grid.hpp"
#include "alpha/backtest/sweep_result.hpp"
#include "alpha/backtest/sweep_traits.hpp"
#include "alpha/backtest/vectorised.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/parallel.hpp"
#include "alpha/detail/sweep_kernels.hpp"
#include "alpha/detail/sweep_progress.hpp"
#include "alpha/metrics/deflated_sharpe.hpp"
#include "alpha/metrics/haircut_sharpe.hpp"
#include "alpha/metrics/pbo.hpp"
#include "alpha/metrics/probabilistic_sharpe.hpp"

#include <Eigen/Core>
#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// Which evaluation path a sweep uses (see the file comment).
enum class sweep_path {
  automatic,  ///< fast when the strategy is separable and the closes are valid, else general
  fast,       ///< the fused kernel; config_error if the strategy or the data does not allow it
  general     ///< backtest::run per variant
};

/// Options of sweep(). Defaults suit a daily sweep of thousands of variants.
struct sweep_options {
  sweep_path path = sweep_path::automatic;
  sweep_metric rank_by = sweep_metric::sharpe;  ///< metric of the top-k and of "the best"
  std::size_t keep_top = 10;        ///< curves kept for the top-k variants (recomputed at the end)
  bool keep_all_curves = false;     ///< keep every variant's curve (O(M x T) memory: small sweeps)
  double periods_per_year = 252.0;  ///< annualisation of the metrics
  bool overfitting = true;          ///< compute PSR, DSR, PBO and haircut Sharpe
  std::size_t pbo_partitions = 10;  ///< S of CSCV (even, <= 24); cost O(C(S, S/2) M S)
  /// Bytes for the T x M matrix of per-period returns used by PBO; if M x T x 8 exceeds it, PBO
  /// runs on a deterministic subsample: every k-th variant (k = ceil(M / M_max)), M_max =
  /// budget / (8 T).
  std::size_t pbo_memory_budget = std::size_t(64) << 20;
  /// Cap on C(S, S/2) x M_pbo, the (combination, variant) pairs CSCV ranks (its cost is
  /// O(C(S, S/2) M (S + log M))): above it the PBO subsample is thinned the same way (every
  /// k-th variant). The default leaves S = 10 (252 combinations) untouched up to ~20,000
  /// variants, and limits S = 16 (12,870 combinations) to ~390 variants.
  std::size_t pbo_max_evaluations = std::size_t(5) << 20;
  bool progress = true;         ///< progress bar on stderr once the sweep exceeds the delay
  double progress_delay = 1.5;  ///< seconds before the bar appears
  const std::atomic<bool>* cancel = nullptr;  ///< raise to stop: finished tiles are returned
  bool share_features = true;       ///< fast path: the shared feature cache (off: per variant)
  std::size_t tile_variants = 256;  ///< variants per parallel task (results do not depend on it)
  std::size_t block_bars = 128;     ///< time block of the kernel and the reducers (fixed: the
                                    ///< metrics' rounding depends on it, never on threads)
  execution_params execution = vectorised_params();  ///< general path's engine settings
};

}  // namespace backtest

namespace detail::sweep {
namespace bt = ::alpha::backtest;

template <class FS>
struct feature_slots;
template <class... I>
struct feature_slots<features::feature_set<I...>> {
  using types = std::tuple<I...>;
  static constexpr std::size_t count = sizeof...(I);
  static constexpr std::array<std::size_t, sizeof...(I)> outputs{features::output_count<I>...};
};

/// Column c of the feature matrix -> (slot, output within the slot).
template <class FS>
constexpr std::pair<std::size_t, std::size_t> column_of(std::size_t c) {
  constexpr auto outs = feature_slots<FS>::outputs;
  for (std::size_t k = 0; k < outs.size(); ++k) {
    if (c < outs[k]) return {k, c};
    c -= outs[k];
  }
  return {outs.size(), 0};
}

/// The composed elementwise position function of one variant: sizer(calibrator(combiner(
/// normaliser(model(x...))))), through the model's make_then when it has one (sweep_traits.hpp).
template <class S>
auto make_position(const typename S::params& p) {
  using M = std::remove_cvref_t<decltype(boost::hana::at_c<0>(
      std::declval<typename S::model_list::tuple&>()))>;
  auto model = bt::elementwise_policy<M>::make(boost::hana::at_c<0>(p.model));
  auto norm = bt::elementwise_policy<typename S::normaliser_type>::make(p.normaliser);
  auto comb = bt::elementwise_policy<typename S::combiner_type>::make(p.combiner);
  auto calib = bt::elementwise_policy<typename S::calibrator_type>::make(p.calibrator);
  auto size = bt::elementwise_policy<typename S::sizer_type>::make(p.sizer);
  const auto rest = [=](double s) { return size(calib(comb(norm(s)))); };
  if constexpr (requires {
                  bt::elementwise_policy<M>::make_then(boost::hana::at_c<0>(p.model), rest);
                }) {
    return bt::elementwise_policy<M>::make_then(boost::hana::at_c<0>(p.model), rest);
  } else {
    return [=](auto... x) { return rest(model(x...)); };
  }
}

inline bool closes_valid(const ohlcv_panel& m) {
  const auto& c = m.close().values();
  for (Eigen::Index j = 0; j < c.cols(); ++j)
    for (Eigen::Index t = 0; t < c.rows(); ++t)
      if (!(std::isfinite(c(t, j)) && c(t, j) > 0.0)) return false;
  return true;
}

inline bt::sweep_metrics finish(const reducer& r, double ppy) {
  bt::sweep_metrics m;
  m.periods = static_cast<std::size_t>(r.n);
  if (r.n < 1) return m;
  m.total_return = r.wealth - 1.0;
  m.cagr = r.wealth < 0.0 ? nan : std::pow(r.wealth, ppy / r.n) - 1.0;
  m.max_drawdown = r.max_drawdown;
  m.turnover = r.turnover / r.n;
  if (r.n >= 2) {
    const double sd = std::sqrt(std::max(r.m2, 0.0) / (r.n - 1.0));
    m.annual_volatility = sd * std::sqrt(ppy);
    if (sd > 0.0) {
      m.sharpe_per_period = r.mean / sd;
      m.sharpe = m.sharpe_per_period * std::sqrt(ppy);
    }
    const double dd = std::sqrt(r.downside / r.n) * std::sqrt(ppy);
    m.sortino = dd == 0.0 ? (r.mean > 0.0 ? std::numeric_limits<double>::infinity() : nan)
                          : r.mean * ppy / dd;
    const double pm2 = r.m2 / r.n;
    if (pm2 > 0.0) {
      m.skewness = (r.m3 / r.n) / std::pow(pm2, 1.5);
      m.raw_kurtosis = (r.m4 / r.n) / (pm2 * pm2);
    }
  }
  return m;
}

/// Where each variant's per-block results go.
struct sink {
  std::vector<reducer>* reducers = nullptr;                 // indexed by variant
  Eigen::ArrayXXd* pbo = nullptr;                           // T x M_pbo
  const std::vector<std::ptrdiff_t>* pbo_column = nullptr;  // variant -> column or -1
  std::vector<bt::sweep_curve>* curves = nullptr;           // indexed by slot in `curve_slot`
  const std::vector<std::ptrdiff_t>* curve_slot = nullptr;

  /// Variant v's bars [t0, t0 + net.size()): portfolio returns `net`, the block's total
  /// turnover `turn_sum`, and the per-bar turnover `turn` (empty unless curves are kept).
  void block(std::size_t v, std::size_t t0, std::span<const double> net, double turn_sum,
             std::span<const double> turn) const {
    if (reducers != nullptr) (*reducers)[v].add_block(net, turn_sum);
    if (pbo != nullptr && (*pbo_column)[v] >= 0)
      std::copy(net.begin(), net.end(),
                pbo->col((*pbo_column)[v]).data() + static_cast<std::ptrdiff_t>(t0));
    if (curves != nullptr && (*curve_slot)[v] >= 0) {
      auto& c = (*curves)[static_cast<std::size_t>((*curve_slot)[v])];
      std::copy(net.begin(), net.end(), c.returns.begin() + static_cast<std::ptrdiff_t>(t0));
      std::copy(turn.begin(), turn.end(), c.turnover.begin() + static_cast<std::ptrdiff_t>(t0));
    }
  }
};

/// The shared feature cache of the fast path: entry e = one distinct (slot, params), holding
/// N x outputs x T values (asset-major).
struct feature_cache {
  struct entry {
    std::size_t slot = 0, outputs = 0, representative = 0;  // a variant that uses it
    std::vector<double> data;
  };
  std::vector<entry> entries;
  std::vector<std::size_t> of;  // variant v, slot k -> entry index (v * slots + k)
  std::size_t lookups = 0, hits = 0;
  [[nodiscard]] std::size_t bytes() const noexcept {
    std::size_t b = 0;
    for (const auto& e : entries) b += e.data.size() * sizeof(double);
    return b;
  }
};

/// Computes entry data for every entry of slot K (parallel over entries x assets).
template <class S, std::size_t K>
void compute_slot(feature_cache& cache, const std::vector<typename S::params>& variants,
                  const ohlcv_panel& market, const std::vector<std::size_t>& which) {
  using I = std::tuple_element_t<K, typename feature_slots<typename S::features_type>::types>;
  const std::size_t T = market.rows(), N = market.cols();
  std::vector<std::size_t> mine;
  for (const std::size_t e : which)
    if (cache.entries[e].slot == K) mine.push_back(e);
  parallel_for_each_index(mine.size() * N, [&](std::size_t i) {
    auto& e = cache.entries[mine[i / N]];
    const std::size_t j = i % N;
    const auto& p = boost::hana::at_c<K>(variants[e.representative].features);
    features::feature_set<I>::batch(
        boost::hana::make_tuple(p), market.asset(j),
        std::span<double>(e.data).subspan(j * e.outputs * T, e.outputs * T));
  });
}

/// Builds the cache entries of variants [0, M) (share) and computes them.
template <class S>
feature_cache build_cache(const std::vector<typename S::params>& variants,
                          const ohlcv_panel& market, std::span<const std::size_t> subset) {
  using slots = feature_slots<typename S::features_type>;
  constexpr std::size_t K = slots::count;
  const std::size_t T = market.rows(), N = market.cols();
  feature_cache cache;
  cache.of.assign(variants.size() * K, 0);
  std::array<std::map<std::string, std::size_t>, K> index;
  for (const std::size_t v : subset) {
    std::size_t k = 0;
    boost::hana::for_each(variants[v].features, [&](const auto& p) {
      const std::string key = format_params(p);
      ++cache.lookups;
      auto [it, inserted] = index[k].try_emplace(key, cache.entries.size());
      if (inserted) {
        feature_cache::entry e;
        e.slot = k;
        e.outputs = slots::outputs[k];
        e.representative = v;
        e.data.assign(N * e.outputs * T, 0.0);
        cache.entries.push_back(std::move(e));
      } else {
        ++cache.hits;
      }
      cache.of[v * K + k] = it->second;
      ++k;
    });
  }
  std::vector<std::size_t> all(cache.entries.size());
  for (std::size_t e = 0; e < all.size(); ++e) all[e] = e;
  [&]<std::size_t... k>(std::index_sequence<k...>) {
    (compute_slot<S, k>(cache, variants, market, all), ...);
  }
  (std::make_index_sequence<K>{});
  return cache;
}

/// Cuts the variants `which` into tiles of about `target` variants that share few feature
/// entries: per slot k with n_k > 1 distinct entries (K' such slots), the entries, ranked in
/// order of first use, are grouped g = floor(target^(1/K')) at a time, and a tile holds the
/// variants with the same group in every slot (split into pieces of at most `target`). A grid
/// fast x slow thus gets tiles of g fast x g slow periods: 2 g feature columns for g^2 variants,
/// each column loaded once per (tile, asset, time block) and reused by g variants. The tiling
/// changes only the order of work, never a result. O(M log M).
inline std::vector<std::vector<std::size_t>> plan_tiles(const feature_cache& cache,
                                                        std::span<const std::size_t> which,
                                                        std::size_t slots, std::size_t target) {
  std::vector<std::size_t> rank(cache.entries.size()), count(slots, 0);
  for (std::size_t e = 0; e < cache.entries.size(); ++e) rank[e] = count[cache.entries[e].slot]++;
  std::size_t varying = 0;
  for (const std::size_t n : count) varying += n > 1 ? 1 : 0;
  std::size_t g = 1;
  if (varying > 0) {
    const double root = std::pow(static_cast<double>(target), 1.0 / static_cast<double>(varying));
    g = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(root + 1e-9)));
  }
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> keyed;
  keyed.reserve(which.size());
  for (const std::size_t v : which) {
    std::vector<std::size_t> key(slots);
    for (std::size_t k = 0; k < slots; ++k) key[k] = rank[cache.of[v * slots + k]] / g;
    keyed.emplace_back(std::move(key), v);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::vector<std::size_t>> tiles;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first || tiles.back().size() >= target)
      tiles.emplace_back();
    tiles.back().push_back(keyed[i].second);
  }
  return tiles;
}

/// Fast path over the variants `tile` (indices into `variants`), all bars, all assets: per
/// time block of B bars, per asset (outer), per variant (inner), block_kernel into the tile's
/// accumulators (tile x B doubles, cache resident), then each variant's block goes to `out`.
template <class S>
void fast_tile(std::span<const std::size_t> tile, const std::vector<typename S::params>& variants,
               const feature_cache& cache, const std::vector<double>& returns, std::size_t T,
               std::size_t N, std::size_t B, const sink& out) {
  using FS = typename S::features_type;
  using M = std::remove_cvref_t<decltype(boost::hana::at_c<0>(
      std::declval<typename S::model_list::tuple&>()))>;
  using EM = bt::elementwise_policy<M>;
  constexpr std::size_t A = EM::arity;
  constexpr std::size_t K = feature_slots<FS>::count;
  using position_fn = decltype(make_position<S>(std::declval<const typename S::params&>()));
  const std::size_t V = tile.size();
  std::vector<position_fn> fns;
  fns.reserve(V);
  std::vector<double> rate(V);
  // Per variant and model input: the column of asset 0 and the stride between assets.
  struct input {
    const double* base;
    std::size_t stride;
  };
  std::vector<std::array<input, A>> in(V);
  for (std::size_t i = 0; i < V; ++i) {
    const auto& p = variants[tile[i]];
    fns.push_back(make_position<S>(p));
    rate[i] = bt::elementwise_policy<typename S::costs_type>::rate(p.costs);
    const auto cols = EM::inputs(boost::hana::at_c<0>(p.model));
    for (std::size_t a = 0; a < A; ++a) {
      const auto [slot, o] = column_of<FS>(cols[a]);
      const auto& e = cache.entries[cache.of[tile[i] * K + slot]];
      in[i][a] = {e.data.data() + o * T, e.outputs * T};
    }
  }
  std::vector<double> net(V * B), turn(V * B), pos(B + 1);
  const double inv_n = 1.0 / static_cast<double>(N);
  constexpr auto seq = std::make_index_sequence<A>{};
  for (std::size_t t0 = 0; t0 < T; t0 += B) {
    const std::size_t len = std::min(T, t0 + B) - t0;
    std::fill(net.begin(), net.end(), 0.0);
    std::fill(turn.begin(), turn.end(), 0.0);
    for (std::size_t j = 0; j < N; ++j) {
      const double* r = returns.data() + j * T + t0;
      for (std::size_t i = 0; i < V; ++i) {
        std::array<const double*, A> cols;
        for (std::size_t a = 0; a < A; ++a) cols[a] = in[i][a].base + j * in[i][a].stride + t0;
        // The position at bar t0 - 1, recomputed from that bar's inputs.
        const double prev = t0 == 0 ? 0.0 : [&]<std::size_t... I>(std::index_sequence<I...>) {
          return fns[i](*(cols[I] - 1)...);
        }
        (seq);
        block_kernel(cols, r, len, fns[i], prev, rate[i], pos.data(), net.data() + i * B,
                     turn.data() + i * B, seq);
      }
    }
    for (std::size_t i = 0; i < V; ++i) {
      double* g = net.data() + i * B;
      double* u = turn.data() + i * B;
      double ts = 0.0;
      for (std::size_t t = 0; t < len; ++t) {
        g[t] *= inv_n;
        u[t] *= inv_n;
        ts += u[t];
      }
      out.block(tile[i], t0, std::span<const double>(g, len), ts, std::span<const double>(u, len));
    }
  }
}

/// General path for one variant: backtest::run, then the same block reduction.
template <class S>
void general_variant(std::size_t v, const typename S::params& p, const ohlcv_panel& market,
                     const bt::execution_params& exec, std::size_t B, const sink& out) {
  const S s(p);
  const auto run = bt::run(s, market, exec);
  const auto& r = run.book.net_returns;
  const auto& u = run.book.turnover;
  for (std::size_t t0 = 0; t0 < r.size(); t0 += B) {
    const std::size_t len = std::min(B, r.size() - t0);
    double ts = 0.0;
    for (std::size_t t = t0; t < t0 + len; ++t) ts += u[t];
    out.block(v, t0, std::span<const double>(r).subspan(t0, len), ts,
              std::span<const double>(u).subspan(t0, len));
  }
}

}  // namespace detail::sweep

namespace backtest {

/// Runs strategy `prototype` with every variant `points` (grid indices, e.g. grid.indices(...)
/// or grid.sample(...)) of `grid` over `market` (see the file comment for the two paths, the
/// conventions, determinism and memory). Throws config_error for bad options or a variant
/// whose params a policy rejects (naming the variant), shape_error for an empty market or a
/// market of fewer than 2 bars. O(M x N x T) kernel work on the fast path plus the features.
template <class S>
[[nodiscard]] sweep_result sweep(const S& prototype, const sweep_grid<typename S::params>& grid,
                                 std::span<const std::size_t> points, const ohlcv_panel& market,
                                 const sweep_options& options = {}) {
  using params = typename S::params;
  const auto wall0 = std::chrono::steady_clock::now();
  const std::size_t T = market.rows(), N = market.cols(), M = points.size();
  if (T < 2 || N == 0)
    throw shape_error("sweep: the market has " + std::to_string(T) + " bars x " +
                      std::to_string(N) + " assets; a sweep needs >= 2 bars and >= 1 asset");
  if (options.block_bars == 0) throw config_error("block_bars", "must be >= 1");
  if (options.tile_variants == 0) throw config_error("tile_variants", "must be >= 1");
  if (!(options.periods_per_year > 0.0)) throw config_error("periods_per_year", "must be > 0");

  // Variants: params, row text, validation by building every policy once.
  std::vector<params> variants;
  variants.reserve(M);
  sweep_result res;
  res.rows.resize(M);
  res.bars = T;
  res.assets = N;
  res.ranked_by = options.rank_by;
  for (std::size_t v = 0; v < M; ++v) {
    variants.push_back(grid.make(prototype.parameters(), points[v]));
    auto& row = res.rows[v];
    row.variant = v;
    row.grid_index = points[v];
    for (const auto& a : grid.axes()) row.params.emplace_back(a.key, a.values[0]);
    {
      std::size_t idx = points[v];
      for (std::size_t d = grid.axes().size(); d-- > 0;) {
        const auto& a = grid.axes()[d];
        row.params[d].second = a.values[idx % a.values.size()];
        idx /= a.values.size();
      }
    }
    try {
      const S s(variants.back());
      strategy_state<S> check(s, N);
      (void)typename S::costs_type(variants.back().costs);
    } catch (const error& e) {
      throw config_error("variant " + std::to_string(v), e.what());
    }
  }

  bool fast = false;
  if constexpr (is_separable<S>) {
    fast = options.path != sweep_path::general && ::alpha::detail::sweep::closes_valid(market);
    if (options.path == sweep_path::fast && !fast)
      throw config_error("path", "the fast path needs every close finite and > 0");
  } else {
    if (options.path == sweep_path::fast)
      throw config_error("path",
                         "the strategy is not separable (is_separable<S> is false: a policy has "
                         "no elementwise_policy specialisation); use the general path");
  }
  res.fast_path = fast;

  // PBO columns (deterministic subsample when over budget).
  std::vector<std::ptrdiff_t> pbo_col(M, -1);
  Eigen::ArrayXXd pbo_matrix;
  if (options.overfitting && M >= 2) {
    const std::size_t parts = options.pbo_partitions;
    std::size_t combinations = 1;  // C(S, S/2), exact (S <= 24 is checked by CSCV itself)
    for (std::size_t k = 1; k <= parts / 2 && parts <= 64; ++k)
      combinations = combinations * (parts / 2 + k) / k;
    const std::size_t max_cols = std::max<std::size_t>(
        2, std::min(options.pbo_memory_budget / (8 * T),
                    options.pbo_max_evaluations / std::max<std::size_t>(1, combinations)));
    const std::size_t stride = (M + max_cols - 1) / max_cols;
    std::size_t c = 0;
    for (std::size_t v = 0; v < M; v += stride) pbo_col[v] = static_cast<std::ptrdiff_t>(c++);
    pbo_matrix.resize(static_cast<Eigen::Index>(T), static_cast<Eigen::Index>(c));
    res.overfitting.pbo_variants = c;
    res.overfitting.pbo_subsampled = stride > 1;
  }

  std::vector<::alpha::detail::sweep::reducer> reducers(M);
  std::vector<std::ptrdiff_t> curve_slot(M, -1);
  if (options.keep_all_curves) {
    res.curves.resize(M);
    for (std::size_t v = 0; v < M; ++v) {
      curve_slot[v] = static_cast<std::ptrdiff_t>(v);
      res.curves[v] = {v, std::vector<double>(T), std::vector<double>(T)};
    }
  }
  ::alpha::detail::sweep::sink out{&reducers, pbo_matrix.size() > 0 ? &pbo_matrix : nullptr,
                                   &pbo_col, options.keep_all_curves ? &res.curves : nullptr,
                                   &curve_slot};

  const std::size_t B = options.block_bars;
  std::vector<char> done(M, 0);
  ::alpha::detail::sweep::progress bar(M, options.progress, options.progress_delay, "sweep");
  const auto cancelled = [&] {
    return options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed);
  };

  [[maybe_unused]] ::alpha::detail::sweep::feature_cache cache;
  [[maybe_unused]] std::vector<double> returns;
  std::vector<std::size_t> order(M);
  for (std::size_t v = 0; v < M; ++v) order[v] = v;
  // Tiles of consecutive variants (no sharing: one variant per tile, its own features).
  const auto chunks = [](std::span<const std::size_t> which, std::size_t size) {
    std::vector<std::vector<std::size_t>> tiles;
    for (std::size_t k = 0; k < which.size(); k += size)
      tiles.emplace_back(
          which.begin() + static_cast<std::ptrdiff_t>(k),
          which.begin() + static_cast<std::ptrdiff_t>(std::min(which.size(), k + size)));
    return tiles;
  };
  const auto run_fast_tiles = [&](const std::vector<std::vector<std::size_t>>& tiles,
                                  const ::alpha::detail::sweep::sink& to, bool count) {
    if constexpr (is_separable<S>) {
      parallel_for_each_index(tiles.size(), [&](std::size_t k) {
        if (count && cancelled()) return;
        const std::span<const std::size_t> part(tiles[k]);
        if (options.share_features) {
          ::alpha::detail::sweep::fast_tile<S>(part, variants, cache, returns, T, N, B, to);
        } else {
          // No sharing: this variant's own features, computed for it alone.
          const auto own = ::alpha::detail::sweep::build_cache<S>(variants, market, part);
          ::alpha::detail::sweep::fast_tile<S>(part, variants, own, returns, T, N, B, to);
        }
        if (count) {
          for (const std::size_t v : part) done[v] = 1;
          bar.advance(part.size());
        }
      });
    }
  };

  if (fast) {
    if constexpr (is_separable<S>) {
      returns.assign(N * T, 0.0);
      const auto& c = market.close().values();
      for (std::size_t j = 0; j < N; ++j)
        for (std::size_t t = 1; t < T; ++t)
          returns[j * T + t] =
              c(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j)) /
                  c(static_cast<Eigen::Index>(t - 1), static_cast<Eigen::Index>(j)) -
              1.0;
      if (options.share_features) {
        cache = ::alpha::detail::sweep::build_cache<S>(variants, market, order);
        res.feature_lookups = cache.lookups;
        res.feature_hits = cache.hits;
        res.features_computed = cache.entries.size();
        res.cache_bytes = cache.bytes();
      } else {
        res.feature_lookups =
            M * ::alpha::detail::sweep::feature_slots<typename S::features_type>::count;
        res.features_computed = res.feature_lookups;
      }
      constexpr std::size_t slots =
          ::alpha::detail::sweep::feature_slots<typename S::features_type>::count;
      run_fast_tiles(options.share_features ? ::alpha::detail::sweep::plan_tiles(
                                                  cache, order, slots, options.tile_variants)
                                            : chunks(order, 1),
                     out, true);
    }
  } else {
    parallel_for_each_index(M, [&](std::size_t v) {
      if (cancelled()) return;
      ::alpha::detail::sweep::general_variant<S>(v, variants[v], market, options.execution, B, out);
      done[v] = 1;
      bar.advance(1);
    });
  }
  res.cancelled = cancelled();
  bar.finish(res.cancelled);

  for (std::size_t v = 0; v < M; ++v) {
    res.rows[v].evaluated = done[v] != 0;
    if (done[v])
      res.rows[v].metrics = ::alpha::detail::sweep::finish(reducers[v], options.periods_per_year);
  }

  // Curves of the top-k: recomputed (same code, same numbers) for the k best only.
  if (!options.keep_all_curves && options.keep_top > 0) {
    const auto top = res.top_k(options.keep_top, options.rank_by);
    res.curves.resize(top.size());
    for (std::size_t i = 0; i < top.size(); ++i) {
      curve_slot[top[i]] = static_cast<std::ptrdiff_t>(i);
      res.curves[i] = {top[i], std::vector<double>(T), std::vector<double>(T)};
    }
    const ::alpha::detail::sweep::sink to{nullptr, nullptr, nullptr, &res.curves, &curve_slot};
    if (fast) {
      run_fast_tiles(chunks(top, options.share_features ? options.tile_variants : 1), to, false);
    } else {
      parallel_for_each_index(top.size(), [&](std::size_t i) {
        ::alpha::detail::sweep::general_variant<S>(top[i], variants[top[i]], market,
                                                   options.execution, B, to);
      });
    }
  }

  // Overfitting statistics next to the best variant.
  if (options.overfitting) {
    auto& o = res.overfitting;
    std::vector<double> sr, annual;
    for (const auto& r : res.rows)
      if (r.evaluated && std::isfinite(r.metrics.sharpe_per_period)) {
        sr.push_back(r.metrics.sharpe_per_period);
        annual.push_back(r.metrics.sharpe);
      }
    o.trials = sr.size();
    const auto best = res.top_k(1, options.rank_by);
    const sweep_curve* bc = best.empty() ? nullptr : res.curve_of(best[0]);
    try {
      if (bc == nullptr || sr.size() < 2)
        throw config_error("overfitting",
                           "needs >= 2 evaluated variants with a finite Sharpe "
                           "ratio and the best variant's curve (keep_top >= 1)");
      const auto mom = metrics::sample_sharpe_moments(bc->returns);
      o.skewness = mom.skewness;
      o.raw_kurtosis = mom.kurt.raw_value();
      o.psr = metrics::probabilistic_sharpe_ratio(mom, 0.0);
      o.min_track_record = metrics::minimum_track_record_length(mom, 0.0, 0.95);
      o.trial_sharpe_variance = metrics::trial_sharpe_variance(sr, 1);
      const auto d = metrics::deflated_sharpe_ratio(mom, sr.size(), o.trial_sharpe_variance);
      o.dsr = d.probability;
      o.dsr_benchmark = d.benchmark_sharpe;
      const double best_annual = res.rows[best[0]].metrics.sharpe;
      if (best_annual > 0.0) {
        std::vector<double> others;
        bool skipped = false;
        for (const auto& r : res.rows)
          if (r.evaluated && std::isfinite(r.metrics.sharpe_per_period)) {
            if (!skipped && r.variant == best[0]) {
              skipped = true;
              continue;
            }
            others.push_back(r.metrics.sharpe);
          }
        const metrics::haircut_input h{best_annual, T, options.periods_per_year, sr.size()};
        o.haircut_sharpe_bhy =
            metrics::haircut_sharpe_ratio(h, metrics::multiple_testing::bhy, others).haircut_sharpe;
        o.haircut_sharpe_holm =
            metrics::haircut_sharpe_ratio(h, metrics::multiple_testing::holm, others)
                .haircut_sharpe;
        o.haircut_sharpe_bonferroni =
            metrics::haircut_sharpe_ratio(h, metrics::multiple_testing::bonferroni, others)
                .haircut_sharpe;
      } else {
        o.note += "haircut Sharpe undefined: the best Sharpe ratio is not > 0. ";
      }
      if (pbo_matrix.cols() >= 2 && !res.cancelled) {
        const auto p =
            metrics::probability_of_backtest_overfitting(pbo_matrix, options.pbo_partitions);
        o.pbo = p.pbo;
        o.pbo_degradation_slope = p.degradation_slope;
        o.pbo_probability_of_loss = p.probability_of_loss;
        o.pbo_partitions = options.pbo_partitions;
      } else if (res.cancelled) {
        o.note += "PBO skipped: the sweep was cancelled. ";
      }
    } catch (const error& e) {
      o.note += e.what();
    }
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return res;
}

/// sweep() over every admissible point of `grid` (grid.indices(prototype.parameters())).
template <class S>
[[nodiscard]] sweep_result sweep(const S& prototype, const sweep_grid<typename S::params>& grid,
                                 const ohlcv_panel& market, const sweep_options& options = {}) {
  const auto points = grid.indices(prototype.parameters());
  return sweep(prototype, grid, std::span<const std::size_t>(points), market, options);
}

}  // namespace backtest
ALPHA_END_NAMESPACE
