/* api.c: answers the JSON API of `tacitus serve` (docs/api.md) from a read-only event database. */
#include "api.h"

#include "article.h"
#include "jsonw.h"
#include "store.h"
#include "storejson.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct tx_api {
    tx_store *store;
    const tx_cameo *cameo;
    long time_limit_ms;
    struct timespec deadline;
    int timed_out;          /* the progress handler stopped the last query */
};

enum {
    CODE_MAX = 32,          /* longest actor or event code prefix a filter takes */
    TEXT_MAX = 512,         /* longest full-text query or speaker name */
    SAFE_MAX = 64,          /* bytes of a bad value quoted back in a message */
    PROGRESS_STEPS = 256    /* SQLite VM steps between two looks at the clock */
};

typedef enum { E_EVENTS, E_DYADS, E_TIMELINE, E_ACTORS, E_QUOTES, E_ARTICLE, E_CODES } endpoint;

#define BIT(e) (1u << (e))
#define FILTERS (BIT(E_EVENTS) | BIT(E_DYADS) | BIT(E_TIMELINE) | BIT(E_ACTORS))
#define LISTS (FILTERS | BIT(E_QUOTES))

/* A parsed request: the event filter and whatever else its endpoint takes. */
typedef struct {
    endpoint endpoint;
    tx_store_filter filter;
    char source[CODE_MAX + 1], target[CODE_MAX + 1], actor[CODE_MAX + 1], code[CODE_MAX + 1];
    char root[3], dyad[2][CODE_MAX + 1];
    long limit, offset;
    tx_store_period by;
    int full;                 /* level=full: whole actor codes, not their first three letters */
    int by_speaker;           /* group=speaker */
    const char *speaker;      /* borrowed from the parameters */
    int64_t article;          /* quotes of one article; the article of /api/articles/{id} */
    const char *bad;          /* the parameter at fault (static, or bad_name) */
    char bad_name[SAFE_MAX + 8];
    char message[256];
} request;

/* ---- the clock ---- */

static int S_progress(void *ctx)
{
    tx_api *api = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > api->deadline.tv_sec ||
        (now.tv_sec == api->deadline.tv_sec && now.tv_nsec >= api->deadline.tv_nsec))
        api->timed_out = 1;
    return api->timed_out;
}

static void S_start_clock(tx_api *api)
{
    clock_gettime(CLOCK_MONOTONIC, &api->deadline);
    long ns = api->deadline.tv_nsec + api->time_limit_ms % 1000 * 1000000;
    api->deadline.tv_sec += api->time_limit_ms / 1000 + ns / 1000000000;
    api->deadline.tv_nsec = ns % 1000000000;
    api->timed_out = 0;
}

tx_api *tx_api_open(const char *db_path, const tx_cameo *cameo, tx_status *status, char *why,
                    size_t why_size)
{
    tx_status dummy;
    status = status ? status : &dummy;
    tx_api *api = calloc(1, sizeof(*api));
    if (!api) {
        *status = TX_ERR_NOMEM;
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    api->store = tx_store_open(db_path, TX_STORE_READ, status, why, why_size);
    if (!api->store) {
        free(api);
        return NULL;
    }
    api->cameo = cameo;
    api->time_limit_ms = TX_API_TIME_LIMIT_MS;
    sqlite3_progress_handler(tx_store_db(api->store), PROGRESS_STEPS, S_progress, api);
    return api;
}

void tx_api_close(tx_api *api)
{
    if (!api)
        return;
    tx_store_close(api->store);
    free(api);
}

void tx_api_set_time_limit(tx_api *api, long milliseconds)
{
    api->time_limit_ms = milliseconds > 0 ? milliseconds : 0;
}

/* ---- errors ---- */

/* Copies at most SAFE_MAX bytes of the valid UTF-8 start of `s` to out[SAFE_MAX + 8]: the
 * JSON writer takes valid UTF-8 only, and a message need not repeat a whole long value. */
static const char *S_safe(const char *s, char *out)
{
    size_t n = strlen(s), valid = tx_utf8_validate(s, TX_MIN(n, (size_t)SAFE_MAX));
    while (valid > 0 && valid < n && ((unsigned char)s[valid] & 0xC0) == 0x80)
        valid--;  /* cut before a character, not inside it */
    memcpy(out, s, valid);
    strcpy(out + valid, valid < n ? "..." : "");
    return out;
}

int tx_api_error(tx_buf *body, const char *code, const char *parameter, const char *message)
{
    tx_json_writer w;
    tx_json_init(&w, body);
    tx_json_begin(&w);
    tx_json_key(&w, "error");
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "code", code);
    if (parameter)
        tx_json_key_cstr(&w, "parameter", parameter);
    tx_json_key_cstr(&w, "message", message);
    tx_json_end(&w);
    tx_json_end(&w);
    return w.failed ? -1 : 0;
}

/* ---- parameters ---- */

static int S_fail(request *r, const char *fmt, const char *value)
{
    char safe[SAFE_MAX + 8];
    snprintf(r->message, sizeof(r->message), fmt, value ? S_safe(value, safe) : "");
    return -1;
}

/* An actor or event code prefix: letters, digits and '-' (unnamed actors are "---GOV"),
 * upper-cased as codes are stored. */
static int S_code(request *r, const char *value, char *out, const char *what)
{
    size_t n = strlen(value);
    for (size_t i = 0; i < n && n <= CODE_MAX; i++) {
        char c = value[i];
        int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!letter && !(c >= '0' && c <= '9') && c != '-')
            n = CODE_MAX + 1;
        else
            out[i] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (n > CODE_MAX) {
        char fmt[128];
        snprintf(fmt, sizeof(fmt), "takes %s (letters, digits, '-'; at most %d), not '%%s'", what,
                 CODE_MAX);
        return S_fail(r, fmt, value);
    }
    out[n] = '\0';
    return 0;
}

/* A whole number of at most 15 digits in [min, max]. */
static int S_number(const char *value, long min, long max, long *out)
{
    size_t n = strspn(value, "0123456789");
    if (n == 0 || n > 15 || value[n])
        return -1;
    long long v = strtoll(value, NULL, 10);
    if (v < min || v > max)
        return -1;
    *out = (long)v;
    return 0;
}

static int S_source(request *r, const char *v)
{
    r->filter.source = r->source;
    return S_code(r, v, r->source, "an actor code prefix");
}

static int S_target(request *r, const char *v)
{
    r->filter.target = r->target;
    return S_code(r, v, r->target, "an actor code prefix");
}

static int S_actor(request *r, const char *v)
{
    r->filter.actor = r->actor;
    return S_code(r, v, r->actor, "an actor code prefix");
}

static int S_event_code(request *r, const char *v)
{
    r->filter.code = r->code;
    return S_code(r, v, r->code, "a CAMEO code prefix");
}

static int S_root(request *r, const char *v)
{
    long root;
    if (strlen(v) > 2 || S_number(v, 1, 20, &root) < 0)
        return S_fail(r, "takes a CAMEO root, 01 to 20; not '%s'", v);
    snprintf(r->root, sizeof(r->root), "%02ld", root);
    r->filter.root = r->root;
    return 0;
}

static int S_quad(request *r, const char *v)
{
    long quad;
    if (strlen(v) != 1 || S_number(v, 1, 4, &quad) < 0)
        return S_fail(r, "takes a quad class, 1 to 4; not '%s'", v);
    r->filter.quad = (int)quad;
    return 0;
}

static int S_day(request *r, const char *v, int32_t *out)
{
    *out = strlen(v) == 10 && v[4] == '-' && v[7] == '-' ? tx_article_date_int(v) : 0;
    return *out ? 0 : S_fail(r, "takes a day as YYYY-MM-DD, not '%s'", v);
}

static int S_from(request *r, const char *v) { return S_day(r, v, &r->filter.from); }

static int S_to(request *r, const char *v) { return S_day(r, v, &r->filter.to); }

static int S_certainty(request *r, const char *v)
{
    if (tx_store_parse_certainties(v, &r->filter.certainties) == 0)
        return 0;
    return S_fail(r, "takes a comma list of asserted, reported, hypothetical, negated, or all;"
                     " not '%s'", v);
}

static int S_utf8_text(request *r, const char *v, const char *what)
{
    size_t n = strlen(v);
    if (n > TEXT_MAX || tx_utf8_validate(v, n) != n) {
        char fmt[128];
        snprintf(fmt, sizeof(fmt), "takes %s of at most %d bytes of UTF-8", what, TEXT_MAX);
        return S_fail(r, fmt, NULL);
    }
    return 0;
}

static int S_text(request *r, const char *v)
{
    r->filter.text = v;
    return S_utf8_text(r, v, "a full-text query");
}

static int S_dyad(request *r, const char *v)
{
    const char *comma = strchr(v, ',');
    if (!comma || comma == v || !comma[1] || strchr(comma + 1, ',') ||
        (size_t)(comma - v) > CODE_MAX)
        return S_fail(r, "takes two actor code prefixes, as in USA,CHN; not '%s'", v);
    char first[CODE_MAX + 1];
    memcpy(first, v, (size_t)(comma - v));
    first[comma - v] = '\0';
    if (S_code(r, first, r->dyad[0], "two actor code prefixes") < 0 ||
        S_code(r, comma + 1, r->dyad[1], "two actor code prefixes") < 0)
        return -1;
    r->filter.dyad_a = r->dyad[0];
    r->filter.dyad_b = r->dyad[1];
    return 0;
}

static int S_limit(request *r, const char *v)
{
    if (S_number(v, 1, TX_API_ROWS_MAX, &r->limit) < 0)
        return S_fail(r, "takes a number from 1 to 1000, not '%s'", v);
    return 0;
}

static int S_offset(request *r, const char *v)
{
    if (S_number(v, 0, 1000000000, &r->offset) < 0)
        return S_fail(r, "takes a number from 0 to 1000000000, not '%s'", v);
    return 0;
}

static int S_level(request *r, const char *v)
{
    if (strcmp(v, "country") != 0 && strcmp(v, "full") != 0)
        return S_fail(r, "takes country or full, not '%s'", v);
    r->full = v[0] == 'f';
    return 0;
}

static int S_by(request *r, const char *v)
{
    static const char *const names[] = {"day", "week", "month"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(names); i++)
        if (strcmp(v, names[i]) == 0) {
            r->by = (tx_store_period)i;
            return 0;
        }
    return S_fail(r, "takes day, week or month, not '%s'", v);
}

static int S_speaker(request *r, const char *v)
{
    r->speaker = v;
    return S_utf8_text(r, v, "a name");
}

static int S_article(request *r, const char *v)
{
    long id;
    if (S_number(v, 1, 999999999999999L, &id) < 0)
        return S_fail(r, "takes an article id (a positive number), not '%s'", v);
    r->article = id;
    return 0;
}

static int S_group(request *r, const char *v)
{
    if (strcmp(v, "speaker") != 0)
        return S_fail(r, "takes speaker, not '%s'", v);
    r->by_speaker = 1;
    return 0;
}

typedef int (*parser)(request *r, const char *value);

static const struct {
    const char *name;
    unsigned endpoints;   /* BIT(endpoint) of those that take it */
    parser parse;
} S_params[] = {
    {"source", FILTERS, S_source},     {"target", FILTERS, S_target},
    {"actor", LISTS, S_actor},         {"code", FILTERS, S_event_code},
    {"root", FILTERS, S_root},         {"quad", FILTERS, S_quad},
    {"from", LISTS, S_from},           {"to", LISTS, S_to},
    {"certainty", FILTERS, S_certainty}, {"text", FILTERS, S_text},
    {"dyad", FILTERS, S_dyad},         {"limit", LISTS, S_limit},
    {"offset", LISTS, S_offset},       {"level", BIT(E_DYADS) | BIT(E_ACTORS), S_level},
    {"by", BIT(E_TIMELINE), S_by},     {"speaker", BIT(E_QUOTES), S_speaker},
    {"article", BIT(E_QUOTES), S_article}, {"group", BIT(E_QUOTES), S_group},
};

_Static_assert(TX_ARRAY_SIZE(S_params) <= 32, "one bit per parameter in `seen`");

static int S_unknown(request *r, const char *name, const char *fmt)
{
    r->bad = S_safe(name, r->bad_name);
    snprintf(r->message, sizeof(r->message), fmt, r->bad);
    return -1;
}

/* Reads params[0..n) into *r.  An empty value is the parameter left out (forms send them);
 * an unknown or repeated one is an error, so that a typo never widens a query. */
static int S_parse(request *r, const tx_api_param *params, size_t n)
{
    if (n > TX_API_PARAMS_MAX) {
        snprintf(r->message, sizeof(r->message), "at most %d parameters", TX_API_PARAMS_MAX);
        return -1;
    }
    uint32_t seen = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < TX_ARRAY_SIZE(S_params) && strcmp(S_params[k].name, params[i].name) != 0)
            k++;
        if (k == TX_ARRAY_SIZE(S_params) || !(S_params[k].endpoints & BIT(r->endpoint)))
            return S_unknown(r, params[i].name, "'%s' is not a parameter of this endpoint");
        if (seen & (1u << k))
            return S_unknown(r, params[i].name, "'%s' is given twice");
        seen |= 1u << k;
        if (params[i].value[0] && S_params[k].parse(r, params[i].value) < 0) {
            r->bad = S_params[k].name;  /* the message becomes "NAME takes ..." */
            size_t name = strlen(r->bad), room = sizeof(r->message) - name - 2;
            size_t len = TX_MIN(strlen(r->message), room);
            memmove(r->message + name + 1, r->message, len);
            memcpy(r->message, r->bad, name);
            r->message[name] = ' ';
            r->message[name + 1 + len] = '\0';
            return -1;
        }
    }
    if (r->filter.from && r->filter.to && r->filter.from > r->filter.to) {
        r->bad = "to";
        snprintf(r->message, sizeof(r->message), "to is before from");
        return -1;
    }
    return 0;
}

/* ---- writing ---- */




static const char *S_code_name(const tx_api *api, const char *code)
{
    const tx_cameo_code *c = api->cameo ? tx_cameo_find(api->cameo, code) : NULL;
    return c ? c->name : NULL;
}


static void S_event_json(const tx_api *api, tx_json_writer *w, const tx_store_event *e)
{
    tx_json_begin(w);
    tx_json_key_int(w, "event", e->id);
    tx_json_key_int(w, "article", e->article_row);
    tx_json_key_cstr(w, "article_ext", e->article);
    tx_json_key_cstr(w, "code_name", S_code_name(api, e->code));
    tx_json_key_int(w, "sentence_start", e->sentence_start);
    tx_store_event_fields(w, e);
    tx_json_end(w);
}

/* Writes `values` as a JSON array of numbers. */
static void S_quad_json(tx_json_writer *w, const long values[4])
{
    tx_json_key(w, "quad");
    tx_json_begin_array(w);
    for (int q = 0; q < 4; q++)
        tx_json_value_int(w, values[q]);
    tx_json_end_array(w);
}

/* ---- SQL of the endpoints that read beyond tx_store_events ---- */

static tx_status S_sql_status(int rc)
{
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? TX_OK
           : (rc & 0xFF) == SQLITE_NOMEM ? TX_ERR_NOMEM : TX_ERR_IO;
}

static const char *S_col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);  /* NULL for SQL NULL */
}

/* Prepares sql (a filter query when `f` is given, bound with it).  NULL on error. */
static sqlite3_stmt *S_prepare(tx_api *api, const tx_buf *sql, const tx_store_filter *f,
                               tx_status *status)
{
    sqlite3_stmt *st = NULL;
    *status = TX_OK;
    if (sql->failed)
        *status = TX_ERR_NOMEM;
    else if (sqlite3_prepare_v2(tx_store_db(api->store), sql->data, -1, &st, NULL) != SQLITE_OK ||
             (f && tx_store_filter_bind(st, f) < 0))
        *status = TX_ERR_IO;
    if (*status != TX_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

/* The step status of a filter query: a malformed full-text query shows as a plain error. */
static tx_status S_filter_status(const tx_store_filter *f, int rc)
{
    return rc == SQLITE_ERROR && f->text ? TX_ERR_USAGE : S_sql_status(rc);
}

static int S_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return !i || sqlite3_bind_int64(st, i, value) == SQLITE_OK ? 0 : -1;
}

static int S_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return !i || sqlite3_bind_text(st, i, value, -1, SQLITE_STATIC) == SQLITE_OK ? 0 : -1;
}

/* Prepares a filter query that also takes :full (level=full).  NULL on error. */
static sqlite3_stmt *S_prepare_level(tx_api *api, const tx_buf *sql, const request *r,
                                     tx_status *status)
{
    sqlite3_stmt *st = S_prepare(api, sql, &r->filter, status);
    if (st && S_bind_int(st, ":full", r->full) < 0) {
        sqlite3_finalize(st);
        *status = TX_ERR_IO;
        return NULL;
    }
    return st;
}

/* The key of an actor at the asked level: the whole code, or its first three letters. */
#define S_KEY(column) "CASE WHEN :full THEN " column " ELSE substr(" column ", 1, 3) END"

/* ---- endpoints ---- */

typedef struct {
    const tx_api *api;
    tx_json_writer *w;
} event_writer;

static int S_each_event(void *ctx, const tx_store_event *e)
{
    event_writer *ew = ctx;
    S_event_json(ew->api, ew->w, e);
    return ew->w->failed;
}

static tx_status S_events(tx_api *api, request *r, tx_json_writer *w)
{
    long total;
    tx_status status = tx_store_count(api->store, &r->filter, &total);
    if (status != TX_OK)
        return status;
    r->filter.limit = r->limit;
    r->filter.offset = r->offset;
    r->filter.newest_first = 1;
    tx_json_begin(w);
    tx_json_key_int(w, "total", total);
    tx_json_key_int(w, "offset", r->offset);
    tx_json_key_int(w, "limit", r->limit);
    tx_json_key(w, "events");
    tx_json_begin_array(w);
    event_writer ew = {api, w};
    status = tx_store_events(api->store, &r->filter, S_each_event, &ew);
    tx_json_end_array(w);
    tx_json_end(w);
    return status;
}

/* An aggregate over the filtered events: `select` continues "WITH ev AS (filter)" and is
 * paged by :limit and :offset; each row is written by `row` into the array `list`. */
static tx_status S_grouped(tx_api *api, request *r, tx_json_writer *w, const char *select,
                           const char *list, void (*row)(tx_json_writer *, sqlite3_stmt *))
{
    tx_buf sql = TX_BUF_INIT;
    tx_buf_puts(&sql, "WITH ev AS (");
    tx_store_filter_sql(&r->filter, &sql);
    tx_buf_puts(&sql, select);
    r->filter.limit = r->limit;
    r->filter.offset = r->offset;
    tx_status status;
    sqlite3_stmt *st = S_prepare_level(api, &sql, r, &status);
    tx_buf_free(&sql);
    if (!st)
        return status;
    tx_json_begin(w);
    tx_json_key_cstr(w, "level", r->full ? "full" : "country");
    tx_json_key(w, list);
    tx_json_begin_array(w);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !w->failed)
        row(w, st);
    tx_json_end_array(w);
    tx_json_end(w);
    status = S_filter_status(&r->filter, rc);
    sqlite3_finalize(st);
    return status;
}

static void S_dyad_row(tx_json_writer *w, sqlite3_stmt *st)
{
    long quad[4];
    for (int q = 0; q < 4; q++)
        quad[q] = sqlite3_column_int(st, 3 + q);
    tx_json_begin(w);
    tx_json_key_cstr(w, "source", S_col(st, 0));
    tx_json_key_cstr(w, "target", S_col(st, 1));
    tx_json_key_int(w, "events", sqlite3_column_int(st, 2));
    tx_json_key_int(w, "mentions", sqlite3_column_int(st, 8));
    tx_json_key_double(w, "goldstein", sqlite3_column_type(st, 7) == SQLITE_NULL
                                           ? NAN : sqlite3_column_double(st, 7));
    S_quad_json(w, quad);
    tx_json_end(w);
}

static tx_status S_dyads(tx_api *api, request *r, tx_json_writer *w)
{
    return S_grouped(api, r, w,
                     ") SELECT s, t, count(*) AS n, sum(quad_class = 1), sum(quad_class = 2),"
                     " sum(quad_class = 3), sum(quad_class = 4), avg(goldstein),"
                     " sum(n_mentions) AS nm FROM (SELECT " S_KEY("source") " AS s, "
                     S_KEY("target") " AS t, quad_class, goldstein, n_mentions FROM ev"
                     " WHERE source != '' AND target != '')"
                     " GROUP BY s, t ORDER BY n DESC, nm DESC, s, t LIMIT :limit OFFSET :offset",
                     "dyads", S_dyad_row);
}

static void S_actor_row(tx_json_writer *w, sqlite3_stmt *st)
{
    tx_json_begin(w);
    tx_json_key_cstr(w, "code", S_col(st, 0));
    tx_json_key_int(w, "events", sqlite3_column_int(st, 1));
    tx_json_key_int(w, "as_source", sqlite3_column_int(st, 2));
    tx_json_key_int(w, "as_target", sqlite3_column_int(st, 3));
    tx_json_end(w);
}

static tx_status S_actors(tx_api *api, request *r, tx_json_writer *w)
{
    return S_grouped(api, r, w,
                     "), sides AS (SELECT id, " S_KEY("source") " AS k, 1 AS s, 0 AS t FROM ev"
                     " WHERE source != '' UNION ALL SELECT id, " S_KEY("target") ", 0, 1 FROM ev"
                     " WHERE target != '') SELECT k, count(DISTINCT id) AS n, sum(s), sum(t)"
                     " FROM sides GROUP BY k ORDER BY n DESC, k LIMIT :limit OFFSET :offset",
                     "actors", S_actor_row);
}

typedef struct {
    tx_json_writer *w;
    long skip, left;     /* periods to pass over, then to write */
    int truncated;       /* there were more */
} period_writer;

static int S_each_period(void *ctx, const tx_store_period_row *row)
{
    period_writer *pw = ctx;
    if (pw->skip > 0) {
        pw->skip--;
        return 0;
    }
    if (pw->left == 0) {
        pw->truncated = 1;
        return 1;
    }
    pw->left--;
    tx_json_writer *w = pw->w;
    tx_json_begin(w);
    tx_json_key_cstr(w, "period", row->period);
    tx_json_key_int(w, "events", row->events[0]);
    S_quad_json(w, row->events + 1);
    tx_json_key_double(w, "goldstein", row->mean_goldstein);
    tx_json_key_int(w, "mentions", row->mentions);
    tx_json_end(w);
    return w->failed;
}

static tx_status S_timeline(tx_api *api, request *r, tx_json_writer *w)
{
    static const char *const names[] = {"day", "week", "month"};
    tx_json_begin(w);
    tx_json_key_cstr(w, "by", names[r->by]);
    tx_json_key(w, "periods");
    tx_json_begin_array(w);
    period_writer pw = {w, r->offset, r->limit, 0};
    tx_status status = tx_store_periods(api->store, &r->filter, r->by, S_each_period, &pw);
    tx_json_end_array(w);
    tx_json_key_bool(w, "truncated", pw.truncated);
    tx_json_end(w);
    return status;
}

/* Appends the conditions of a quotes request; values are bound by S_bind_quotes. */
static void S_quote_conditions(const request *r, tx_buf *sql)
{
    tx_buf_puts(sql, " FROM quotes q JOIN articles a ON a.id = q.article WHERE q.scare = 0");
    if (r->speaker)
        tx_buf_puts(sql, " AND q.speaker = :speaker COLLATE NOCASE");
    if (r->article)
        tx_buf_puts(sql, " AND q.article = :article");
    if (r->filter.actor)
        tx_buf_puts(sql, " AND q.speaker_code >= :actor_lo AND q.speaker_code < :actor_hi");
    if (r->filter.from)
        tx_buf_puts(sql, " AND a.date >= :from");
    if (r->filter.to)
        tx_buf_puts(sql, " AND a.date <= :to");
}

static int S_bind_quotes(sqlite3_stmt *st, const request *r, char *actor_hi)
{
    if (r->filter.actor) {  /* the codes that start with the prefix: [prefix, next prefix) */
        size_t n = strlen(r->actor);
        memcpy(actor_hi, r->actor, n + 1);
        actor_hi[n - 1]++;  /* ASCII letters, digits and '-': never 0x7F */
    }
    int rc = (r->speaker ? S_bind_text(st, ":speaker", r->speaker) : 0) |
             S_bind_int(st, ":article", r->article) |
             (r->filter.actor ? S_bind_text(st, ":actor_lo", r->actor) |
                                S_bind_text(st, ":actor_hi", actor_hi) : 0) |
             S_bind_int(st, ":from", r->filter.from) | S_bind_int(st, ":to", r->filter.to) |
             S_bind_int(st, ":limit", r->limit) | S_bind_int(st, ":offset", r->offset);
    return rc ? -1 : 0;
}

/* Runs the count or list of a quotes request: the statement, bound, or NULL. */
static sqlite3_stmt *S_quote_query(tx_api *api, const request *r, const char *select,
                                   const char *tail, char *actor_hi, tx_status *status)
{
    tx_buf sql = TX_BUF_INIT;
    tx_buf_puts(&sql, select);
    S_quote_conditions(r, &sql);
    tx_buf_puts(&sql, tail);
    sqlite3_stmt *st = S_prepare(api, &sql, NULL, status);
    tx_buf_free(&sql);
    if (st && S_bind_quotes(st, r, actor_hi) < 0) {
        sqlite3_finalize(st);
        *status = TX_ERR_IO;
        return NULL;
    }
    return st;
}

static tx_status S_speakers(tx_api *api, const request *r, tx_json_writer *w)
{
    char actor_hi[CODE_MAX + 1];
    tx_status status;
    sqlite3_stmt *st = S_quote_query(api, r, "SELECT q.speaker, q.speaker_code, count(*) AS n",
                                     " AND q.speaker IS NOT NULL GROUP BY q.speaker, q.speaker_code"
                                     " ORDER BY n DESC, q.speaker LIMIT :limit OFFSET :offset",
                                     actor_hi, &status);
    if (!st)
        return status;
    tx_json_begin(w);
    tx_json_key(w, "speakers");
    tx_json_begin_array(w);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !w->failed) {
        tx_json_begin(w);
        tx_json_key_cstr(w, "name", S_col(st, 0));
        tx_json_key_cstr(w, "code", S_col(st, 1));
        tx_json_key_int(w, "quotes", sqlite3_column_int(st, 2));
        tx_json_end(w);
    }
    tx_json_end_array(w);
    tx_json_end(w);
    status = S_sql_status(rc);
    sqlite3_finalize(st);
    return status;
}

static void S_quote_json(tx_json_writer *w, sqlite3_stmt *st)
{
    tx_json_begin(w);
    tx_json_key_int(w, "article", sqlite3_column_int64(st, 0));
    tx_json_key_date(w, "date", sqlite3_column_int(st, 1));
    tx_json_key_cstr(w, "text", S_col(st, 2));
    tx_json_key_int(w, "start", sqlite3_column_int(st, 3));
    tx_json_key_int(w, "end", sqlite3_column_int(st, 4));
    if (S_col(st, 5)) {
        tx_json_key(w, "speaker");
        tx_json_begin(w);
        tx_json_key_cstr(w, "name", S_col(st, 5));
        tx_json_key_cstr(w, "code", S_col(st, 6));
        tx_json_end(w);
    } else {
        tx_json_key_null(w, "speaker");
    }
    tx_json_key_cstr(w, "cue", S_col(st, 7));
    tx_json_end(w);
}

static tx_status S_quotes(tx_api *api, request *r, tx_json_writer *w)
{
    if (r->by_speaker)
        return S_speakers(api, r, w);
    char actor_hi[CODE_MAX + 1];
    tx_status status;
    sqlite3_stmt *st = S_quote_query(api, r, "SELECT count(*)", "", actor_hi, &status);
    if (!st)
        return status;
    int rc = sqlite3_step(st);
    long total = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return S_sql_status(rc);
    st = S_quote_query(api, r,
                       "SELECT q.article, a.date,"
                       " CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT),"
                       " q.start, q.end, q.speaker, q.speaker_code,"
                       " CAST(substr(CAST(a.text AS BLOB), q.cue_start + 1,"
                       " q.cue_end - q.cue_start) AS TEXT)",
                       " ORDER BY a.date DESC, q.article DESC, q.start LIMIT :limit OFFSET :offset",
                       actor_hi, &status);
    if (!st)
        return status;
    tx_json_begin(w);
    tx_json_key_int(w, "total", total);
    tx_json_key_int(w, "offset", r->offset);
    tx_json_key_int(w, "limit", r->limit);
    tx_json_key(w, "quotes");
    tx_json_begin_array(w);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !w->failed)
        S_quote_json(w, st);
    tx_json_end_array(w);
    tx_json_end(w);
    status = S_sql_status(rc);
    sqlite3_finalize(st);
    return status;
}

/* Every span of an article, outer spans before the spans inside them.  Columns: kind, start,
 * end, event, code, a, b, c (what a, b and c hold depends on the kind; S_span_row says). */
static const char S_spans_sql[] =
    "SELECT 'event' AS kind, s.start AS start, s.end AS end, m.event AS event, e.code AS code,"
    " e.source AS a, e.target AS b, m.certainty AS c, 1 AS k, m.seq AS o"
    " FROM mentions m JOIN sentences s ON s.id = m.sentence JOIN events e ON e.id = m.event"
    " WHERE m.article = ?1"
    " UNION ALL SELECT 'source', m.source_start, m.source_end, m.event, e.source, NULL, NULL,"
    " m.certainty, 3, m.seq FROM mentions m JOIN events e ON e.id = m.event"
    " WHERE m.article = ?1 AND m.source_end > m.source_start"
    " UNION ALL SELECT 'verb', m.verb_start, m.verb_end, m.event, e.code, NULL, NULL,"
    " m.certainty, 4, m.seq FROM mentions m JOIN events e ON e.id = m.event"
    " WHERE m.article = ?1 AND m.verb_end > m.verb_start"
    " UNION ALL SELECT 'target', m.target_start, m.target_end, m.event, e.target, NULL, NULL,"
    " m.certainty, 5, m.seq FROM mentions m JOIN events e ON e.id = m.event"
    " WHERE m.article = ?1 AND m.target_end > m.target_start"
    " UNION ALL SELECT 'quote', q.start, q.end, NULL, q.speaker_code, q.speaker, NULL, q.scare,"
    " 2, q.id FROM quotes q WHERE q.article = ?1"
    " UNION ALL SELECT 'entity', m.start, m.end, NULL, m.actor, n.name, n.kind, NULL, 6, m.id"
    " FROM entity_mentions m JOIN entities n ON n.id = m.entity WHERE m.article = ?1"
    " UNION ALL SELECT 'noise', n.start, n.end, NULL, NULL, n.kind, NULL, NULL, 0, n.line"
    " FROM noise n WHERE n.article = ?1"
    " ORDER BY start, end DESC, k, o";

/* Writes one row of S_spans_sql.  The label is what a reader wants to see on the span. */
static void S_span_row(const tx_api *api, tx_json_writer *w, sqlite3_stmt *st)
{
    const char *kind = S_col(st, 0), *code = S_col(st, 4), *a = S_col(st, 5), *b = S_col(st, 6);
    tx_json_begin(w);
    tx_json_key_cstr(w, "kind", kind);
    tx_json_key_int(w, "start", sqlite3_column_int(st, 1));
    tx_json_key_int(w, "end", sqlite3_column_int(st, 2));
    if (sqlite3_column_type(st, 3) != SQLITE_NULL)
        tx_json_key_int(w, "event", sqlite3_column_int64(st, 3));
    if (strcmp(kind, "event") == 0 || strcmp(kind, "verb") == 0) {
        const char *name = S_code_name(api, code);
        char label[256];
        if (kind[0] == 'e')
            snprintf(label, sizeof(label), "%s \xE2\x86\x92 %s: %s %s", a[0] ? a : "-",
                     b[0] ? b : "-", code, name ? name : "");
        else
            snprintf(label, sizeof(label), "%s %s", code, name ? name : "");
        tx_json_key_cstr(w, "label", label);
        tx_json_key_cstr(w, "code", code);
        tx_certainty certainty = (tx_certainty)sqlite3_column_int(st, 7);
        tx_json_key_cstr(w, "certainty", tx_certainty_name(certainty));
    } else if (strcmp(kind, "source") == 0 || strcmp(kind, "target") == 0) {
        tx_json_key_cstr(w, "label", code);
        tx_json_key_cstr(w, "code", code);
    } else if (strcmp(kind, "quote") == 0) {
        tx_json_key_cstr(w, "label", a ? a : "");
        tx_json_key_cstr(w, "code", code && code[0] ? code : NULL);
        tx_json_key_bool(w, "scare", sqlite3_column_int(st, 7));
    } else if (strcmp(kind, "entity") == 0) {
        tx_json_key_cstr(w, "label", a);
        tx_json_key_cstr(w, "code", code && code[0] ? code : NULL);
        tx_json_key_cstr(w, "entity_kind", b);
    } else {
        tx_json_key_cstr(w, "label", a);
    }
    tx_json_end(w);
}

static tx_status S_spans(tx_api *api, int64_t id, tx_json_writer *w)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(tx_store_db(api->store), S_spans_sql, -1, &st, NULL) != SQLITE_OK)
        return TX_ERR_IO;
    sqlite3_bind_int64(st, 1, id);
    tx_json_key(w, "spans");
    tx_json_begin_array(w);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !w->failed)
        S_span_row(api, w, st);
    tx_json_end_array(w);
    sqlite3_finalize(st);
    return S_sql_status(rc);
}

/* 404 for an article that is not there: the caller tells it from a failure by r->message. */
static tx_status S_one_article(tx_api *api, request *r, tx_json_writer *w)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(tx_store_db(api->store),
                           "SELECT ext_id, title, date, source, url, text FROM articles"
                           " WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return TX_ERR_IO;
    sqlite3_bind_int64(st, 1, r->article);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        if (rc == SQLITE_DONE)
            snprintf(r->message, sizeof(r->message), "no article %lld", (long long)r->article);
        return rc == SQLITE_DONE ? TX_ERR_USAGE : S_sql_status(rc);
    }
    tx_json_begin(w);
    tx_json_key_int(w, "id", r->article);
    tx_json_key_cstr(w, "ext_id", S_col(st, 0));
    tx_json_key_cstr(w, "title", S_col(st, 1));
    tx_json_key_date(w, "date", sqlite3_column_int(st, 2));
    tx_json_key_cstr(w, "source", S_col(st, 3));
    tx_json_key_cstr(w, "url", S_col(st, 4));
    tx_json_key_str(w, "text", S_col(st, 5), (size_t)sqlite3_column_bytes(st, 5));
    sqlite3_finalize(st);
    tx_status status = S_spans(api, r->article, w);
    tx_json_end(w);
    return status;
}

static tx_status S_codes(tx_api *api, request *r, tx_json_writer *w)
{
    (void)r;
    tx_json_begin(w);
    tx_json_key(w, "codes");
    tx_json_begin_array(w);
    const tx_cameo_code *c;
    for (size_t i = 0; api->cameo && (c = tx_cameo_at(api->cameo, i)) != NULL; i++) {
        tx_json_begin(w);
        tx_json_key_cstr(w, "code", c->code);
        tx_json_key_cstr(w, "name", c->name);
        tx_json_key_cstr(w, "root", c->root);
        tx_json_key_double(w, "goldstein", c->goldstein);
        tx_json_key_int(w, "quad_class", c->quad_class);
        tx_json_end(w);
    }
    tx_json_end_array(w);
    tx_json_end(w);
    return TX_OK;
}

/* ---- dispatch ---- */

typedef tx_status (*handler)(tx_api *api, request *r, tx_json_writer *w);

static const struct {
    const char *name;
    handler run;
    long default_limit;
} S_endpoints[] = {
    [E_EVENTS] = {"events", S_events, TX_API_ROWS_DEFAULT},
    [E_DYADS] = {"dyads", S_dyads, TX_API_ROWS_DEFAULT},
    [E_TIMELINE] = {"timeline", S_timeline, TX_API_ROWS_MAX},
    [E_ACTORS] = {"actors", S_actors, TX_API_ROWS_DEFAULT},
    [E_QUOTES] = {"quotes", S_quotes, TX_API_ROWS_DEFAULT},
    [E_ARTICLE] = {"articles/", S_one_article, 0},
    [E_CODES] = {"codes", S_codes, 0},
};

/* Finds the endpoint of `path`: 0, or -1 (not found) or -2 (a bad article id, message set). */
static int S_route(const char *path, request *r)
{
    if (strncmp(path, "/api/", 5) != 0)
        return -1;
    path += 5;
    for (size_t e = 0; e < TX_ARRAY_SIZE(S_endpoints); e++) {
        const char *name = S_endpoints[e].name;
        size_t n = strlen(name);
        if (e == E_ARTICLE && strncmp(path, name, n) == 0 && path[n]) {
            long id;
            r->endpoint = E_ARTICLE;
            r->bad = "id";
            if (S_number(path + n, 1, 999999999999999L, &id) < 0) {
                S_fail(r, "an article id is a positive number, not '%s'", path + n);
                return -2;
            }
            r->article = id;
            r->bad = NULL;
            return 0;
        }
        if (e != E_ARTICLE && strcmp(path, name) == 0) {
            r->endpoint = (endpoint)e;
            r->limit = S_endpoints[e].default_limit;
            return 0;
        }
    }
    return -1;
}

static tx_status S_answer_error(tx_buf *body, int *http_status, int status, const char *code,
                                const char *parameter, const char *message)
{
    tx_buf_clear(body);
    *http_status = status;
    return tx_api_error(body, code, parameter, message) < 0 ? TX_ERR_NOMEM : TX_OK;
}

tx_status tx_api_handle(tx_api *api, const char *method, const char *path,
                        const tx_api_param *params, size_t n, int *http_status, tx_buf *body)
{
    request r;
    memset(&r, 0, sizeof(r));
    r.filter.use_counts = 1;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return S_answer_error(body, http_status, 405, "method_not_allowed", NULL,
                              "only GET and HEAD are served");
    int route = S_route(path, &r);
    if (route == -1)
        return S_answer_error(body, http_status, 404, "not_found", NULL,
                              "no such path; the API is described in docs/api.md");
    if (route < 0 || S_parse(&r, params, n) < 0)
        return S_answer_error(body, http_status, 400, "bad_parameter", r.bad, r.message);
    S_start_clock(api);
    tx_json_writer w;
    tx_json_init(&w, body);
    tx_status status = S_endpoints[r.endpoint].run(api, &r, &w);
    if (status == TX_OK && !w.failed) {
        *http_status = 200;
        return TX_OK;
    }
    if (w.failed && status == TX_OK)
        status = body->failed ? TX_ERR_NOMEM : TX_ERR_IO;
    if (api->timed_out)
        return S_answer_error(body, http_status, 503, "timeout", NULL,
                              "the query took too long and was stopped; narrow the filters");
    if (status == TX_ERR_USAGE && r.endpoint == E_ARTICLE)
        return S_answer_error(body, http_status, 404, "not_found", NULL, r.message);
    if (status == TX_ERR_USAGE)
        return S_answer_error(body, http_status, 400, "bad_parameter", "text",
                              "text is not a valid full-text (FTS5) query");
    if (status == TX_ERR_NOMEM)
        return S_answer_error(body, http_status, 500, "internal", NULL, "out of memory");
    char safe[SAFE_MAX + 8];
    return S_answer_error(body, http_status, 500, "internal", NULL,
                          S_safe(tx_store_error(api->store), safe));
}
