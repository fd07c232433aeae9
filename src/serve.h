/* serve.h: the HTTP server of `tacitus serve`: the JSON API under /api/ and the dashboard's static files, on libmicrohttpd. */
#ifndef TX_SERVE_H
#define TX_SERVE_H

#include "cameo.h"

/* Limits of docs/api.md. */
#define TX_SERVE_REQUEST_MAX 8192     /* bytes of path and query parameters */
#define TX_SERVE_CONNECTIONS 1024     /* connections held at once */
#define TX_SERVE_IDLE_SECONDS 30      /* an idle connection is closed after this */
#define TX_SERVE_FILE_MAX (64L << 20) /* largest static file served */

typedef struct {
    const char *db_path;      /* the event database, opened read-only */
    const char *bind;         /* numeric IPv4 or IPv6 address; NULL: 127.0.0.1 */
    int port;                 /* 0: any free port (tx_serve_port tells which) */
    const char *web_dir;      /* static files; NULL or missing: the API alone */
    const tx_cameo *cameo;    /* borrowed; may be NULL (codes then have no names) */
    unsigned threads;         /* worker threads, each with its database connection; 0: 4 */
    unsigned connections;     /* 0: TX_SERVE_CONNECTIONS */
} tx_serve_options;

typedef struct tx_server tx_server;

/* Opens the database (one connection per worker), binds, listens and starts answering in
 * background threads.  Returns the server (stop it with tx_serve_stop), or NULL with
 * *status (may be NULL) set and why[0..why_size) saying what failed, naming the database
 * path or the address: TX_ERR_IO (database, address, port in use), TX_ERR_USAGE (a bind
 * address that is not numeric), TX_ERR_NOMEM.  `options` need not outlive the call but
 * the cameo table must outlive the server. */
tx_server *tx_serve_start(const tx_serve_options *options, tx_status *status, char *why,
                          size_t why_size);

/* The port the server listens on. */
int tx_serve_port(const tx_server *server);

/* "http://127.0.0.1:8080/" (IPv6 addresses in brackets); owned by the server. */
const char *tx_serve_url(const tx_server *server);

/* Whether static files are served (the web directory exists). */
int tx_serve_has_web(const tx_server *server);

/* Stops answering, waits for the worker threads, closes everything.  NULL is allowed. */
void tx_serve_stop(tx_server *server);

#endif
