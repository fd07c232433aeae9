/* diag.h: diagnostics for malformed input, reported as "file:line: message". */
#ifndef TX_DIAG_H
#define TX_DIAG_H

#include "common.h"

/* A sink for problems found in input files.  Readers report and go on; whether a problem is
 * fatal is the caller's decision (`strict`), taken from `count` after the read. */
typedef struct tx_diag {
    /* Called once per problem; NULL prints "file:line: message" to stderr. */
    void (*report)(void *ctx, const char *file, unsigned long line, const char *message);
    void *ctx;
    unsigned long count;  /* problems reported so far */
    int quiet;            /* when set, problems are counted but not printed */
} tx_diag;

#define TX_DIAG_INIT {NULL, NULL, 0, 0}

void tx_diag_report(tx_diag *diag, const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
