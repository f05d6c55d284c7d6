// expect: alpha: sizer stage: a strategy needs exactly one
// No sizer.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::costs> s;
