// expect: alpha: model stage: a strategy needs exactly one
// Two model slots.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::model, cf::sizer,
                                        cf::costs>
    s;
