# Warnings, -Werror and sanitizers for alpha's own targets only (never on alpha::alpha).
include_guard(GLOBAL)

function(alpha_target_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
      -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
    if(ALPHA_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive- $<$<BOOL:${ALPHA_WERROR}>:/WX>)
  endif()
  if(ALPHA_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${ALPHA_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${ALPHA_SANITIZE})
  endif()
endfunction()
