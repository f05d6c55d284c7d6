// expect: alpha: labeler stage: missing .static void batch
// A labeler with no batch form.
#include "compile_fail/support.hpp"
struct stream_only {
  struct params {};
  explicit stream_only(const params&) {}
  std::size_t horizon() const { return 1; }
  double update(const alpha::bar&) { return 0; }
  void reset() {}
};
[[maybe_unused]] static alpha::strategy<cf::features, alpha::with::labeler<stream_only>, cf::model,
                                        cf::sizer, cf::costs>
    s;
