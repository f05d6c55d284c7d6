// expect: alpha: combiner stage: needs
// A combiner without params.
#include "compile_fail/support.hpp"
struct no_params_combiner {
  void combine(std::span<const alpha::combine::signal_slice>,
               alpha::combine::signal_buffer&) const {}
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model,
                                        alpha::with::combiner<no_params_combiner>, cf::sizer,
                                        cf::costs>
    s;
