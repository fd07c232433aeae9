/* common.c: names of status codes. */
#include "common.h"

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
