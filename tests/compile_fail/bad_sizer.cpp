// expect: alpha: sizer stage: missing observe
// A sizer without observe().
#include "compile_fail/support.hpp"
struct blind_sizer {
  struct params {};
  blind_sizer(const params&, std::size_t) {}
  void size(const alpha::combine::signal_slice&, const alpha::sizing::sizing_context&,
            std::span<double>) {}
  std::size_t lookback() const { return 0; }
  void reset() {}
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model,
                                        alpha::with::sizer<blind_sizer>, cf::costs>
    s;
