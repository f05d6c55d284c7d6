/// @file
/// The contract of models (alpha::models): from a feature row to a raw prediction.
///
/// Models are trained incrementally so that a backtest and a live run make exactly the same
/// calls in the same order: the strategy `observe()`s a row (features at bar s, label of s) when
/// the label becomes known (bar s + horizon), `forget()`s it when it leaves a rolling training
/// window, and calls `fit()` on its refit schedule (walk-forward: every k bars). `predict()`
/// uses the last fit only. Models are pooled across assets by default (one model, rows of every
/// asset).
///
/// Customization points (members):
///   - `using params = ...;` reflected aggregate; `M(const params&, std::size_t features)`
///   - `void observe(std::span<const double> x, double y)`  add a training row (finite values)
///   - `void forget(std::span<const double> x, double y)`  remove a row observed earlier
///   - `void fit()`  refit on the current rows (a no-op or a clear error if too few rows:
///     `fitted()` stays false then)
///   - `bool fitted() const`, `std::size_t training_rows() const`
///   - `double predict(std::span<const double> x) const`  NaN when not fitted or x has NaN
///   - `void reset()`
///   - optional `static constexpr bool trained = false;` for rule models that need no labels
///     (their observe/forget/fit are no-ops and fitted() is true).
#pragma once

#include "alpha/config.hpp"

#include <concepts>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace models {

/// Has a nested params aggregate; constructible from it and the number of features.
template <class M>
concept ModelParams = requires {
  typename M::params;
}
&&std::constructible_from<M, const typename M::params&, std::size_t>;

/// Learns from rows as they become known.
template <class M>
concept ModelTraining = requires(M& m, std::span<const double> x, double y) {
  m.observe(x, y);
  m.forget(x, y);
  m.fit();
  m.reset();
};

/// Predicts one row.
template <class M>
concept ModelPrediction = requires(const M& m, std::span<const double> x) {
  { m.predict(x) } -> std::convertible_to<double>;
  { m.fitted() } -> std::convertible_to<bool>;
  { m.training_rows() } -> std::convertible_to<std::size_t>;
};

/// A model: all of the above.
template <class M>
concept Model = ModelParams<M> && ModelTraining<M> && ModelPrediction<M>;

/// Whether the model learns from labels (true unless it declares `trained = false`).
template <class M>
constexpr bool is_trained() {
  if constexpr (requires { M::trained; })
    return static_cast<bool>(M::trained);
  else
    return true;
}

/// Optional stage after combination: maps combined scores to calibrated scores.
///   - `using params`; `explicit K(const params&)`
///   - `void observe(double score, double realised)` a (score, realised return) pair known now
///   - `void fit()`, `void calibrate(std::span<double> scores) const` in place, NaN stays NaN
template <class K>
concept Calibrator = requires {
  typename K::params;
}
&&std::constructible_from<K, const typename K::params&>&& requires(K& k, const K& ck,
                                                                   std::span<double> s, double a,
                                                                   double b) {
  k.observe(a, b);
  k.fit();
  ck.calibrate(s);
};

}  // namespace models
ALPHA_END_NAMESPACE
