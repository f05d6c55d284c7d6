/// @file
/// backtest::strategy_state<S>: the per-run state of a strategy and its one decision function,
/// shared by the batch runner and the streaming step API so that both make exactly the same
/// calls in the same order (hence bit-identical targets).
///
/// At decision bar t (after the close of t), for N assets and F features:
///  1. rows whose labels became known at t (features at s = t - h, label of s) are observed by
///     every model; with a rolling training window, rows of label bars older than
///     t - h - train_window + 1 are forgotten;
///  2. models are refit when t % refit_every == 0, and on every bar until first fitted;
///  3. each model predicts every asset from its features at t (NaN where a feature is NaN);
///     predictions are normalised to signals and the signals combined; the calibrator (which
///     observes (combined score at s, label of s) pairs on the same schedule) maps the scores;
///  4. the sizer (which observes every bar) turns the signal into target weights; before any
///     model is fitted the targets are 0 (flat); the risk control has the last word.
#pragma once

#include "alpha/backtest/market.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/risk/concept.hpp"
#include "alpha/sizing/concept.hpp"

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// What the strategy sees at decision bar t besides the market slice.
struct decision_inputs {
  std::span<const double> rows;       ///< N x F row-major: features at t
  std::span<const double> past_rows;  ///< N x F row-major: features at t - h (unused if t < h)
  std::span<const double> labels;     ///< N: label of bar t - h (NaN when unknown or t < h)
  std::span<const double> current_weights;  ///< N: weights held going into the decision
  double equity = 0.0;                      ///< portfolio value at close t
  double peak_equity = 0.0;                 ///< highest equity so far
};

/// The per-run state of strategy S over N assets (see the file comment). O(N x F x models) per
/// decision plus the policies' own costs; memory O(N x F) (plus the rolling training window).
template <class S>
class strategy_state {
 public:
  using strategy_type = S;
  static constexpr std::size_t width = S::features_type::width;
  static constexpr std::size_t model_count = S::model_list::size;

  strategy_state(const S& s, std::size_t assets)
      : p_(s.parameters()),
        n_(assets),
        horizon_(horizon_of(p_)),
        models_(S::model_list::make(p_.model, width)),
        normaliser_(p_.normaliser),
        combiner_(p_.combiner),
        calibrator_(p_.calibrator),
        sizer_(p_.sizer, assets),
        risk_(p_.risk, assets),
        raw_(assets, nan),
        signals_(model_count, combine::signal_buffer(assets, horizon_)),
        slices_(model_count),
        combined_(assets, horizon_),
        past_scores_((horizon_ + 1) * assets, nan),
        returns_(assets, nan),
        last_close_(assets, nan) {
    if (assets == 0) throw config_error("assets", "a strategy needs at least one asset");
  }

  /// Bars after which a label is known (1 for rule models without a labeler).
  [[nodiscard]] std::size_t horizon() const noexcept { return horizon_; }
  [[nodiscard]] std::size_t assets() const noexcept { return n_; }
  /// Whether every model has been fitted at least once.
  [[nodiscard]] bool fitted() const noexcept {
    bool all = true;
    boost::hana::for_each(models_, [&](const auto& m) { all = all && m.fitted(); });
    return all;
  }
  /// The combined (and calibrated) signal of the last decision.
  [[nodiscard]] const combine::signal_buffer& signal() const noexcept { return combined_; }

  /// Decides target weights at bar `m.bar` (see the file comment); `targets` has N entries.
  void decide(const market_slice& m, const decision_inputs& in, std::span<double> targets) {
    const std::size_t t = m.bar;
    check_inputs(m, in, targets);
    // Bar returns for the sizer.
    for (std::size_t j = 0; j < n_; ++j) {
      const double c = m.close[j];
      returns_[j] = (is_nan(last_close_[j]) || is_nan(c)) ? nan : c / last_close_[j] - 1.0;
      if (!is_nan(c)) last_close_[j] = c;
    }
    learn(t, in);
    const bool ready = fitted();
    // Predict, normalise, combine.
    std::size_t k = 0;
    boost::hana::for_each(models_, [&](const auto& model) {
      for (std::size_t j = 0; j < n_; ++j)
        raw_[j] = model.predict(in.rows.subspan(j * width, width));
      normaliser_.normalise(raw_, signals_[k]);
      signals_[k].horizon = horizon_;
      slices_[k] = signals_[k].view();
      ++k;
    });
    combiner_.combine(std::span<const combine::signal_slice>(slices_), combined_);
    calibrator_.calibrate(combined_.score);
    // Remember the calibrator's inputs of this bar (score before calibration is not kept:
    // the calibrator learns from its own outputs' inputs, i.e. the combined score).
    std::copy(combined_.score.begin(), combined_.score.end(),
              past_scores_.begin() + static_cast<std::ptrdiff_t>((t % (horizon_ + 1)) * n_));
    // Size.
    const sizing::sizing_context ctx{t, m.close, returns_, in.current_weights, in.equity};
    sizer_.observe(ctx);
    if (ready) {
      sizer_.size(combined_.view(), ctx, targets);
    } else {
      std::fill(targets.begin(), targets.end(), 0.0);
    }
    const risk::risk_context rctx{t, in.equity, in.peak_equity, in.current_weights};
    risk_.apply(targets, rctx);
    for (std::size_t j = 0; j < n_; ++j)
      if (!std::isfinite(targets[j]))
        throw config_error("sizer", "target weight of asset " + std::to_string(j) + " at bar " +
                                        std::to_string(t) + " is not finite");
  }

  /// Back to the state before the first decision.
  void reset() {
    boost::hana::for_each(models_, [](auto& m) { m.reset(); });
    sizer_.reset();
    risk_.reset();
    calibrator_ = typename S::calibrator_type(p_.calibrator);
    training_.clear();
    std::fill(past_scores_.begin(), past_scores_.end(), nan);
    std::fill(last_close_.begin(), last_close_.end(), nan);
  }

 private:
  static std::size_t horizon_of(const typename S::params& p) {
    if constexpr (S::has_labeler)
      return typename S::labeler_type(p.labeler).horizon();
    else
      return 1;
  }
  void check_inputs(const market_slice& m, const decision_inputs& in,
                    std::span<const double> targets) const {
    if (m.close.size() != n_ || in.rows.size() != n_ * width || targets.size() != n_ ||
        in.current_weights.size() != n_ ||
        (m.bar >= horizon_ && (in.past_rows.size() != n_ * width || in.labels.size() != n_)))
      throw shape_error("strategy_state::decide: inputs do not match " + std::to_string(n_) +
                        " assets x " + std::to_string(width) + " features");
  }

  static bool finite_row(std::span<const double> x) {
    for (double v : x)
      if (!std::isfinite(v)) return false;
    return true;
  }

  // Step 1 and 2: training rows, forgetting, refits (models and calibrator).
  void learn(std::size_t t, const decision_inputs& in) {
    if (t >= horizon_) {
      const std::size_t s = t - horizon_;
      const double* past_scores = past_scores_.data() + (s % (horizon_ + 1)) * n_;
      for (std::size_t j = 0; j < n_; ++j) {
        const double y = in.labels[j];
        if (!std::isfinite(y)) continue;
        const auto x = in.past_rows.subspan(j * width, width);
        if (finite_row(x)) {
          if constexpr (S::model_list::any_trained) {
            boost::hana::for_each(models_, [&](auto& model) { model.observe(x, y); });
            if (p_.walk_forward.train_window > 0) {
              training_.push_back(static_cast<double>(s));
              training_.push_back(y);
              training_.insert(training_.end(), x.begin(), x.end());
            }
          }
        }
        if (std::isfinite(past_scores[j])) calibrator_.observe(past_scores[j], y);
      }
      forget(t);
    }
    if (t % p_.walk_forward.refit_every == 0 || !fitted()) {
      boost::hana::for_each(models_, [](auto& model) { model.fit(); });
      calibrator_.fit();
    }
  }

  void forget(std::size_t t) {
    const std::size_t window = p_.walk_forward.train_window;
    if (window == 0) return;
    constexpr std::size_t stride = width + 2;
    while (!training_.empty()) {
      const auto s = static_cast<std::size_t>(training_[0]);
      // Keep label bars s with s > t - h - window.
      if (s + horizon_ + window > t) break;
      const double y = training_[1];
      double x[width];
      for (std::size_t f = 0; f < width; ++f) x[f] = training_[2 + f];
      boost::hana::for_each(
          models_, [&](auto& model) { model.forget(std::span<const double>(x, width), y); });
      training_.erase(training_.begin(), training_.begin() + static_cast<std::ptrdiff_t>(stride));
    }
  }

  typename S::params p_;
  std::size_t n_;
  std::size_t horizon_;
  typename S::model_list::tuple models_;
  typename S::normaliser_type normaliser_;
  typename S::combiner_type combiner_;
  typename S::calibrator_type calibrator_;
  typename S::sizer_type sizer_;
  typename S::risk_type risk_;
  std::vector<double> raw_;
  std::vector<combine::signal_buffer> signals_;
  std::vector<combine::signal_slice> slices_;
  combine::signal_buffer combined_;
  std::vector<double> past_scores_;  // (h + 1) x N ring of combined scores
  std::vector<double> returns_, last_close_;
  std::deque<double> training_;  // rolling window rows: (s, y, x...) flattened
};

}  // namespace backtest
ALPHA_END_NAMESPACE
