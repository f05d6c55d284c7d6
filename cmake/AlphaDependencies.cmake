# Finds alpha's dependencies. A target already defined by a parent project wins.
# Nothing is downloaded: install the packages with conanless-install/install-deps.sh.
include_guard(GLOBAL)

macro(_alpha_require_package target)
  if(NOT TARGET ${target})
    find_package(${ARGN})
    if(NOT TARGET ${target})
      message(FATAL_ERROR
        "alpha: dependency target ${target} not found (find_package(${ARGV1})).\n"
        "Install the dependencies with: conanless-install/install-deps.sh "
        "(Debian/Ubuntu; see conanless-install/README.md for other systems).")
    endif()
  endif()
endmacro()

_alpha_require_package(Boost::headers Boost 1.74 CONFIG)
_alpha_require_package(Eigen3::Eigen Eigen3 3.4 NO_MODULE)
# range-v3's version file is ExactVersion: ask for no version.
_alpha_require_package(range-v3::range-v3 range-v3 CONFIG)
_alpha_require_package(fmt::fmt fmt 9 CONFIG)
if(ALPHA_WITH_TBB)
  _alpha_require_package(TBB::tbb TBB CONFIG)
endif()
