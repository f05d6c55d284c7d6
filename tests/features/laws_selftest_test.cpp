// Self-test of tests/features/laws.hpp on a test-only bar indicator with two outputs, so that the
// BarIndicator and multi-output paths of IndicatorLaws are exercised by this file too.
#include "alpha/core/nan.hpp"
#include "alpha/features/ta/concept.hpp"

#include "features/laws.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace {

/// Test-only: {high - low, close - open} averaged over the last n valid bars (NaN bars skipped).
class toy_range {
 public:
  struct params {
    std::size_t period = 3;
  };
  static constexpr std::array<std::string_view, 2> output_names{"hl", "oc"};
  static constexpr alpha::features::input_fields inputs = alpha::features::input_fields::ohlc;
  explicit toy_range(const params& p) : n_(p.period) {}
  void update(const alpha::bar& b) {
    if (alpha::is_nan(b.close)) return;
    hl_[count_ % 8] = b.high - b.low;
    oc_[count_ % 8] = b.close - b.open;
    ++count_;
  }
  [[nodiscard]] std::array<double, 2> value() const {
    if (!ready()) return {alpha::nan, alpha::nan};
    double a = 0, c = 0;
    for (std::size_t i = count_ - n_; i < count_; ++i) {
      a += hl_[i % 8];
      c += oc_[i % 8];
    }
    return {a, c};
  }
  [[nodiscard]] bool ready() const { return count_ >= n_; }
  [[nodiscard]] std::size_t lookback() const { return n_ - 1; }
  void reset() { count_ = 0; }

 private:
  std::size_t n_;
  std::size_t count_ = 0;
  std::array<double, 8> hl_{}, oc_{};
};
static_assert(alpha::features::BarIndicator<toy_range>);

}  // namespace

template <>
struct alpha_test::indicator_traits<toy_range> {
  static toy_range::params params() { return {.period = 4}; }
};

using ToyTypes = ::testing::Types<toy_range>;
INSTANTIATE_TYPED_TEST_SUITE_P(LawsSelfTest, IndicatorLaws, ToyTypes);

TEST(LawsSelfTest, RandomBarsAreConsistent) {
  const auto d = alpha_test::random_bars(500, 7);
  for (std::size_t i = 0; i < d.size(); ++i) {
    EXPECT_GE(d.high[i], std::max(d.open[i], d.close[i]));
    EXPECT_LE(d.low[i], std::min(d.open[i], d.close[i]));
    EXPECT_GT(d.low[i], 0.0);
    EXPECT_GT(d.volume[i], 0.0);
  }
}
