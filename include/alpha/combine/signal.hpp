/// @file
/// The signal types every stage after the model speaks: an alpha score in [-1, 1] with a
/// confidence in [0, 1] and a horizon (source design S3's "StrategySignal").
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/timestamp.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace combine {

/// One signal for one asset at one time: the auditable record (S3's StrategySignal).
///
/// - `score` in [-1, 1]: sign = direction, magnitude = strength; NaN = no opinion.
/// - `confidence` in [0, 1]: how much to trust the score (combiners may weight by it).
/// - `horizon`: bars the score is meant for (1, 5, 20, ...).
/// - `vol_adjusted`: whether the score is already divided by the asset's volatility.
/// - `metadata`: small free-form name/value pairs (source name, raw prediction, regime, ...).
struct strategy_signal {
  timestamp time;
  std::string symbol;
  double score = nan;
  double confidence = 0.0;
  std::size_t horizon = 1;
  bool vol_adjusted = false;
  std::vector<std::pair<std::string, double>> metadata;
};

/// The signals of one source over the cross-section at one date: spans of `score` and
/// `confidence` (one entry per asset, NaN score = no opinion) and the source's horizon. Views
/// storage owned elsewhere; O(1) to copy. This is what combiners, calibrators and sizers read.
struct signal_slice {
  std::span<const double> score;
  std::span<const double> confidence;
  std::size_t horizon = 1;
};

/// Mutable storage for one cross-sectional signal (what normalisers and combiners write).
struct signal_buffer {
  std::vector<double> score;
  std::vector<double> confidence;
  std::size_t horizon = 1;

  signal_buffer() = default;
  explicit signal_buffer(std::size_t assets, std::size_t h = 1)
      : score(assets, nan), confidence(assets, 0.0), horizon(h) {}
  /// Resizes to `assets` entries, all NaN score / zero confidence. O(assets).
  void clear(std::size_t assets) {
    score.assign(assets, nan);
    confidence.assign(assets, 0.0);
  }
  [[nodiscard]] std::size_t size() const noexcept { return score.size(); }
  [[nodiscard]] signal_slice view() const noexcept { return {score, confidence, horizon}; }
};

/// Throws config_error unless every finite score is in [-1, 1] and every confidence of a finite
/// score in [0, 1]; `who` names the stage that produced it. O(assets).
inline void check_signal(const signal_slice& s, std::string_view who) {
  if (s.score.size() != s.confidence.size())
    throw shape_error(std::string(who) + ": score and confidence differ in length");
  for (std::size_t i = 0; i < s.score.size(); ++i) {
    const double a = s.score[i], c = s.confidence[i];
    if (is_nan(a)) continue;
    if (!(a >= -1.0 && a <= 1.0) || !(c >= 0.0 && c <= 1.0))
      throw config_error(std::string(who), "signal out of range at asset " + std::to_string(i) +
                                               ": score " + std::to_string(a) + ", confidence " +
                                               std::to_string(c));
  }
}

}  // namespace combine
ALPHA_END_NAMESPACE
