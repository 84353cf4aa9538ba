// A shared library that exports no crmsync descriptor at all.
extern "C" __attribute__((visibility("default"))) int some_other_library_function() {
  return 42;
}
