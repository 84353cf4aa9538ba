#include "daemon/app/free_memory_release.hpp"

#include <fstream>
#include <string>

#include <malloc.h>
#include <unistd.h>

// gperftools' C entry point, weak: null unless crmsyncd was linked with
// tcmalloc (CRMSYNC_ALLOCATOR=tcmalloc), so no build knows which it got.
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));

namespace crmsync::app {
namespace {

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  std::size_t resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

std::size_t release_free_memory() {
  const std::size_t before = resident_bytes();
  if (MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
  } else {
    ::malloc_trim(0);
  }
  const std::size_t after = resident_bytes();
  return before > after ? before - after : 0;
}

}  // namespace crmsync::app
