/* store_read.c: reads the event database: filtered events with their counts, periods, top lists. */
#include "store.h"

#include "buffer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int tx_store_parse_certainties(const char *list, unsigned *bits)
{
    *bits = 0;
    if (strcmp(list, "all") == 0) {
        *bits = TX_CERTAINTY_ALL;
        return 0;
    }
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        unsigned c = 0;
        while (c <= TX_CERTAINTY_NEGATED && (strlen(tx_certainty_name((tx_certainty)c)) != n ||
                                            strncmp(p, tx_certainty_name((tx_certainty)c), n) != 0))
            c++;
        if (c > TX_CERTAINTY_NEGATED)
            return -1;
        *bits |= TX_CERTAINTY_BIT(c);
        p += n + (p[n] == ',');
    }
    return *bits ? 0 : -1;
}

static unsigned S_certainties(const tx_store_filter *f);

/* The counts kept in events.num_* are those of the default certainties, so for them (and
 * without a text query, which looks at mentions) the events table alone has the answer. */
_Static_assert(TX_CERTAINTY_DEFAULT == 3, "events.num_* count certainties 0 and 1 (store.c)");

static int S_counted(const tx_store_filter *f)
{
    return f->use_counts && S_certainties(f) == TX_CERTAINTY_DEFAULT && !f->text;
}

/* SQL of the events matching a filter, one row per event with its counts over the counted
 * mentions: id, date, source, target, code, root, quad_class, goldstein, added, n_mentions,
 * n_articles, n_sources, first_mention.  Only fixed fragments go into the text; every value
 * is a named parameter bound by S_bind. */
static void S_matching(const tx_store_filter *f, tx_buf *sql)
{
    if (S_counted(f))
        tx_buf_puts(sql,
                    "SELECT e.id AS id, e.date AS date, e.source AS source, e.target AS target,"
                    " e.code AS code, e.root AS root, e.quad_class AS quad_class,"
                    " e.goldstein AS goldstein, e.added AS added, e.num_mentions AS n_mentions,"
                    " e.num_articles AS n_articles, e.num_sources AS n_sources,"
                    " (SELECT min(m.id) FROM mentions m WHERE m.event = e.id AND m.certainty <= 1)"
                    " AS first_mention FROM events e WHERE e.num_mentions > 0");
    else
        tx_buf_puts(sql,
                "SELECT e.id AS id, e.date AS date, e.source AS source, e.target AS target,"
                " e.code AS code, e.root AS root, e.quad_class AS quad_class,"
                " e.goldstein AS goldstein, e.added AS added, count(*) AS n_mentions,"
                " count(DISTINCT m.article) AS n_articles,"
                " count(DISTINCT coalesce(a.source, '#' || a.id)) AS n_sources,"
                " min(m.id) AS first_mention"
                " FROM events e JOIN mentions m ON m.event = e.id"
                " JOIN articles a ON a.id = m.article"
                " WHERE ((:cert >> m.certainty) & 1) = 1");
    if (f->source && *f->source)
        tx_buf_puts(sql, " AND e.source >= :source_lo AND e.source < :source_hi");
    if (f->actor && *f->actor)
        tx_buf_puts(sql, " AND ((e.source >= :actor_lo AND e.source < :actor_hi)"
                         " OR (e.target >= :actor_lo AND e.target < :actor_hi))");
    if (f->quad)
        tx_buf_puts(sql, " AND e.quad_class = :quad");
    if (f->target && *f->target)
        tx_buf_puts(sql, " AND e.target >= :target_lo AND e.target < :target_hi");
    if (f->dyad_a && f->dyad_b)
        tx_buf_puts(sql, " AND ((e.source >= :a_lo AND e.source < :a_hi AND e.target >= :b_lo"
                         " AND e.target < :b_hi) OR (e.source >= :b_lo AND e.source < :b_hi"
                         " AND e.target >= :a_lo AND e.target < :a_hi))");
    if (f->code && *f->code)
        tx_buf_puts(sql, " AND e.code >= :code_lo AND e.code < :code_hi");
    if (f->root && *f->root)
        tx_buf_puts(sql, " AND e.root = :root");
    if (f->from)
        tx_buf_puts(sql, " AND e.date >= :from");
    if (f->to)
        tx_buf_puts(sql, " AND e.date <= :to");
    if (f->text)
        tx_buf_puts(sql, " AND e.id IN (SELECT m2.event FROM sentences_fts"
                         " JOIN mentions m2 ON m2.sentence = sentences_fts.rowid"
                         " WHERE sentences_fts MATCH :text AND ((:cert >> m2.certainty) & 1) = 1)");
    if (!S_counted(f))
        tx_buf_puts(sql, " GROUP BY e.id");
}

/* Binds `prefix` as the range [lo, hi) of the codes that start with it: an index range
 * where LIKE (case-insensitive by default) would scan. */
static int S_bind_prefix(sqlite3_stmt *st, const char *lo_name, const char *hi_name,
                         const char *prefix)
{
    int lo = sqlite3_bind_parameter_index(st, lo_name), hi = sqlite3_bind_parameter_index(st, hi_name);
    if (!lo || !prefix || !*prefix)
        return 0;
    size_t n = strlen(prefix);
    char *upper = malloc(n + 1);
    if (!upper)
        return -1;
    memcpy(upper, prefix, n + 1);
    /* Codes are ASCII; a prefix ending in 0xFF (not a code) matches nothing more. */
    upper[n - 1] = (char)((unsigned char)upper[n - 1] + ((unsigned char)upper[n - 1] < 0xFF));
    int rc = sqlite3_bind_text(st, lo, prefix, -1, SQLITE_TRANSIENT) |
             sqlite3_bind_text(st, hi, upper, -1, SQLITE_TRANSIENT);
    free(upper);
    return rc == SQLITE_OK ? 0 : -1;
}

static int S_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return !i || sqlite3_bind_int64(st, i, value) == SQLITE_OK ? 0 : -1;
}

static int S_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return !i || !value || sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0
                                                                                              : -1;
}

static unsigned S_certainties(const tx_store_filter *f)
{
    return f->certainties ? f->certainties : TX_CERTAINTY_DEFAULT;
}

static int S_bind(sqlite3_stmt *st, const tx_store_filter *f)
{
    int rc = S_bind_int(st, ":cert", S_certainties(f)) |
             S_bind_prefix(st, ":source_lo", ":source_hi", f->source) |
             S_bind_prefix(st, ":target_lo", ":target_hi", f->target) |
             S_bind_prefix(st, ":actor_lo", ":actor_hi", f->actor) |
             S_bind_int(st, ":quad", f->quad) |
             S_bind_prefix(st, ":a_lo", ":a_hi", f->dyad_a) |
             S_bind_prefix(st, ":b_lo", ":b_hi", f->dyad_b) |
             S_bind_prefix(st, ":code_lo", ":code_hi", f->code) | S_bind_text(st, ":root", f->root) |
             S_bind_int(st, ":from", f->from) | S_bind_int(st, ":to", f->to) |
             S_bind_text(st, ":text", f->text) |
             S_bind_int(st, ":limit", f->limit > 0 ? f->limit : -1) |
             S_bind_int(st, ":offset", f->offset > 0 ? f->offset : 0);
    return rc ? -1 : 0;
}

/* Prepares the SQL in `sql` and binds the filter.  NULL on error. */
static sqlite3_stmt *S_prepare(tx_store *s, tx_buf *sql, const tx_store_filter *f,
                               tx_status *status)
{
    sqlite3_stmt *st = NULL;
    if (sql->failed) {
        *status = TX_ERR_NOMEM;
        return NULL;
    }
    if (sqlite3_prepare_v2(tx_store_db(s), sql->data, -1, &st, NULL) != SQLITE_OK ||
        S_bind(st, f) < 0) {
        *status = TX_ERR_IO;
        sqlite3_finalize(st);
        return NULL;
    }
    *status = TX_OK;
    return st;
}

/* Errors while stepping: a malformed FTS5 query only shows then, as a plain SQLITE_ERROR
 * (the schema is ours, so no other plain error is expected of these statements). */
static tx_status S_step_status(const tx_store_filter *f, int rc)
{
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return TX_OK;
    if ((rc & 0xFF) == SQLITE_NOMEM)
        return TX_ERR_NOMEM;
    return rc == SQLITE_ERROR && f->text ? TX_ERR_USAGE : TX_ERR_IO;
}

static const char *S_col(sqlite3_stmt *st, int i)
{
    const unsigned char *text = sqlite3_column_text(st, i);
    return text ? (const char *)text : "";
}

/* ---- events ---- */

static const char S_mention_sql[] =
    "SELECT a.ext_id, coalesce(a.url, ''), a.date, s.idx, s.text, s.lead,"
    " m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end,"
    " coalesce(m.attribution, ''), m.attribution_start, m.attribution_end,"
    " m.certainty, m.date_precision, m.pattern,"
    " CAST(substr(CAST(a.text AS BLOB), m.source_start + 1, m.source_end - m.source_start) AS TEXT),"
    " CAST(substr(CAST(a.text AS BLOB), m.target_start + 1, m.target_end - m.target_start) AS TEXT),"
    " CAST(substr(CAST(a.text AS BLOB), m.verb_start + 1, m.verb_end - m.verb_start) AS TEXT),"
    " CAST(substr(CAST(a.text AS BLOB), m.attribution_start + 1,"
    "  m.attribution_end - m.attribution_start) AS TEXT),"
    " a.id, s.start"
    " FROM mentions m JOIN articles a ON a.id = m.article JOIN sentences s ON s.id = m.sentence"
    " WHERE m.id = ?";

static const char S_location_sql[] =
    "SELECT location, coalesce(location_country, ''), latitude, longitude FROM mentions"
    " WHERE event = ?1 AND location IS NOT NULL AND ((?2 >> certainty) & 1) = 1"
    " ORDER BY id LIMIT 1";

static const char S_disputes_sql[] =
    "SELECT DISTINCT m2.event FROM disputes d JOIN mentions m2 ON m2.id = d.disputed"
    " WHERE d.mention = ? ORDER BY 1";

static const char S_disputed_by_sql[] =
    "SELECT DISTINCT m2.event FROM disputes d JOIN mentions m2 ON m2.id = d.mention"
    " WHERE d.disputed = ? ORDER BY 1";

/* The statements and buffers of one tx_store_events call. */
typedef struct {
    sqlite3_stmt *mention, *location, *disputes, *disputed_by;
    int64_t *ids[2];
    size_t cap[2];
} reading;

/* Reads the event ids `st` gives for `mention` into r->ids[which]. */
static int S_ids(reading *r, sqlite3_stmt *st, int which, int64_t mention, size_t *count)
{
    sqlite3_reset(st);
    *count = 0;
    if (sqlite3_bind_int64(st, 1, mention) != SQLITE_OK)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (tx_reserve((void **)&r->ids[which], &r->cap[which], *count, sizeof(int64_t)) < 0)
            return -1;
        r->ids[which][(*count)++] = sqlite3_column_int64(st, 0);
    }
    return rc == SQLITE_DONE ? 0 : -1;
}

static void S_span(sqlite3_stmt *st, int start, int text, const char *code, tx_store_span *out)
{
    out->code = code;
    out->start = sqlite3_column_int(st, start);
    out->end = sqlite3_column_int(st, start + 1);
    out->text = S_col(st, text);
    out->present = code[0] || out->start != out->end;
}

/* Fills the mention fields of *e from the mention row `mention`. */
static int S_first_mention(sqlite3_stmt *st, int64_t mention, const char *source,
                           const char *target, tx_store_event *e)
{
    sqlite3_reset(st);
    if (sqlite3_bind_int64(st, 1, mention) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
        return -1;
    e->article = S_col(st, 0);
    e->url = S_col(st, 1);
    e->article_date = sqlite3_column_int(st, 2);
    e->sentence = sqlite3_column_int(st, 3);
    e->sentence_text = S_col(st, 4);
    e->lead = sqlite3_column_int(st, 5);
    S_span(st, 6, 18, source, &e->source);
    S_span(st, 8, 19, target, &e->target);
    S_span(st, 10, 20, "", &e->verb);
    S_span(st, 13, 21, S_col(st, 12), &e->attribution);
    e->attribution.present = e->attribution.end > e->attribution.start;
    e->certainty = sqlite3_column_int(st, 15);
    e->date_precision = sqlite3_column_int(st, 16);
    e->pattern = S_col(st, 17);
    e->mention = mention;
    e->article_row = sqlite3_column_int64(st, 22);
    e->sentence_start = sqlite3_column_int(st, 23);
    return 0;
}

static int S_location(sqlite3_stmt *st, int64_t event, unsigned certainties, tx_store_event *e)
{
    sqlite3_reset(st);
    if (sqlite3_bind_int64(st, 1, event) != SQLITE_OK ||
        sqlite3_bind_int64(st, 2, certainties) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    e->has_location = rc == SQLITE_ROW;
    e->has_point = e->has_location && sqlite3_column_type(st, 2) != SQLITE_NULL;
    e->location = e->has_location ? S_col(st, 0) : "";
    e->location_country = e->has_location ? S_col(st, 1) : "";
    e->latitude = e->has_point ? sqlite3_column_double(st, 2) : 0;
    e->longitude = e->has_point ? sqlite3_column_double(st, 3) : 0;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static void S_event_columns(sqlite3_stmt *st, tx_store_event *e)
{
    memset(e, 0, sizeof(*e));
    e->id = sqlite3_column_int64(st, 0);
    e->date = sqlite3_column_int(st, 1);
    e->code = S_col(st, 4);
    e->root = S_col(st, 5);
    e->quad_class = sqlite3_column_int(st, 6);
    e->has_goldstein = sqlite3_column_type(st, 7) != SQLITE_NULL;
    e->goldstein = sqlite3_column_double(st, 7);
    e->added = sqlite3_column_int64(st, 8);
    e->num_mentions = sqlite3_column_int(st, 9);
    e->num_articles = sqlite3_column_int(st, 10);
    e->num_sources = sqlite3_column_int(st, 11);
}

static int S_describe(reading *r, sqlite3_stmt *st, unsigned certainties, tx_store_event *e)
{
    S_event_columns(st, e);
    if (S_first_mention(r->mention, sqlite3_column_int64(st, 12), S_col(st, 2), S_col(st, 3),
                        e) < 0 ||
        S_location(r->location, e->id, certainties, e) < 0 ||
        S_ids(r, r->disputes, 0, e->mention, &e->disputes_count) < 0 ||
        S_ids(r, r->disputed_by, 1, e->mention, &e->disputed_by_count) < 0)
        return -1;
    e->disputes = r->ids[0];
    e->disputed_by = r->ids[1];
    return 0;
}

tx_status tx_store_events(tx_store *s, const tx_store_filter *f, tx_store_event_fn each, void *ctx)
{
    tx_buf sql = TX_BUF_INIT;
    S_matching(f, &sql);
    tx_buf_puts(&sql, f->newest_first ? " ORDER BY e.date DESC, e.id DESC LIMIT :limit"
                                      : " ORDER BY e.date, e.id LIMIT :limit");
    if (f->offset > 0)
        tx_buf_puts(&sql, " OFFSET :offset");
    tx_status status;
    sqlite3_stmt *st = S_prepare(s, &sql, f, &status);
    tx_buf_free(&sql);
    if (!st)
        return status;
    sqlite3 *db = tx_store_db(s);
    reading r = {0};
    if (sqlite3_prepare_v2(db, S_mention_sql, -1, &r.mention, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, S_location_sql, -1, &r.location, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, S_disputes_sql, -1, &r.disputes, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, S_disputed_by_sql, -1, &r.disputed_by, NULL) != SQLITE_OK) {
        status = TX_ERR_IO;
        goto done;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tx_store_event e;
        if (S_describe(&r, st, S_certainties(f), &e) < 0) {
            status = TX_ERR_IO;
            goto done;
        }
        if (each(ctx, &e))
            break;
    }
    status = S_step_status(f, rc);
done:
    sqlite3_finalize(st);
    sqlite3_finalize(r.mention);
    sqlite3_finalize(r.location);
    sqlite3_finalize(r.disputes);
    sqlite3_finalize(r.disputed_by);
    free(r.ids[0]);
    free(r.ids[1]);
    return status;
}

/* ---- periods and top lists ---- */

tx_status tx_store_periods(tx_store *s, const tx_store_filter *f, tx_store_period period,
                           tx_store_period_fn each, void *ctx)
{
    static const char day[] = "printf('%04d-%02d-%02d', date / 10000, date / 100 % 100, date % 100)";
    tx_buf sql = TX_BUF_INIT;
    tx_buf_puts(&sql, "WITH ev AS (");
    S_matching(f, &sql);
    tx_buf_puts(&sql, ") SELECT ");
    if (period == TX_PERIOD_MONTH)
        tx_buf_puts(&sql, "printf('%04d-%02d', date / 10000, date / 100 % 100)");
    else if (period == TX_PERIOD_WEEK)  /* the Monday of the ISO week */
        tx_buf_printf(&sql, "date(%s, 'weekday 0', '-6 days')", day);
    else
        tx_buf_puts(&sql, day);
    tx_buf_puts(&sql, " AS period, count(*), sum(quad_class = 1), sum(quad_class = 2),"
                      " sum(quad_class = 3), sum(quad_class = 4), sum(n_mentions), avg(goldstein)"
                      " FROM ev GROUP BY period ORDER BY period");
    tx_status status;
    sqlite3_stmt *st = S_prepare(s, &sql, f, &status);
    tx_buf_free(&sql);
    if (!st)
        return status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tx_store_period_row row = {S_col(st, 0), {0}, sqlite3_column_int(st, 6),
                                   sqlite3_column_type(st, 7) == SQLITE_NULL
                                       ? NAN : sqlite3_column_double(st, 7)};
        for (int q = 0; q <= 4; q++)
            row.events[q] = sqlite3_column_int(st, 1 + q);
        if (each(ctx, &row))
            break;
    }
    status = S_step_status(f, rc);
    sqlite3_finalize(st);
    return status;
}

tx_status tx_store_top(tx_store *s, const tx_store_filter *f, tx_store_top_kind kind,
                       tx_store_top_fn each, void *ctx)
{
    tx_buf sql = TX_BUF_INIT;
    tx_buf_puts(&sql, "WITH ev AS (");
    S_matching(f, &sql);
    tx_buf_puts(&sql, "), keyed AS (");
    if (kind == TX_TOP_DYADS)
        tx_buf_puts(&sql, "SELECT source AS k, target AS k2, n_mentions, goldstein FROM ev"
                          " WHERE source != '' AND target != ''");
    else if (kind == TX_TOP_ACTORS)
        tx_buf_puts(&sql, "SELECT source AS k, NULL AS k2, n_mentions, goldstein FROM ev"
                          " WHERE source != '' UNION ALL"
                          " SELECT target, NULL, n_mentions, goldstein FROM ev WHERE target != ''");
    else
        tx_buf_puts(&sql, "SELECT code AS k, NULL AS k2, n_mentions, goldstein FROM ev");
    tx_buf_puts(&sql, ") SELECT k, k2, count(*) AS n, sum(n_mentions) AS nm, avg(goldstein)"
                      " FROM keyed GROUP BY k, k2 ORDER BY n DESC, nm DESC, k, k2 LIMIT :limit");
    if (f->offset > 0)
        tx_buf_puts(&sql, " OFFSET :offset");
    tx_store_filter limited = *f;
    limited.limit = f->limit > 0 ? f->limit : 10;
    tx_status status;
    sqlite3_stmt *st = S_prepare(s, &sql, &limited, &status);
    tx_buf_free(&sql);
    if (!st)
        return status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tx_store_top_row row = {S_col(st, 0),
                                sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : S_col(st, 1),
                                sqlite3_column_int(st, 2), sqlite3_column_int(st, 3),
                                sqlite3_column_type(st, 4) == SQLITE_NULL
                                    ? NAN : sqlite3_column_double(st, 4)};
        if (each(ctx, &row))
            break;
    }
    status = S_step_status(f, rc);
    sqlite3_finalize(st);
    return status;
}

/* ---- for the HTTP API ---- */

void tx_store_filter_sql(const tx_store_filter *f, tx_buf *sql) { S_matching(f, sql); }

int tx_store_filter_bind(sqlite3_stmt *st, const tx_store_filter *f) { return S_bind(st, f); }

tx_status tx_store_count(tx_store *s, const tx_store_filter *f, long *count)
{
    tx_buf sql = TX_BUF_INIT;
    tx_buf_puts(&sql, "SELECT count(*) FROM (");
    S_matching(f, &sql);
    tx_buf_puts(&sql, ")");
    tx_status status;
    sqlite3_stmt *st = S_prepare(s, &sql, f, &status);
    tx_buf_free(&sql);
    *count = 0;
    if (!st)
        return status;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int(st, 0);
    status = S_step_status(f, rc);
    sqlite3_finalize(st);
    return status;
}
