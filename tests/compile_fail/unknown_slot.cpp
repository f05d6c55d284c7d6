// expect: alpha: strategy: every template argument must be a slot
// A policy given without its slot tag.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::good_sizer,
                                        cf::costs>
    s;
