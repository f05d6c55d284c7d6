// The control of the compile-fail tests: every slot right, in a shuffled order. Must compile.
#include "compile_fail/support.hpp"

using ok = alpha::strategy<cf::costs, cf::sizer, cf::model, cf::labeler, cf::features>;
[[maybe_unused]] static ok instance;
