# Consumers build with strict warnings: alpha's headers and its dependencies must not warn.
function(consumer_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)
endfunction()
