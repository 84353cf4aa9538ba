#pragma once

#include <cstddef>

namespace crmsync::app {

// Hands the allocator's free memory back to the system, after a sync: a
// backfill leaves tens of MiB in the allocator's free lists (tcmalloc's page
// heap and caches, or glibc's arenas), which a daemon that then idles for
// hours would otherwise keep resident. Works with whichever allocator the
// process loaded: tcmalloc when it is there, glibc's malloc_trim otherwise.
// Returns the resident set size it freed, in bytes (0 if it cannot tell).
std::size_t release_free_memory();

}  // namespace crmsync::app
