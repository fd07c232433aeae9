/* common.h: shared macros and small inline helpers for libtacitus. */
#ifndef TX_COMMON_H
#define TX_COMMON_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#define TX_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define TX_MIN(a, b) ((a) < (b) ? (a) : (b))
#define TX_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Status codes shared by every module.  Errors are values, never aborts. */
typedef enum {
    TX_OK = 0,
    TX_ERR_NOMEM,   /* an allocation failed */
    TX_ERR_IO,      /* a file could not be opened or read */
    TX_ERR_SYNTAX,  /* malformed input (dictionary line, record, JSON) */
    TX_ERR_LIMIT,   /* input exceeds a documented limit */
    TX_ERR_USAGE    /* a caller passed arguments that make no sense */
} tx_status;

const char *tx_status_name(tx_status status);

/* Makes room in a growable array for the item at index `count` (doubling, from 64 items):
 * returns 0, or -1 when out of memory (the array is then unchanged). */
int tx_reserve(void **items, size_t *cap, size_t count, size_t size);

#endif
