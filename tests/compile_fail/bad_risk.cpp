// expect: alpha: risk stage: needs
// A risk control without reset().
#include "compile_fail/support.hpp"
struct sticky_risk {
  struct params {};
  sticky_risk(const params&, std::size_t) {}
  void apply(std::span<double>, const alpha::risk::risk_context&) {}
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::sizer, cf::costs,
                                        alpha::with::risk<sticky_risk>>
    s;
