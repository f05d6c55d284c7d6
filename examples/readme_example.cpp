// The README's example: a strategy composed as a type and backtested (snippet quoted verbatim)
#include <alpha/alpha.hpp>

#include <fmt/format.h>

using namespace alpha;

// Features -> labels -> walk-forward model -> sizer -> costs, checked when compiled.
using my_strategy = strategy<with::features<features::aux_input, features::rsi, features::roc>,
                             with::labeler<labels::forward_return>, with::model<models::ridge>,
                             with::sizer<sizing::vol_target>, with::costs<costs::bps>>;

int main() {
  // A seeded synthetic market (20 assets x 10 years) and a signal with a planted IC of 0.03,
  // given to the strategy as the bars' auxiliary input.
  data::synthetic_market m = data::default_market();
  m.bars.set_aux(m.signal);

  my_strategy s;  // every number is a reflected, named parameter
  read_params(s.parameters(), "model.0.lambda = 10\nsizer.dollar_neutral = true");
  const auto run = backtest::run(s, m.bars);  // decide at each close, fill at the next open

  const auto net = metrics::summarize(run.book.net_returns);
  const auto gross = metrics::summarize(run.book.gross_returns);
  fmt::print("{} features: {}\n", run.feature_names.size(), fmt::join(run.feature_names, ", "));
  fmt::print("Sharpe {:.2f} before costs, {:.2f} after; {} trades\n", gross.sharpe, net.sharpe,
             run.book.trades.size());
}
