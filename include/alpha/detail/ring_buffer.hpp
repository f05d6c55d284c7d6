/// @file
/// alpha::detail::ring_buffer: a fixed-capacity FIFO over a contiguous array, the window store of
/// the rolling accumulators. O(1) push (returning the evicted element), O(w) visit in age order.
// IWYU pragma: private, include "alpha/rolling.hpp"
#pragma once

#include "alpha/config.hpp"

#include <cstddef>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail {

/// Fixed-capacity FIFO: once `capacity()` elements are held, each push overwrites the oldest.
/// No allocation after construction. `T` must be default-constructible and copyable.
template <class T>
class ring_buffer {
 public:
  ring_buffer() = default;
  /// A buffer holding at most `capacity` elements (capacity >= 1).
  explicit ring_buffer(std::size_t capacity) : data_(capacity) { ALPHA_ASSERT(capacity >= 1); }

  [[nodiscard]] std::size_t capacity() const noexcept { return data_.size(); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] bool full() const noexcept { return size_ == data_.size(); }

  /// The oldest element (precondition: !empty()).
  [[nodiscard]] const T& front() const noexcept {
    ALPHA_ASSERT(!empty());
    return data_[full() ? next_ : 0];
  }
  /// The newest element (precondition: !empty()).
  [[nodiscard]] const T& back() const noexcept {
    ALPHA_ASSERT(!empty());
    return data_[next_ == 0 ? data_.size() - 1 : next_ - 1];
  }

  /// Appends `x`; when full, the oldest element is overwritten (read it first with front()).
  void push(const T& x) noexcept {
    data_[next_] = x;
    if (++next_ == data_.size()) next_ = 0;
    if (size_ < data_.size()) ++size_;
  }

  /// Calls `f(element)` for every held element, oldest first.
  template <class F>
  void for_each(F&& f) const {
    if (!full()) {
      for (std::size_t i = 0; i < size_; ++i) f(data_[i]);
      return;
    }
    for (std::size_t i = next_; i < data_.size(); ++i) f(data_[i]);
    for (std::size_t i = 0; i < next_; ++i) f(data_[i]);
  }

  /// Empties the buffer (capacity unchanged).
  void clear() noexcept {
    size_ = 0;
    next_ = 0;
  }

 private:
  std::vector<T> data_;
  std::size_t size_ = 0;
  std::size_t next_ = 0;  // slot of the next push; the oldest element once full
};

}  // namespace detail
ALPHA_END_NAMESPACE
