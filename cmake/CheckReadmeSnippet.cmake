# cmake -DREADME=... -DSNIPPET=... -P CheckReadmeSnippet.cmake
# Fails unless README contains the snippet file's text from its first '#include' to the end.
file(READ "${README}" readme)
file(READ "${SNIPPET}" snippet)
string(FIND "${snippet}" "#include" start)
string(SUBSTRING "${snippet}" ${start} -1 body)
string(FIND "${readme}" "${body}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "README.md does not quote ${SNIPPET} verbatim (from its first #include); "
                      "update the README's example.")
endif()
message(STATUS "README example in sync with ${SNIPPET}")
