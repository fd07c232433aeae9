/* serve.c: the HTTP server of `tacitus serve`: libmicrohttpd, a pool of read-only API connections, static files. */
#define _XOPEN_SOURCE 700  /* realpath(), which refuses symbolic links out of the web directory */
#include "serve.h"

#include "api.h"
#include "buffer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    DEFAULT_THREADS = 4, LISTEN_BACKLOG = 1024, PARAMS_ROOM = TX_API_PARAMS_MAX + 1,
    HOST_MAX = 64, SERVICE_MAX = 16   /* a numeric address and port as text */
};

struct tx_server {
    struct MHD_Daemon *daemon;
    /* One API (database connection) per worker thread, lent out per request: with
     * libmicrohttpd's thread pool at most `api_count` requests run at once, so a request
     * never waits for one. */
    tx_api **apis;
    size_t api_count, api_free;
    pthread_mutex_t lock;
    pthread_cond_t returned;
    char *web_root;            /* realpath of the web directory, or NULL */
    atomic_int stopping;       /* set by tx_serve_stop: connections are dropped */
    int port;
    char url[128];
};

/* ---- the API pool ---- */

static tx_api *S_borrow(tx_server *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->api_free == 0)
        pthread_cond_wait(&s->returned, &s->lock);
    tx_api *api = s->apis[--s->api_free];
    pthread_mutex_unlock(&s->lock);
    return api;
}

static void S_give_back(tx_server *s, tx_api *api)
{
    pthread_mutex_lock(&s->lock);
    s->apis[s->api_free++] = api;
    pthread_cond_signal(&s->returned);
    pthread_mutex_unlock(&s->lock);
}

/* ---- responses ---- */

static enum MHD_Result S_send(struct MHD_Connection *conn, struct MHD_Response *response,
                              unsigned status, const char *type)
{
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result rc = MHD_queue_response(conn, status, response);
    MHD_destroy_response(response);
    return rc;
}

/* Sends body (taking its memory), or a fixed 500 when building it ran out of memory. */
static enum MHD_Result S_send_json(struct MHD_Connection *conn, tx_buf *body, int status,
                                   int failed)
{
    static const char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}";
    struct MHD_Response *response;
    if (failed || body->failed || !body->data) {
        tx_buf_free(body);
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        response = MHD_create_response_from_buffer(sizeof(oom) - 1, (void *)oom,
                                                   MHD_RESPMEM_PERSISTENT);
    } else {
        size_t len;
        char *data = tx_buf_detach(body, &len);
        response = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
        if (!response)
            free(data);
    }
    if (response)
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    return S_send(conn, response, (unsigned)status, "application/json; charset=utf-8");
}

static enum MHD_Result S_error(struct MHD_Connection *conn, int status, const char *code,
                               const char *message)
{
    tx_buf body = TX_BUF_INIT;
    int failed = tx_api_error(&body, code, NULL, message) < 0;
    return S_send_json(conn, &body, status, failed);
}

/* ---- static files ---- */

static const char *S_content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
        {".png", "image/png"}, {".jpg", "image/jpeg"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"}, {".map", "application/json; charset=utf-8"},
        {".woff2", "font/woff2"},
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < TX_ARRAY_SIZE(types); i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* A relative path we are willing to look up: segments that are neither empty nor start
 * with '.' (no "..", no hidden files), no backslashes. */
static int S_clean_path(const char *rel)
{
    if (!*rel || strlen(rel) > 1024 || strchr(rel, '\\'))
        return 0;
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || p[0] == '.')
            return 0;
        p += n;
        if (*p == '/' && !*++p)
            return 0;  /* a trailing slash: a directory */
    }
    return 1;
}

/* Opens web_root/rel as a regular file inside web_root (symbolic links leading out are
 * refused).  Returns the descriptor with its size, or -1. */
static int S_open_inside(const char *web_root, const char *rel, off_t *size)
{
    char path[PATH_MAX], real[PATH_MAX];
    if ((size_t)snprintf(path, sizeof(path), "%s/%s", web_root, rel) >= sizeof(path))
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    size_t root_len = strlen(web_root);
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > TX_SERVE_FILE_MAX ||
        !realpath(path, real) || strncmp(real, web_root, root_len) != 0 || real[root_len] != '/') {
        close(fd);
        return -1;
    }
    *size = st.st_size;
    return fd;
}

static enum MHD_Result S_static(tx_server *s, struct MHD_Connection *conn, const char *url)
{
    const char *rel = strcmp(url, "/") == 0 ? "index.html" : url + 1;
    off_t size = 0;
    int fd = s->web_root && url[0] == '/' && S_clean_path(rel)
                 ? S_open_inside(s->web_root, rel, &size) : -1;
    if (fd < 0)
        return S_error(conn, MHD_HTTP_NOT_FOUND, "not_found", "no such file");
    struct MHD_Response *response = MHD_create_response_from_fd((size_t)size, fd);
    if (!response) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    return S_send(conn, response, MHD_HTTP_OK, S_content_type(rel));
}

/* ---- the API ---- */

typedef struct {
    tx_api_param items[PARAMS_ROOM];
    size_t count;
} params;

static enum MHD_Result S_collect(void *ctx, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
    (void)kind;
    params *p = ctx;
    if (p->count == PARAMS_ROOM)
        return MHD_NO;  /* one more than allowed is enough for the API to refuse */
    p->items[p->count++] = (tx_api_param){key ? key : "", value ? value : ""};
    return MHD_YES;
}

static enum MHD_Result S_api(tx_server *s, struct MHD_Connection *conn, const char *method,
                             const char *url)
{
    params p;
    p.count = 0;
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, S_collect, &p);
    tx_buf body = TX_BUF_INIT;
    int status = 500;
    tx_api *api = S_borrow(s);
    tx_status rc = tx_api_handle(api, method, url, p.items, p.count, &status, &body);
    S_give_back(s, api);
    return S_send_json(conn, &body, status, rc != TX_OK);
}

/* A connection's context: the length of its raw request target ("/api/events?root=13") times
 * two, plus one once the access handler has seen the request.  The limit is on what the
 * client sent, before decoding; nothing is allocated per request. */
static void *S_log_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)conn;
    return (void *)(uintptr_t)(strlen(uri) * 2);
}

static enum MHD_Result S_answer(void *cls, struct MHD_Connection *conn, const char *url,
                                const char *method, const char *version, const char *upload,
                                size_t *upload_size, void **context)
{
    (void)version;
    (void)upload;
    tx_server *s = cls;
    uintptr_t state = (uintptr_t)*context;
    if (atomic_load(&s->stopping))
        return MHD_NO;  /* closes the connection: see tx_serve_stop */
    /* Errors are answered at once: libmicrohttpd then closes the connection rather than
     * read a body nobody wants. */
    if (state / 2 > TX_SERVE_REQUEST_MAX)
        return S_error(conn, MHD_HTTP_URI_TOO_LONG, "too_large",
                       "the request line is longer than 8 KiB");
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return S_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method_not_allowed",
                       "only GET and HEAD are served");
    /* Answers come once the whole request is in, which keeps the connection alive. */
    if (!(state & 1)) {
        *context = (void *)(state | 1);
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;  /* a GET with a body: the body is ignored */
        return MHD_YES;
    }
    if (strcmp(url, "/api") == 0 || strncmp(url, "/api/", 5) == 0)
        return S_api(s, conn, method, url);
    return S_static(s, conn, url);
}

/* ---- starting and stopping ---- */

static void S_why(char *why, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void S_why(char *why, size_t size, const char *fmt, ...)
{
    if (!why || !size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
}

/* Binds and listens on address:port.  Returns the socket, or -1 with why set. */
static int S_listen(const tx_serve_options *o, tx_status *status, char *why, size_t why_size)
{
    const char *address = o->bind ? o->bind : "127.0.0.1";
    char port[16];
    snprintf(port, sizeof(port), "%d", o->port);
    struct addrinfo hints, *found = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
    if (getaddrinfo(address, port, &hints, &found) != 0) {
        *status = TX_ERR_USAGE;
        S_why(why, why_size, "%s: not a numeric IP address (as 127.0.0.1 or ::1)", address);
        return -1;
    }
    int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0), one = 1;
    /* SO_REUSEADDR lets a restarted server take its port back from connections in
     * TIME_WAIT; another listening server still makes bind fail. */
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
        bind(fd, found->ai_addr, found->ai_addrlen) < 0 || listen(fd, LISTEN_BACKLOG) < 0) {
        int error = errno;
        *status = TX_ERR_IO;
        S_why(why, why_size, "%s port %s: %s%s", address, port, strerror(error),
              error == EADDRINUSE ? " (is another server running there?)" : "");
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    freeaddrinfo(found);
    return fd;
}

/* Fills s->port and s->url from the bound socket. */
static void S_address(tx_server *s, int fd)
{
    struct sockaddr_storage addr;
    socklen_t len = sizeof(addr);
    char host[HOST_MAX] = "127.0.0.1", port[SERVICE_MAX] = "0";
    if (getsockname(fd, (struct sockaddr *)&addr, &len) == 0)
        getnameinfo((struct sockaddr *)&addr, len, host, sizeof(host), port, sizeof(port),
                    NI_NUMERICHOST | NI_NUMERICSERV);
    s->port = atoi(port);
    int v6 = addr.ss_family == AF_INET6;
    snprintf(s->url, sizeof(s->url), "http://%s%s%s:%d/", v6 ? "[" : "", host, v6 ? "]" : "",
             s->port);
}

/* 1,024 connections need as many descriptors, beyond the common soft limit of 1,024. */
static void S_raise_file_limit(unsigned connections)
{
    struct rlimit limit;
    rlim_t want = (rlim_t)connections + 256;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < want) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY || limit.rlim_max > want ? want
                                                                                  : limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

static tx_status S_open_apis(tx_server *s, const tx_serve_options *o, char *why, size_t why_size)
{
    s->api_count = o->threads ? o->threads : DEFAULT_THREADS;
    s->apis = calloc(s->api_count, sizeof(*s->apis));
    if (!s->apis) {
        S_why(why, why_size, "out of memory");
        return TX_ERR_NOMEM;
    }
    for (size_t i = 0; i < s->api_count; i++) {
        char detail[512];
        tx_status status;
        s->apis[i] = tx_api_open(o->db_path, o->cameo, &status, detail, sizeof(detail));
        if (!s->apis[i]) {
            S_why(why, why_size, "%s: %s", o->db_path, detail);
            return status;
        }
        s->api_free++;
    }
    return TX_OK;
}

tx_server *tx_serve_start(const tx_serve_options *o, tx_status *status, char *why,
                          size_t why_size)
{
    tx_status dummy;
    status = status ? status : &dummy;
    tx_server *s = calloc(1, sizeof(*s));
    if (!s) {
        *status = TX_ERR_NOMEM;
        S_why(why, why_size, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->returned, NULL);
    /* Each connection serves one thread at a time (S_borrow), so SQLite's own locks are
     * not needed, and its memory statistics take a global lock on every allocation: both
     * cost a third of the throughput on two cores.  Too late (SQLITE_MISUSE, ignored) once
     * SQLite is initialized, as in tests; answers are the same either way. */
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if ((*status = S_open_apis(s, o, why, why_size)) != TX_OK) {
        tx_serve_stop(s);
        return NULL;
    }
    s->web_root = o->web_dir ? realpath(o->web_dir, NULL) : NULL;
    unsigned connections = o->connections ? o->connections : TX_SERVE_CONNECTIONS;
    S_raise_file_limit(connections);
    int fd = S_listen(o, status, why, why_size);
    if (fd < 0) {
        tx_serve_stop(s);
        return NULL;
    }
    S_address(s, fd);
    /* epoll with a thread pool: each worker thread polls its share of the connections and
     * answers their requests itself, with the API connection it borrows. */
    s->daemon = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC, 0, NULL, NULL, S_answer, s,
        MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->api_count,
        MHD_OPTION_CONNECTION_LIMIT, connections,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)TX_SERVE_IDLE_SECONDS,
        MHD_OPTION_URI_LOG_CALLBACK, S_log_uri, NULL,
        MHD_OPTION_END);
    if (!s->daemon) {
        close(fd);
        *status = TX_ERR_IO;
        S_why(why, why_size, "%s: libmicrohttpd could not start (threads, epoll)", s->url);
        tx_serve_stop(s);
        return NULL;
    }
    *status = TX_OK;
    return s;
}

int tx_serve_port(const tx_server *s) { return s->port; }

const char *tx_serve_url(const tx_server *s) { return s->url; }

int tx_serve_has_web(const tx_server *s) { return s->web_root != NULL; }

void tx_serve_stop(tx_server *s)
{
    if (!s)
        return;
    if (s->daemon) {
        /* Under load a worker keeps serving as long as its connections keep it busy, and
         * would not see the stop: refuse new connections, drop the open ones at their next
         * request, then stop (which joins the workers). */
        atomic_store(&s->stopping, 1);
        MHD_socket listening = MHD_quiesce_daemon(s->daemon);
        if (listening != MHD_INVALID_SOCKET)
            close(listening);
        MHD_stop_daemon(s->daemon);
    }
    for (size_t i = 0; s->apis && i < s->api_count; i++)
        tx_api_close(s->apis[i]);
    free(s->apis);
    free(s->web_root);
    pthread_cond_destroy(&s->returned);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
