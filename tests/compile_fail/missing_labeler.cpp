// expect: alpha: labeler stage: the strategy.s model is trained
// A trained model (ridge) and no labeler.
#include "compile_fail/support.hpp"
[[maybe_unused]] static alpha::strategy<cf::features, cf::model, cf::sizer, cf::costs> s;
