// expect: alpha: costs stage: needs
// A cost model whose cost() takes the wrong argument.
#include "compile_fail/support.hpp"
struct per_share_costs {
  struct params {};
  explicit per_share_costs(const params&) {}
  double cost(double shares) const { return shares * 0.01; }
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::sizer,
                                        alpha::with::costs<per_share_costs>>
    s;
