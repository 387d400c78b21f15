/*
 * flamediff example workload (native C): fill, hash and sort blocks of integers.
 *
 * Build: cc -O1 -g -fno-omit-frame-pointer -o workload workload.c
 * (frame pointers so `perf record -g` sees whole stacks; `noinline` keeps the functions apart).
 * Runs for about a second. FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `checksum_block`
 * makes 18 needless extra `checksum_pass` calls per block, about +30% of total CPU time.
 * FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1). FLAMEDIFF_EXAMPLE_FAIL=1 exits with
 * status 3 (for fault tests).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096

static int regression;

/* GCC (at least 12) gives leaf functions no frame pointer even with -fno-omit-frame-pointer, and
 * shrink-wraps the prologue past hot loops; perf's frame-pointer unwinding then loses the caller
 * of whatever it samples there. So each hot function ends with an empty call (not a leaf) and
 * is compiled without shrink-wrapping. Clang keeps frame pointers everywhere already. */
#if defined(__GNUC__) && !defined(__clang__)
#define HOT __attribute__((noinline, optimize("no-shrink-wrap")))
#else
#define HOT __attribute__((noinline))
#endif

__attribute__((noinline)) static void not_a_leaf(void) { __asm__ volatile(""); }

HOT static void fill_block(uint32_t *b, uint32_t seed) {
  uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < BLOCK; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b[i] = x;
  }
  not_a_leaf();
}

HOT static uint64_t checksum_pass(const uint32_t *b, uint64_t h) {
  for (int i = 0; i < BLOCK; i++) h = (h ^ b[i]) * 1099511628211ull;
  not_a_leaf();
  return h;
}

HOT static uint64_t checksum_block(const uint32_t *b) {
  uint64_t h = checksum_pass(b, 1469598103934665603ull);
  if (regression) {
    /* The injected regression: extra, needless passes over the block. */
    for (int k = 0; k < 18; k++) h = checksum_pass(b, h);
  }
  /* Work after the call keeps it a real call (no tail call), so this frame stays in stacks. */
  return h ^ (h >> 29);
}

/* Our own sort rather than libc's qsort: libc is built without frame pointers, which would cut
 * perf's stacks short at the comparison callback. */
HOT static void sift_down(uint32_t *b, int root, int end) {
  while (2 * root + 1 <= end) {
    int child = 2 * root + 1;
    if (child + 1 <= end && b[child] < b[child + 1]) child++;
    if (b[root] >= b[child]) break;
    uint32_t t = b[root];
    b[root] = b[child];
    b[child] = t;
    root = child;
  }
  not_a_leaf();
}

HOT static void sort_block(uint32_t *b) {
  for (int start = BLOCK / 2 - 1; start >= 0; start--) sift_down(b, start, BLOCK - 1);
  for (int end = BLOCK - 1; end > 0; end--) {
    uint32_t t = b[0];
    b[0] = b[end];
    b[end] = t;
    sift_down(b, 0, end - 1);
  }
}

int main(void) {
  const char *fail = getenv("FLAMEDIFF_EXAMPLE_FAIL");
  if (fail && strcmp(fail, "1") == 0) {
    fprintf(stderr, "example: failing on purpose (FLAMEDIFF_EXAMPLE_FAIL=1)\n");
    return 3;
  }
  const char *reg = getenv("FLAMEDIFF_EXAMPLE_REGRESSION");
  regression = reg && strcmp(reg, "1") == 0;
  const char *scale_env = getenv("FLAMEDIFF_EXAMPLE_SCALE");
  double scale = scale_env ? atof(scale_env) : 1.0;
  int blocks = (int)(2500 * scale);
  static uint32_t b[BLOCK];
  uint64_t acc = 0;
  for (int i = 0; i < blocks; i++) {
    fill_block(b, (uint32_t)i);
    acc ^= checksum_block(b);
    sort_block(b);
    acc += b[BLOCK / 2];
  }
  printf("processed %d blocks (%llx)\n", blocks, (unsigned long long)acc);
  return 0;
}
