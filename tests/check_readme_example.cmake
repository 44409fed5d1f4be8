# cmake -P script: the README's C++ example must be examples/readme_example.cc word for word,
# so the snippet a reader copies is the one CI compiles and runs. Inputs: README, EXAMPLE.
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
string(FIND "${readme}" "```cpp\n${example}```" position)
if(position EQUAL -1)
  message(FATAL_ERROR "README.md's ```cpp block differs from ${EXAMPLE}: update one from the other")
endif()
