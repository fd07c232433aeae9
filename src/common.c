/* common.c: names of status codes, growable arrays. */
#include "common.h"

#include <stdlib.h>

const char *tx_status_name(tx_status status)
{
    switch (status) {
    case TX_OK: return "ok";
    case TX_ERR_NOMEM: return "out of memory";
    case TX_ERR_IO: return "cannot read input";
    case TX_ERR_SYNTAX: return "malformed input";
    case TX_ERR_LIMIT: return "input too large";
    case TX_ERR_USAGE: return "bad arguments";
    }
    return "unknown status";
}

int tx_reserve(void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, n * size);
    if (!p)
        return -1;
    *items = p;
    *cap = n;
    return 0;
}
