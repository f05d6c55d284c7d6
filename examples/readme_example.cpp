// The README's example: does a signal predict tomorrow's returns? (snippet quoted verbatim)
#include <alpha/data.hpp>

#include <fmt/core.h>

#include <cmath>

int main() {
  // A seeded synthetic market: 20 assets x 2520 days, sectors, regimes, fat tails and a
  // planted signal whose information coefficient (IC) with next-day returns is 0.03.
  alpha::data::synthetic_market m = alpha::data::default_market();
  fmt::print("{} | {}\n", m.bars.close(), alpha::data::validate(m.bars).summary());

  // IC: per date, the cross-sectional correlation of signal(t) with the return t -> t+1.
  const auto& close = m.bars.close().values();
  double ic_sum = 0;
  for (Eigen::Index t = 0; t + 1 < close.rows(); ++t) {
    Eigen::ArrayXd r = (close.row(t + 1) / close.row(t)).transpose() - 1;
    Eigen::ArrayXd s = m.signal.values().row(t).transpose();
    r -= r.mean();
    s -= s.mean();
    ic_sum += (r * s).sum() / std::sqrt((r * r).sum() * (s * s).sum());
  }
  fmt::print("mean IC of '{}': {:.3f}\n", m.signal_name, ic_sum / double(close.rows() - 1));
}
