/* api.h: the JSON API of `tacitus serve` (docs/api.md): a request in, an HTTP status and a JSON body out, without HTTP. */
#ifndef TX_API_H
#define TX_API_H

#include "buffer.h"
#include "cameo.h"

/* Limits of docs/api.md. */
#define TX_API_ROWS_DEFAULT 100    /* rows of a list without `limit` */
#define TX_API_ROWS_MAX 1000       /* most rows of any list (and periods of a timeline) */
#define TX_API_PARAMS_MAX 32       /* query parameters of one request */
#define TX_API_TIME_LIMIT_MS 2000  /* SQLite work per request before it is stopped (503) */

/* One query parameter, decoded.  `value` is "" for a bare name ("?x"), never NULL. */
typedef struct {
    const char *name, *value;
} tx_api_param;

/* One read-only connection to the database plus what answering needs.  Not thread-safe:
 * a server keeps one per worker thread. */
typedef struct tx_api tx_api;

/* Opens the database at `db_path` read-only.  `cameo` (borrowed, may be NULL) names the
 * codes and lists them at /api/codes.  Returns the API (the caller frees it with
 * tx_api_close), or NULL with *status (may be NULL) set and why[0..why_size) holding a
 * message without the path, as tx_store_open does. */
tx_api *tx_api_open(const char *db_path, const tx_cameo *cameo, tx_status *status, char *why,
                    size_t why_size);

/* NULL is allowed. */
void tx_api_close(tx_api *api);

/* Sets how long the SQLite work of one request may take (default TX_API_TIME_LIMIT_MS);
 * 0 stops every query at its first progress check, which is how tests reach the 503. */
void tx_api_set_time_limit(tx_api *api, long milliseconds);

/* Answers `method` on `path` (decoded, starting with "/api/") with params[0..n): appends
 * the JSON answer to `body` and sets *http_status (200, 400, 404, 405, 500 or 503; every
 * error is {"error":{"code","message"[,"parameter"]}}).  Returns TX_OK when an answer was
 * written, TX_ERR_NOMEM when memory ran out (the body is then useless). */
tx_status tx_api_handle(tx_api *api, const char *method, const char *path,
                        const tx_api_param *params, size_t n, int *http_status, tx_buf *body);

/* Appends the error object of docs/api.md to `body`: code ("not_found"), message, and the
 * parameter when not NULL.  For errors the server finds itself (static files, limits).
 * Returns 0, or -1 when out of memory. */
int tx_api_error(tx_buf *body, const char *code, const char *parameter, const char *message);

#endif
