/* test.h: a minimal assertion harness; each test program ends with "N passed, N failed". */
#ifndef TX_TEST_H
#define TX_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_passed, test_failed, test_skipped;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) {                                                              \
            test_passed++;                                                       \
        } else {                                                                 \
            test_failed++;                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

#define CHECK_INT(got, want)                                                     \
    do {                                                                         \
        long long g_ = (long long)(got), w_ = (long long)(want);                 \
        if (g_ == w_) {                                                          \
            test_passed++;                                                       \
        } else {                                                                 \
            test_failed++;                                                       \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                        \
    } while (0)

#define CHECK_STR(got, want)                                                     \
    do {                                                                         \
        const char *g_ = (got), *w_ = (want);                                    \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                   \
            test_passed++;                                                       \
        } else {                                                                 \
            test_failed++;                                                       \
            fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                     \
        }                                                                        \
    } while (0)

/* A check that cannot run here (missing ../shared data): counted apart, never as passed. */
#define SKIP(why)                                                                \
    do {                                                                         \
        test_skipped++;                                                          \
        fprintf(stderr, "%s:%d: skipped: %s\n", __FILE__, __LINE__, why);        \
    } while (0)

static inline int test_report(const char *name)
{
    printf("%s: %d passed, %d failed, %d skipped\n", name, test_passed, test_failed, test_skipped);
    return test_failed ? 1 : 0;
}

/* Where ../shared is: $TACITUS_SHARED, else ../shared relative to the repository. */
static inline const char *test_shared_dir(void)
{
    const char *env = getenv("TACITUS_SHARED");
    return env && *env ? env : "../shared";
}

#endif
