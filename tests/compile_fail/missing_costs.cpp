// expect: alpha: costs stage: a strategy needs exactly one
// No cost model.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model, cf::sizer> s;
