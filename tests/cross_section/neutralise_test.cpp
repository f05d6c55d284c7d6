// Sector neutralisation (demeaning, dummy + exposure regression), feature neutralisation and the
// S0 sector-neutral features, against independent computations written here: per-sector loops in
// long double, the explicit dummy design matrix solved through its normal equations (pivoted LU),
// naive rolling windows.
#include "alpha/features/cross_section/neutralise.hpp"

#include "alpha/features/cross_section/sector_features.hpp"
#include "alpha/features/cross_section/sector_neutral.hpp"

#include "cross_section/support.hpp"

#include <Eigen/LU>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace xs = alpha::features::cross_section;
using alpha_test::xs::expect_panels;
using alpha_test::xs::from_rows;
using alpha_test::xs::near;
using alpha_test::xs::random_panel;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Asset j of an N-asset panel is in sector "S{j % S}" (sector ids are sorted names: S0 < S1..).
alpha::data::sector_map sectors(std::size_t N, std::size_t S) {
  std::vector<alpha::data::sector_entry> e;
  for (std::size_t j = 0; j < N; ++j) {
    std::string sym(1, 'A'), sec(1, 'S');
    sym += std::to_string(j);
    sec += std::to_string(j % S);
    e.push_back({.symbol = sym, .sector = sec, .industry = {}, .line = 0});
  }
  return alpha::data::sector_map(std::move(e));
}

// Naive (weighted) sector demeaning: long double sums per (date, sector).
alpha::panel<double> naive_demean(const alpha::panel<double>& x, std::size_t S,
                                  const alpha::panel<double>* w, std::size_t min_count) {
  alpha::panel<double> out(x.shared_index(), x.shared_assets());
  for (std::size_t t = 0; t < x.rows(); ++t)
    for (std::size_t s = 0; s < S; ++s) {
      long double sw = 0, swx = 0;
      std::size_t n = 0;
      for (std::size_t j = s; j < x.cols(); j += S) {
        const double wj = w ? (*w)(t, j) : 1.0;
        if (!std::isfinite(x(t, j)) || !(std::isfinite(wj) && wj > 0)) continue;
        sw += wj;
        swx += wj * x(t, j);
        ++n;
      }
      for (std::size_t j = s; j < x.cols(); j += S)
        out(t, j) = std::isfinite(x(t, j)) && n >= min_count
                        ? static_cast<double>(x(t, j) - swx / sw)
                        : NaN;
    }
  return out;
}

// Naive dummy regression: design [1{sector = s} for sectors with >= min_count valid | exposures],
// weighted normal equations X'WX b = X'Wy solved by a full-pivot LU (rank-deficient designs are
// not used with this reference).
alpha::panel<double> naive_dummy_residual(const alpha::panel<double>& y, std::size_t S,
                                          const std::vector<const alpha::panel<double>*>& ex,
                                          const alpha::panel<double>* w, std::size_t min_count) {
  alpha::panel<double> out(y.shared_index(), y.shared_assets());
  for (std::size_t t = 0; t < y.rows(); ++t) {
    std::vector<std::size_t> ok;
    std::vector<std::size_t> cnt(S, 0);
    for (std::size_t j = 0; j < y.cols(); ++j) {
      bool v = std::isfinite(y(t, j)) && (!w || ((*w)(t, j) > 0 && std::isfinite((*w)(t, j))));
      for (const auto* e : ex) v = v && std::isfinite((*e)(t, j));
      if (v) ++cnt[j % S];
    }
    std::vector<std::size_t> used;
    std::map<std::size_t, Eigen::Index> col;
    for (std::size_t s = 0; s < S; ++s)
      if (cnt[s] >= min_count) {
        col[s] = static_cast<Eigen::Index>(used.size());
        used.push_back(s);
      }
    for (std::size_t j = 0; j < y.cols(); ++j) {
      bool v = std::isfinite(y(t, j)) && (!w || ((*w)(t, j) > 0 && std::isfinite((*w)(t, j))));
      for (const auto* e : ex) v = v && std::isfinite((*e)(t, j));
      if (v && cnt[j % S] >= min_count) ok.push_back(j);
    }
    const auto n = static_cast<Eigen::Index>(ok.size());
    const auto P = static_cast<Eigen::Index>(used.size() + ex.size());
    if (n <= static_cast<Eigen::Index>(used.size())) continue;  // NaN date
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(n, P);
    Eigen::VectorXd yv(n), wv(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      const std::size_t j = ok[static_cast<std::size_t>(i)];
      X(i, col[j % S]) = 1.0;
      for (std::size_t k = 0; k < ex.size(); ++k)
        X(i, static_cast<Eigen::Index>(used.size() + k)) = (*ex[k])(t, j);
      yv(i) = y(t, j);
      wv(i) = w ? (*w)(t, j) : 1.0;
    }
    const Eigen::MatrixXd XtW = X.transpose() * wv.asDiagonal();
    const Eigen::VectorXd b = (XtW * X).fullPivLu().solve(XtW * yv);
    const Eigen::VectorXd r = yv - X * b;
    for (Eigen::Index i = 0; i < n; ++i) out(t, ok[static_cast<std::size_t>(i)]) = r(i);
  }
  return out;
}

alpha::panel<double> positive_panel(std::size_t T, std::size_t N, std::uint64_t seed) {
  alpha::panel<double> w = random_panel(T, N, seed, 0.05, 0.0);
  w.values() = w.values().abs() + 0.1;  // NaN stays NaN
  return w;
}

}  // namespace

// ---- sector demeaning -------------------------------------------------------------------------

TEST(SectorDemean, HandExample) {
  // Sectors (j % 2): A0, A2, A4 in S0; A1, A3 in S1. Date 0: S0 mean (1 + 3 + 60) / 3 = 64/3;
  // S1 mean (10 + 20) / 2 = 15. Date 1: A2, A4 NaN leave S0 with one member -> NaN (min 2);
  // S1 mean of (4, 8) = 6.
  const auto x = from_rows({{1, 10, 3, 20, 60}, {5, 4, NaN, 8, NaN}});
  const auto r = xs::sector_demean(x, sectors(5, 2));
  alpha_test::xs::expect_rows(
      r, {{1 - 64.0 / 3, -5, 3 - 64.0 / 3, 5, 60 - 64.0 / 3}, {NaN, -2, NaN, 2, NaN}}, 1e-15);
  const auto r1 = xs::sector_demean(x, sectors(5, 2), {.min_count = 1});
  EXPECT_EQ(r1(1, 0), 0.0);
  // Cap-weighted, date 0, S0 weights (1, 1, 2): mean (1 + 3 + 120) / 4 = 31.
  const auto w = from_rows({{1, 1, 1, 1, 2}, {1, 1, 1, 1, 1}});
  EXPECT_DOUBLE_EQ(xs::sector_demean(x, sectors(5, 2), w)(0, 4), 60 - 31.0);
  // A non-positive or NaN weight leaves the member out of the mean but keeps its residual:
  // S0 on date 0 with weights (1, 0, NaN) -> mean 1; A2 -> 3 - 1, A4 -> 60 - 1.
  const auto w0 = from_rows({{1, 1, 0, 1, NaN}, {1, 1, 1, 1, 1}});
  const auto r0 = xs::sector_demean(x, sectors(5, 2), w0, {.min_count = 1});
  EXPECT_EQ(r0(0, 2), 2.0);
  EXPECT_EQ(r0(0, 4), 59.0);
}

TEST(SectorDemean, AgainstNaiveLoops) {
  const auto x = random_panel(700, 37, 3, 0.15);
  const auto w = positive_panel(700, 37, 4);
  expect_panels(xs::sector_demean(x, sectors(37, 5)), naive_demean(x, 5, nullptr, 2), 1e-14);
  expect_panels(xs::sector_demean(x, sectors(37, 5), w, {.min_count = 3}),
                naive_demean(x, 5, &w, 3), 1e-14);
  std::vector<std::size_t> ids(37);
  for (std::size_t j = 0; j < 37; ++j) ids[j] = j % 5;
  expect_panels(xs::group_demean(x, ids), xs::sector_demean(x, sectors(37, 5)), 0);
}

TEST(SectorDemean, UnknownSymbols) {
  const auto x = from_rows({{1, 2, 3, 4}});
  const auto partial = sectors(3, 2);  // A3 is not in the map
  try {
    (void)xs::sector_demean(x, partial);
    FAIL() << "expected data_error";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "A3");
    EXPECT_NE(std::string(e.what()).find("unknown symbol in sector map"), std::string::npos);
  }
  // map_to_unknown: A3 forms its own group (one member -> NaN under min_count 2).
  const auto r =
      xs::sector_demean(x, partial, {.unknown = alpha::data::unknown_symbols::map_to_unknown});
  EXPECT_EQ(r(0, 0), -1.0);  // S0 = {A0, A2}: mean 2
  EXPECT_TRUE(std::isnan(r(0, 3)));
  EXPECT_THROW((void)xs::group_demean(x, std::vector<std::size_t>{0, 1}), alpha::shape_error);
  const auto other = from_rows({{1, 2, 3}});
  EXPECT_THROW((void)xs::sector_demean(x, sectors(4, 2), other), alpha::shape_error);
}

// ---- regression on sector dummies and exposures
// --------------------------------------------------

TEST(SectorResidual, AgainstDummyRegression) {
  const std::size_t T = 300, N = 41, S = 4;
  const auto y = random_panel(T, N, 11, 0.1);
  const auto beta = random_panel(T, N, 12, 0.05, 0.0);
  const auto size = random_panel(T, N, 13, 0.05, 0.0);
  const auto w = positive_panel(T, N, 14);
  const auto map = sectors(N, S);
  expect_panels(xs::sector_residual(y, map, {&beta, &size}),
                naive_dummy_residual(y, S, {&beta, &size}, nullptr, 2), 1e-10);
  expect_panels(xs::sector_residual(y, map, {&beta}, &w, {.min_count = 4}),
                naive_dummy_residual(y, S, {&beta}, &w, 4), 1e-10);
  // No exposures: the regression residual is the sector mean residual.
  expect_panels(xs::sector_residual(y, map, {}), naive_demean(y, S, nullptr, 2), 1e-12);
}

TEST(SectorResidual, RankDeficientExposures) {
  const std::size_t T = 120, N = 30, S = 3;
  const auto y = random_panel(T, N, 21, 0.05);
  const auto beta = random_panel(T, N, 22, 0.0, 0.0);
  // Collinear: 2 * beta duplicates beta; "sector_level" is constant within each sector (in the
  // span of the dummies).
  alpha::panel<double> beta2 = beta;
  beta2.values() *= 2.0;
  alpha::panel<double> level(beta.shared_index(), beta.shared_assets());
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t j = 0; j < N; ++j) level(t, j) = 3.0 + static_cast<double>(j % S);
  const auto map = sectors(N, S);
  const auto base = naive_dummy_residual(y, S, {&beta}, nullptr, 2);
  expect_panels(xs::sector_residual(y, map, {&beta, &beta2}), base, 1e-9);
  expect_panels(xs::sector_residual(y, map, {&beta, &level}), base, 1e-9);
}

// ---- feature neutralisation ---------------------------------------------------------------------

TEST(Neutralise, AgainstNormalEquations) {
  const std::size_t T = 200, N = 50;
  const auto y = random_panel(T, N, 31, 0.1);
  const auto f1 = random_panel(T, N, 32, 0.05, 0.0);
  const auto f2 = random_panel(T, N, 33, 0.05, 0.0);
  for (const bool intercept : {false, true})
    for (const double prop : {1.0, 0.5}) {
      const auto r = xs::neutralise(y, {&f1, &f2}, {.proportion = prop, .intercept = intercept});
      std::size_t checked = 0;
      for (std::size_t t = 0; t < T; ++t) {
        std::vector<std::size_t> ok;
        for (std::size_t j = 0; j < N; ++j)
          if (std::isfinite(y(t, j)) && std::isfinite(f1(t, j)) && std::isfinite(f2(t, j)))
            ok.push_back(j);
        const auto n = static_cast<Eigen::Index>(ok.size());
        Eigen::MatrixXd F(n, intercept ? 3 : 2);
        Eigen::VectorXd yv(n);
        for (Eigen::Index i = 0; i < n; ++i) {
          const std::size_t j = ok[static_cast<std::size_t>(i)];
          F(i, 0) = f1(t, j);
          F(i, 1) = f2(t, j);
          if (intercept) F(i, 2) = 1.0;
          yv(i) = y(t, j);
        }
        const Eigen::VectorXd b =
            (F.transpose() * F).fullPivLu().solve(Eigen::VectorXd(F.transpose() * yv));
        const Eigen::VectorXd expect = yv - prop * (F * b);
        std::size_t i = 0;
        for (std::size_t j = 0; j < N; ++j) {
          if (i < ok.size() && ok[i] == j) {
            EXPECT_TRUE(near(r(t, j), expect(static_cast<Eigen::Index>(i)), 1e-10));
            ++i;
            ++checked;
          } else {
            EXPECT_TRUE(std::isnan(r(t, j)));
          }
        }
        if (prop == 1.0) {  // full neutralisation: residual orthogonal to every factor
          const Eigen::VectorXd res = yv - F * b;
          EXPECT_LT(std::fabs(res.dot(F.col(0))), 1e-9);
        }
      }
      EXPECT_GT(checked, T * N / 2);
    }
}

TEST(Neutralise, CollinearFactorsAndRules) {
  const auto y = random_panel(60, 20, 41, 0.0);
  const auto f = random_panel(60, 20, 42, 0.0, 0.0);
  alpha::panel<double> f3 = f;
  f3.values() *= -3.0;
  expect_panels(xs::neutralise(y, {&f, &f3}), xs::neutralise(y, {&f}), 1e-10);
  expect_panels(xs::neutralise(y, {&f}, {.proportion = 0.0}), y, 1e-15);
  // No factors + intercept: demeaning.
  const auto d = xs::neutralise(y, {}, {.intercept = true});
  for (std::size_t j = 0; j < 20; ++j) {
    long double m = 0;
    for (std::size_t k = 0; k < 20; ++k) m += y(5, k);
    EXPECT_TRUE(near(d(5, j), static_cast<double>(y(5, j) - m / 20), 1e-13));
  }
  // min_count: 3 valid assets, 2 regressors -> default needs 3: kept; 4 -> blanked.
  const auto small_y = from_rows({{1, 2, 4, NaN}});
  const auto small_f = from_rows({{1, 0, 1, 1}});
  EXPECT_TRUE(std::isfinite(xs::neutralise(small_y, {&small_f}, {.intercept = true})(0, 0)));
  EXPECT_TRUE(
      std::isnan(xs::neutralise(small_y, {&small_f}, {.intercept = true, .min_count = 4})(0, 0)));
  EXPECT_THROW((void)xs::neutralise(y, {&f}, {.proportion = 1.5}), alpha::config_error);
  EXPECT_THROW((void)xs::neutralise(y, {nullptr}), alpha::config_error);
  EXPECT_THROW((void)xs::neutralise(y, {&small_f}), alpha::shape_error);
}

// ---- S0 sector-neutral features
// ------------------------------------------------------------------

TEST(SectorFeatures, AgainstNaiveWindows) {
  const std::size_t T = 90, N = 12, S = 3;
  const auto r = random_panel(T, N, 51, 0.03, 0.0);
  const auto map = sectors(N, S);
  const auto f = xs::sector_neutral_features(r, map);
  const auto res = naive_demean(r, S, nullptr, 2);
  expect_panels(f.residual, res, 1e-14);
  // Naive windows over the residual: NaN unless all w values are finite (min_periods = w).
  const auto win = [&](std::size_t t, std::size_t j, std::size_t w, bool sd) {
    if (t + 1 < w) return NaN;
    long double s = 0, q = 0;
    for (std::size_t k = t + 1 - w; k <= t; ++k) {
      if (!std::isfinite(res(k, j))) return NaN;
      s += res(k, j);
    }
    const long double m = s / w;
    if (!sd) return static_cast<double>(m);
    for (std::size_t k = t + 1 - w; k <= t; ++k) q += (res(k, j) - m) * (res(k, j) - m);
    return static_cast<double>(std::sqrt(q / (w - 1)));
  };
  std::size_t finite = 0;
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t j = 0; j < N; ++j) {
      const double m5 = win(t, j, 5, false), m20 = win(t, j, 20, false), s20 = win(t, j, 20, true);
      EXPECT_TRUE(near(f.volatility(t, j), s20, 1e-10)) << t << "," << j;
      EXPECT_TRUE(near(f.momentum(t, j), m5 / s20, 1e-9)) << t << "," << j;
      // mean_20 of residuals is near 0: compare with a relative bound scaled by the ratio.
      const double mr = m5 / m20;
      EXPECT_TRUE(near(f.mean_reversion(t, j), mr, 1e-8 * std::max(1.0, std::fabs(mr))));
      finite += std::isfinite(f.momentum(t, j)) ? 1u : 0u;
    }
  EXPECT_GT(finite, N * 30);
}

TEST(SectorFeatures, NoLookAhead) {
  const auto r = random_panel(80, 10, 61, 0.02, 0.0);
  const auto map = sectors(10, 2);
  const auto base = xs::sector_neutral_features(r, map);
  for (const std::size_t cut : {25u, 50u}) {
    alpha::panel<double> changed = r;
    for (std::size_t t = cut + 1; t < 80; ++t)
      for (std::size_t j = 0; j < 10; ++j) changed(t, j) = 5.0 * std::sin(double(t * j));
    const auto f = xs::sector_neutral_features(changed, map);
    for (std::size_t t = 0; t <= cut; ++t)
      for (std::size_t j = 0; j < 10; ++j) {
        EXPECT_TRUE(near(f.momentum(t, j), base.momentum(t, j), 0));
        EXPECT_TRUE(near(f.volatility(t, j), base.volatility(t, j), 0));
        EXPECT_TRUE(near(f.mean_reversion(t, j), base.mean_reversion(t, j), 0));
      }
  }
  EXPECT_THROW((void)xs::sector_neutral_features(r, map, {.fast = 30, .slow = 20}),
               alpha::config_error);
}

TEST(SectorDemean, SerialEqualsParallel) {
  // 2100 x 40 cells: above the parallel threshold, many blocks of dates.
  const auto x = random_panel(2100, 40, 71, 0.1);
  const auto w = positive_panel(2100, 40, 72);
  const auto f = random_panel(2100, 40, 73, 0.05, 0.0);
  const auto map = sectors(40, 6);
  expect_panels(xs::sector_demean(x, map, w, {.parallel = false}), xs::sector_demean(x, map, w), 0);
  expect_panels(xs::sector_residual(x, map, {&f}, nullptr, {.parallel = false}),
                xs::sector_residual(x, map, {&f}), 0);
  expect_panels(xs::neutralise(x, {&f}, {.parallel = false}), xs::neutralise(x, {&f}), 0);
}
