/// @file
/// Internal: what the event-driven and vectorised books share — the per-bar call protocol
/// (open_bar, decide, close_bar), the bar records, bad-price handling, cost charging, the fill
/// list and the trade ledger.
#pragma once

#include "alpha/backtest/execution.hpp"
#include "alpha/backtest/ledger.hpp"
#include "alpha/backtest/market.hpp"
#include "alpha/backtest/result.hpp"
#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/detail/backtest/liquidity.hpp"

#include <Eigen/Core>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::backtest {

namespace bt = ::alpha::backtest;

/// A usable price: finite and > 0.
[[nodiscard]] inline bool valid_price(double p) noexcept { return p > 0.0 && std::isfinite(p); }

/// A T x N column-major array grown one row at a time (capacity doubles; reserve() sizes it
/// exactly), so the records become panel values without a transposition. push O(N) amortised.
class column_store {
 public:
  explicit column_store(std::size_t cols) : n_(cols), a_(0, static_cast<Eigen::Index>(cols)) {}
  void reserve(std::size_t rows) {
    if (rows > capacity()) grow_to(rows);
  }
  void push(std::span<const double> row) {
    if (rows_ == capacity()) grow_to(std::max<std::size_t>(16, 2 * rows_));
    const auto t = static_cast<Eigen::Index>(rows_);
    for (std::size_t j = 0; j < n_; ++j) a_(t, static_cast<Eigen::Index>(j)) = row[j];
    ++rows_;
  }
  [[nodiscard]] panel<double>::array_type take() && {
    if (capacity() == rows_) return std::move(a_);
    return a_.topRows(static_cast<Eigen::Index>(rows_));
  }

 private:
  [[nodiscard]] std::size_t capacity() const noexcept {
    return static_cast<std::size_t>(a_.rows());
  }
  void grow_to(std::size_t cap) {
    panel<double>::array_type b(static_cast<Eigen::Index>(cap), static_cast<Eigen::Index>(n_));
    if (rows_ > 0)
      b.topRows(static_cast<Eigen::Index>(rows_)) = a_.topRows(static_cast<Eigen::Index>(rows_));
    a_.swap(b);
  }

  std::size_t n_;
  std::size_t rows_ = 0;
  panel<double>::array_type a_;
};

class book_base {
 public:
  /// Bars recorded so far.
  [[nodiscard]] std::size_t bars() const noexcept { return times_.size(); }
  /// Cash now. O(1).
  [[nodiscard]] double cash() const noexcept { return cash_; }
  /// Equity at the last marking (the last close_bar, or the current bar's decide). O(1).
  [[nodiscard]] double equity() const noexcept { return equity_; }
  /// The last valid price of each asset (close, or fill price if more recent); NaN if none.
  [[nodiscard]] std::span<const double> marks() const noexcept { return mark_; }
  /// The fills so far (empty if record_fills is off).
  [[nodiscard]] const std::vector<bt::fill>& fills() const noexcept { return fills_; }
  /// Warnings so far (bad prices under on_bad_price = "hold", ruin).
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return warnings_; }
  [[nodiscard]] const asset_list& assets() const noexcept { return *assets_; }
  [[nodiscard]] const bt::execution_params& params() const noexcept { return params_; }
  /// Reserves room for `bars` bar records (optional; batch runners call it).
  void reserve(std::size_t bars) {
    times_.reserve(bars);
    for (auto* v : {&equity_s_, &cash_s_, &net_, &gross_, &costs_s_, &traded_s_, &turnover_s_})
      v->reserve(bars);
    weight_rows_.reserve(bars);
    position_rows_.reserve(bars);
  }

 protected:
  enum class phase { between_bars, in_bar, decided };

  book_base(std::shared_ptr<const asset_list> assets, bt::execution_params params)
      : assets_(checked(std::move(assets))),
        n_(assets_->size()),
        params_((bt::validate(params), std::move(params))),
        fill_(bt::fill_timing(params_)),
        policy_(bt::bad_price_handling(params_)),
        liquidity_(n_, params_.liquidity_window),
        ledger_(n_),
        mark_(n_, nan),
        in_gap_(n_, false),
        cash_(params_.initial_capital),
        equity_(params_.initial_capital),
        prev_equity_(params_.initial_capital) {}

  // ---- protocol ----------------------------------------------------------------------------

  /// Starts bar `bars()`: checks the slice's width and that its time follows the last bar's.
  void begin_bar(const bt::market_slice& s) {
    if (phase_ != phase::between_bars)
      throw sequence_error(s, "open_bar called twice without close_bar");
    if (s.close.size() != n_ || s.volume.size() != n_)
      throw shape_error(
          fmt::format("market slice at {} has {} closes and {} volumes for a book of "
                      "{} assets",
                      s.time.to_iso(), s.close.size(), s.volume.size(), n_));
    if (!times_.empty() && !(times_.back() < s.time))
      throw sequence_error(
          s, fmt::format("bar time does not follow the previous bar ({})", times_.back().to_iso()));
    phase_ = phase::in_bar;
    marked_ = false;
    time_ = s.time;
    bar_costs_ = 0.0;
    bar_traded_ = 0.0;
    turnover_base_ = nan;
  }

  /// Checks that `s` is the bar opened by open_bar (and, for decide, not yet decided).
  void require_in_bar(const bt::market_slice& s, std::string_view fn, bool deciding) const {
    if (phase_ == phase::between_bars)
      throw sequence_error(s, fmt::format("{} called before open_bar for this bar", fn));
    if (deciding && phase_ == phase::decided)
      throw sequence_error(s, "decide called twice for one bar");
    if (s.time != time_)
      throw sequence_error(
          s, fmt::format("{} got a bar other than the one opened ({})", fn, time_.to_iso()));
    if (s.close.size() != n_ || s.volume.size() != n_)
      throw shape_error(fmt::format("market slice at {} has {} assets for a book of {}",
                                    s.time.to_iso(), s.close.size(), n_));
  }

  /// Checks the width of a target row and that it holds no infinity; true if every entry is NaN
  /// (no decision).
  bool check_targets(const bt::market_slice& s, std::span<const double> w) const {
    if (w.size() != n_)
      throw shape_error(fmt::format("target weights at {} have {} entries for {} assets",
                                    s.time.to_iso(), w.size(), n_));
    bool none = true;
    for (std::size_t j = 0; j < n_; ++j) {
      if (std::isinf(w[j])) throw data_error(where(j, s), "target weight is infinite");
      if (!is_nan(w[j])) none = false;
    }
    return none;
  }

  /// Appends the bar's record: equity, returns, costs, turnover, weights and positions rows.
  void record_bar(std::span<const double> weights_row, std::span<const double> positions_row) {
    times_.push_back(time_);
    equity_s_.push_back(equity_);
    cash_s_.push_back(cash_);
    net_.push_back(equity_ / prev_equity_ - 1.0);
    gross_.push_back((equity_ + bar_costs_) / prev_equity_ - 1.0);
    costs_s_.push_back(bar_costs_);
    traded_s_.push_back(bar_traded_);
    turnover_s_.push_back(bar_traded_ == 0.0 ? 0.0 : bar_traded_ / turnover_base_);
    weight_rows_.push(weights_row);
    position_rows_.push(positions_row);
    prev_equity_ = equity_;
    phase_ = phase::between_bars;
  }

  // ---- prices, costs, fills ------------------------------------------------------------------

  /// A bad price where one is needed: throws data_error (policy error) or records a warning.
  void bad_price(std::size_t j, const bt::market_slice& s, const std::string& why) {
    if (policy_ == bt::bad_price_policy::error) throw data_error(where(j, s), why);
    warnings_.push_back(fmt::format("{} asset '{}': {}", s.time.to_iso(), (*assets_)[j], why));
  }

  /// A held asset without a valid close: error, or kept at its last valid price (one warning at
  /// the start of each gap).
  void unmarked(std::size_t j, const bt::market_slice& s, double held) {
    if (policy_ == bt::bad_price_policy::error)
      throw data_error(where(j, s),
                       fmt::format("close is {} while the book holds {} of it", s.close[j], held));
    if (!in_gap_[j])
      warnings_.push_back(
          fmt::format("{} asset '{}': close is {}; position held at the last valid "
                      "price {} until a valid close",
                      s.time.to_iso(), (*assets_)[j], s.close[j], mark_[j]));
    in_gap_[j] = true;
  }

  /// The decision protocol both books share, after `mark_to_close` (a callable marking the book
  /// when it is not yet marked): checks the call order and the targets, then calls
  /// `rebalance(j, weight, close, equity, bar)` for every asset with a decision and a valid
  /// close (weight 0 everywhere after a ruin); a decided asset without a valid close, unless
  /// both its target and its holding `held(j)` are 0, is a bad price. O(N) plus the callbacks.
  template <class Mark, class Held, class Rebalance>
  void decide_each(const bt::market_slice& s, std::span<const double> target_weights,
                   Mark&& mark_to_close, Held&& held, Rebalance&& rebalance) {
    require_in_bar(s, "decide", true);
    const bool none = check_targets(s, target_weights);
    if (!marked_) mark_to_close();
    phase_ = phase::decided;
    if (none) return;
    const double e = equity_;
    const bool ruined = !(e > 0.0);
    if (ruined) ruin(s);
    const std::size_t bar = bars();
    for (std::size_t j = 0; j < n_; ++j) {
      const double w = target_weights[j];
      if (is_nan(w)) continue;
      const double c = s.close[j];
      if (!valid_price(c)) {
        if (w == 0.0 && held(j) == 0.0) continue;
        bad_price(
            j, s,
            fmt::format("close is {}: no order for target weight {} (holding {})", c, w, held(j)));
        continue;
      }
      rebalance(j, ruined ? 0.0 : w, c, e, bar);
    }
  }

  /// Whether a rebalance of value |delta| toward `target` falls inside the no-trade band
  /// (execution_params::rebalance_band); a close-out (target 0) never does.
  [[nodiscard]] bool within_band(double target, double delta_value, double equity) const {
    return target != 0.0 && std::fabs(delta_value) < params_.rebalance_band * equity;
  }

  /// Equity <= 0 at a decision: every target becomes 0 (liquidation), reported once per bar.
  void ruin(const bt::market_slice& s) {
    warnings_.push_back(fmt::format("{}: equity {} <= 0 at the decision; targets set to 0",
                                    s.time.to_iso(), equity_));
  }

  /// The cost of one fill from the cost model, checked (finite, >= 0: data_error otherwise).
  template <class C>
  double charge(const C& model, std::size_t j, double quantity, double price, double equity,
                const bt::market_slice& s) const {
    costs::trade_context ctx;
    ctx.asset = j;
    ctx.traded_value = quantity * price;
    ctx.price = price;
    ctx.daily_vol = liquidity_.daily_vol(j);
    ctx.adv = liquidity_.adv(j);
    ctx.equity = equity;
    const double k = static_cast<double>(model.cost(ctx));
    if (!(k >= 0.0) || !std::isfinite(k))
      throw data_error(where(j, s),
                       fmt::format("the cost model returned {} for a trade of value {} (price {}, "
                                   "daily_vol {}, adv {}); costs must be finite and >= 0",
                                   k, ctx.traded_value, price, ctx.daily_vol, ctx.adv));
    return k;
  }

  /// Books a fill's cash-free effects: bar totals, fill list, ledger.
  void book_fill(std::size_t j, double quantity, double price, double cost,
                 std::size_t decision_bar) {
    bar_costs_ += cost;
    bar_traded_ += std::fabs(quantity * price);
    mark_[j] = price;
    if (!params_.record_fills) return;
    bt::fill f;
    f.bar = times_.size();
    f.time = time_;
    f.decision_bar = decision_bar;
    f.asset = j;
    f.quantity = quantity;
    f.price = price;
    f.value = quantity * price;
    f.cost = cost;
    fills_.push_back(f);
    ledger_.add(f);
  }

  /// Moves the records into a backtest_result.
  bt::backtest_result build_result() && {
    bt::backtest_result r;
    const std::size_t t = times_.size();
    r.index = std::make_shared<const time_index>(std::move(times_));
    r.assets = assets_;
    r.initial_capital = params_.initial_capital;
    r.weights = panel<double>(r.index, r.assets, std::move(weight_rows_).take());
    r.positions = panel<double>(r.index, r.assets, std::move(position_rows_).take());
    if (t > 0) r.trades = std::move(ledger_).trades(t - 1, r.index->back(), mark_);
    r.equity = std::move(equity_s_);
    r.cash = std::move(cash_s_);
    r.net_returns = std::move(net_);
    r.gross_returns = std::move(gross_);
    r.costs = std::move(costs_s_);
    r.traded_value = std::move(traded_s_);
    r.turnover = std::move(turnover_s_);
    r.fills = std::move(fills_);
    r.warnings = std::move(warnings_);
    return r;
  }

  [[nodiscard]] data_location where(std::size_t j, const bt::market_slice& s) const {
    data_location loc;
    loc.asset = (*assets_)[j];
    loc.date = s.time.to_iso();
    return loc;
  }

  std::shared_ptr<const asset_list> assets_;
  std::size_t n_;
  bt::execution_params params_;
  bt::fill_at fill_;
  bt::bad_price_policy policy_;
  liquidity_tracker liquidity_;
  bt::trade_ledger ledger_;
  std::vector<double> mark_;
  std::vector<bool> in_gap_;
  double cash_, equity_, prev_equity_;
  phase phase_ = phase::between_bars;
  bool marked_ = false;
  timestamp time_;
  double bar_costs_ = 0.0, bar_traded_ = 0.0, turnover_base_ = nan;

 private:
  static std::shared_ptr<const asset_list> checked(std::shared_ptr<const asset_list> a) {
    if (!a) throw shape_error("backtest book built from a null asset list");
    return a;
  }
  static data_error sequence_error(const bt::market_slice& s, const std::string& why) {
    data_location loc;
    loc.date = s.time.to_iso();
    return data_error(std::move(loc), why);
  }
  std::vector<timestamp> times_;
  std::vector<double> equity_s_, cash_s_, net_, gross_, costs_s_, traded_s_, turnover_s_;
  column_store weight_rows_{n_}, position_rows_{n_};
  std::vector<bt::fill> fills_;
  std::vector<std::string> warnings_;
};

}  // namespace detail::backtest
ALPHA_END_NAMESPACE
