// expect: alpha: features stage: a strategy needs exactly one
// A strategy without features.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::labeler, cf::model, cf::sizer, cf::costs> s;
