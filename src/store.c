/* store.c: opens, migrates and writes the SQLite event database (schema in docs/store.md). */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Migration N takes the schema from version N - 1 to N.  Never edit a migration that has
 * shipped: append a new one. */
static const char *const S_migrations[] = {
    NULL,
    /* 1: articles, their noise lines, coded sentences, deduplicated events and mentions,
     * disputes, quotes and entity mentions. */
    "CREATE TABLE articles ("
    " id INTEGER PRIMARY KEY,"
    " ext_id TEXT NOT NULL UNIQUE,"
    " text_hash INTEGER NOT NULL UNIQUE,"
    " date INTEGER NOT NULL,"
    " source TEXT, title TEXT, url TEXT,"
    " text TEXT NOT NULL,"
    " bytes INTEGER NOT NULL, lines INTEGER NOT NULL, noise_lines INTEGER NOT NULL,"
    " sentences INTEGER NOT NULL, events INTEGER NOT NULL,"
    " added INTEGER NOT NULL);"
    "CREATE TABLE noise ("
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " line INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,"
    " PRIMARY KEY (article, line)) WITHOUT ROWID;"
    "CREATE TABLE sentences ("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " line INTEGER NOT NULL, lead INTEGER NOT NULL, text TEXT NOT NULL,"
    " UNIQUE (article, idx));"
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " date INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    " root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL,"
    " num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,"
    " num_articles INTEGER NOT NULL DEFAULT 0,"
    " added INTEGER NOT NULL,"
    " UNIQUE (date, source, target, code));"
    "CREATE INDEX events_source ON events (source, date);"
    "CREATE INDEX events_target ON events (target, date);"
    "CREATE INDEX events_code ON events (code, date);"
    "CREATE INDEX events_root ON events (root, date);"
    "CREATE TABLE mentions ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES events(id),"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " seq INTEGER NOT NULL,"
    " sentence INTEGER NOT NULL REFERENCES sentences(id),"
    " certainty INTEGER NOT NULL, date_precision INTEGER NOT NULL,"
    " source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,"
    " target_start INTEGER NOT NULL, target_end INTEGER NOT NULL,"
    " verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,"
    " attribution TEXT, attribution_start INTEGER, attribution_end INTEGER,"
    " location TEXT, location_country TEXT, latitude REAL, longitude REAL,"
    " location_start INTEGER, location_end INTEGER,"
    " pattern TEXT NOT NULL,"
    " UNIQUE (article, seq));"
    "CREATE INDEX mentions_event ON mentions (event, certainty);"
    "CREATE INDEX mentions_certainty ON mentions (certainty, event);"
    "CREATE TABLE disputes ("
    " mention INTEGER NOT NULL REFERENCES mentions(id),"
    " disputed INTEGER NOT NULL REFERENCES mentions(id),"
    " PRIMARY KEY (mention, disputed)) WITHOUT ROWID;"
    "CREATE INDEX disputes_disputed ON disputes (disputed);"
    "CREATE TABLE quotes ("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " start INTEGER NOT NULL, end INTEGER NOT NULL, scare INTEGER NOT NULL,"
    " speaker TEXT, speaker_code TEXT, speaker_start INTEGER, speaker_end INTEGER,"
    " cue_start INTEGER, cue_end INTEGER);"
    "CREATE INDEX quotes_article ON quotes (article);"
    "CREATE TABLE entities ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,"
    " latitude REAL, longitude REAL,"
    " UNIQUE (name, kind, country));"
    "CREATE TABLE entity_mentions ("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " entity INTEGER NOT NULL REFERENCES entities(id), actor TEXT);"
    "CREATE INDEX entity_mentions_article ON entity_mentions (article);"
    "CREATE INDEX entity_mentions_entity ON entity_mentions (entity);",
    /* 2: full-text search over the coded sentences (built for rows already there). */
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences',"
    " content_rowid='id');"
    "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');"
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text); END;",
};

_Static_assert(TX_ARRAY_SIZE(S_migrations) == TX_STORE_VERSION + 1, "one migration per version");

enum { DEFAULT_BATCH = 200, ENTITY_CACHE = 4096 };

/* The statements of ingest, prepared once. */
enum {
    Q_FIND_ARTICLE, Q_ADD_ARTICLE, Q_ADD_NOISE, Q_ADD_SENTENCE, Q_FIND_EVENT, Q_ADD_EVENT,
    Q_ADD_MENTION, Q_COUNT_EVENT, Q_ADD_DISPUTE, Q_ADD_QUOTE, Q_FIND_ENTITY, Q_ADD_ENTITY,
    Q_ADD_ENTITY_MENTION, Q_COUNT
};

static const char *const S_statements[Q_COUNT] = {
    [Q_FIND_ARTICLE] = "SELECT 1 FROM articles WHERE ext_id = ?1 OR text_hash = ?2 LIMIT 1",
    [Q_ADD_ARTICLE] = "INSERT INTO articles (ext_id, text_hash, date, source, title, url, text,"
                      " bytes, lines, noise_lines, sentences, events, added)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [Q_ADD_NOISE] = "INSERT INTO noise (article, line, start, end, kind) VALUES (?, ?, ?, ?, ?)",
    [Q_ADD_SENTENCE] = "INSERT INTO sentences (article, idx, start, end, line, lead, text)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
    [Q_FIND_EVENT] = "SELECT id FROM events WHERE date = ? AND source = ? AND target = ?"
                     " AND code = ?",
    [Q_ADD_EVENT] = "INSERT INTO events (date, source, target, code, root, quad_class, goldstein,"
                    " added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [Q_ADD_MENTION] = "INSERT INTO mentions (event, article, seq, sentence, certainty,"
                      " date_precision, source_start, source_end, target_start, target_end,"
                      " verb_start, verb_end, attribution, attribution_start, attribution_end,"
                      " location, location_country, latitude, longitude, location_start,"
                      " location_end, pattern)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    /* The maintained counts are those of the default certainties (asserted, reported). */
    [Q_COUNT_EVENT] = "UPDATE events SET"
                      " num_mentions = (SELECT count(*) FROM mentions"
                      "  WHERE event = ?1 AND certainty <= 1),"
                      " num_articles = (SELECT count(DISTINCT article) FROM mentions"
                      "  WHERE event = ?1 AND certainty <= 1),"
                      " num_sources = (SELECT count(DISTINCT coalesce(a.source, '#' || a.id))"
                      "  FROM mentions m JOIN articles a ON a.id = m.article"
                      "  WHERE m.event = ?1 AND m.certainty <= 1)"
                      " WHERE id = ?1",
    [Q_ADD_DISPUTE] = "INSERT OR IGNORE INTO disputes (mention, disputed) VALUES (?, ?)",
    [Q_ADD_QUOTE] = "INSERT INTO quotes (article, start, end, scare, speaker, speaker_code,"
                    " speaker_start, speaker_end, cue_start, cue_end)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [Q_FIND_ENTITY] = "SELECT id FROM entities WHERE name = ? AND kind = ? AND country = ?",
    [Q_ADD_ENTITY] = "INSERT INTO entities (name, kind, country, latitude, longitude)"
                     " VALUES (?, ?, ?, ?, ?)",
    [Q_ADD_ENTITY_MENTION] = "INSERT INTO entity_mentions (article, sentence, start, end,"
                             " entity, actor) VALUES (?, ?, ?, ?, ?, ?)",
};

/* Entity rows by dictionary entry: the entries outlive the store's use of them, so their
 * address is a key.  Cleared on rollback, when the rows it names may be gone. */
typedef struct {
    const tx_entity *entity;
    int64_t id;
} entity_slot;

struct tx_store {
    sqlite3 *db;
    tx_store_mode mode;
    sqlite3_stmt *stmt[Q_COUNT];
    const tx_cameo *cameo;
    unsigned batch, pending;
    int in_transaction;
    int64_t added;               /* this session's time stamp, YYYYMMDDHHMMSS */
    int64_t *sentence_rows;      /* per sentence of the article: its row, or 0 */
    size_t cap_sentence_rows;
    int64_t *mention_rows;       /* per event id of the article: its mention row */
    size_t cap_mention_rows;
    int64_t *touched;            /* events whose counts change */
    size_t cap_touched;
    entity_slot entity_cache[ENTITY_CACHE];
    char error[512];             /* why the last write failed: a rollback clears SQLite's */
};

const char *tx_store_migration(int version)
{
    return version >= 1 && version <= TX_STORE_VERSION ? S_migrations[version] : NULL;
}

const char *tx_store_error(const tx_store *store)
{
    return store->error[0] ? store->error : sqlite3_errmsg(store->db);
}

sqlite3 *tx_store_db(tx_store *store) { return store->db; }

void tx_store_set_batch(tx_store *store, unsigned articles)
{
    store->batch = articles ? articles : DEFAULT_BATCH;
}

void tx_store_set_cameo(tx_store *store, const tx_cameo *cameo) { store->cameo = cameo; }

uint64_t tx_store_text_hash(const char *text, size_t len)
{
    uint64_t h = 14695981039346656037u;
    int space = 0, started = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = started;
            continue;
        }
        if (space) {
            h = (h ^ ' ') * 1099511628211u;
            space = 0;
        }
        started = 1;
        h = (h ^ c) * 1099511628211u;
    }
    return h;
}

static int64_t S_now(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (int64_t)(tm.tm_year + 1900) * 10000000000 + (int64_t)(tm.tm_mon + 1) * 100000000 +
           (int64_t)tm.tm_mday * 1000000 + tm.tm_hour * 10000 + tm.tm_min * 100 + tm.tm_sec;
}

static void S_why(char *why, size_t size, const char *fmt, const char *detail)
{
    if (why && size)
        snprintf(why, size, fmt, detail);
}

static int S_exec(tx_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int S_user_version(tx_store *s, int *version)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* A database that is not ours: tables, but no version. */
static int S_foreign(tx_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) != SQLITE_OK)
        return 1;
    int tables = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
    sqlite3_finalize(st);
    return tables > 0;
}

/* Applies the missing migrations in one transaction: all of them or none. */
static int S_migrate(tx_store *s, int from)
{
    if (from == TX_STORE_VERSION)
        return 0;
    if (S_exec(s, "BEGIN IMMEDIATE") < 0)
        return -1;
    for (int v = from + 1; v <= TX_STORE_VERSION; v++)
        if (S_exec(s, S_migrations[v]) < 0)
            goto fail;
    char sql[64];
    snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", TX_STORE_VERSION);
    if (S_exec(s, sql) < 0 || S_exec(s, "COMMIT") < 0)
        goto fail;
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

static int S_prepare(tx_store *s)
{
    for (int i = 0; i < Q_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, S_statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i],
                               NULL) != SQLITE_OK)
            return -1;
    return 0;
}

/* Checks the version and, when writing, sets the journal up and migrates. */
static tx_status S_setup(tx_store *s, char *why, size_t why_size)
{
    int version;
    if (S_user_version(s, &version) < 0) {
        S_why(why, why_size, "not a SQLite database (%s)", sqlite3_errmsg(s->db));
        return TX_ERR_IO;
    }
    if (version > TX_STORE_VERSION) {
        char detail[64];
        snprintf(detail, sizeof(detail), "%d, this build knows up to %d", version, TX_STORE_VERSION);
        S_why(why, why_size, "database schema version %s: use a newer tacitus", detail);
        return TX_ERR_IO;
    }
    if (version == 0 && S_foreign(s)) {
        S_why(why, why_size, "%s", "a SQLite database, but not a tacitus one (no schema version)");
        return TX_ERR_IO;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if (s->mode == TX_STORE_READ) {
        if (version < TX_STORE_VERSION) {
            S_why(why, why_size, version ? "database schema version %s: run tacitus ingest on "
                                           "it to migrate" : "%s",
                  version ? "older than this build's" : "an empty database, not a tacitus one");
            return TX_ERR_IO;
        }
        return TX_OK;
    }
    /* WAL: readers (the server) go on while ingest writes; NORMAL sync keeps every committed
     * batch through a crash of the process, which is what re-runs rely on. */
    if (S_exec(s, "PRAGMA journal_mode = WAL") < 0 || S_exec(s, "PRAGMA synchronous = NORMAL") < 0 ||
        S_exec(s, "PRAGMA foreign_keys = ON") < 0 || S_migrate(s, version) < 0 || S_prepare(s) < 0) {
        S_why(why, why_size, "cannot set the database up: %s", sqlite3_errmsg(s->db));
        return TX_ERR_IO;
    }
    return TX_OK;
}

tx_store *tx_store_open(const char *path, tx_store_mode mode, tx_status *status, char *why,
                        size_t why_size)
{
    tx_status dummy;
    status = status ? status : &dummy;
    tx_store *s = calloc(1, sizeof(*s));
    if (!s) {
        *status = TX_ERR_NOMEM;
        S_why(why, why_size, "%s", "out of memory");
        return NULL;
    }
    s->mode = mode;
    s->batch = DEFAULT_BATCH;
    s->added = S_now();
    int flags = mode == TX_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        *status = rc == SQLITE_NOMEM ? TX_ERR_NOMEM : TX_ERR_IO;
        S_why(why, why_size, "cannot open: %s", s->db ? sqlite3_errmsg(s->db) : "out of memory");
        tx_store_close(s);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    if (mode == TX_STORE_WRITE && sqlite3_db_readonly(s->db, "main") == 1) {
        *status = TX_ERR_IO;
        S_why(why, why_size, "%s", "the database is read-only (no write permission)");
        tx_store_close(s);
        return NULL;
    }
    if ((*status = S_setup(s, why, why_size)) != TX_OK) {
        tx_store_close(s);
        return NULL;
    }
    return s;
}

tx_status tx_store_close(tx_store *s)
{
    if (!s)
        return TX_OK;
    tx_status status = s->in_transaction ? tx_store_commit(s) : TX_OK;
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(s->stmt[i]);
    sqlite3_close(s->db);
    free(s->sentence_rows);
    free(s->mention_rows);
    free(s->touched);
    free(s);
    return status;
}

tx_status tx_store_commit(tx_store *s)
{
    if (!s->in_transaction)
        return TX_OK;
    s->in_transaction = 0;
    s->pending = 0;
    s->error[0] = '\0';
    if (S_exec(s, "COMMIT") == 0)
        return TX_OK;
    snprintf(s->error, sizeof(s->error), "%s", sqlite3_errmsg(s->db));
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    memset(s->entity_cache, 0, sizeof(s->entity_cache));
    return TX_ERR_IO;
}

static void S_rollback(tx_store *s)
{
    snprintf(s->error, sizeof(s->error), "%s", sqlite3_errmsg(s->db));
    if (s->in_transaction)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_transaction = 0;
    s->pending = 0;
    memset(s->entity_cache, 0, sizeof(s->entity_cache));
}

/* ---- binding helpers: each returns 0 or -1 ---- */

static sqlite3_stmt *S_begin(tx_store *s, int q)
{
    sqlite3_stmt *st = s->stmt[q];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

static int S_text(sqlite3_stmt *st, int i, const char *text)
{
    return (text ? sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC)
                 : sqlite3_bind_null(st, i)) == SQLITE_OK ? 0 : -1;
}

static int S_span_text(sqlite3_stmt *st, int i, const char *text, uint32_t start, uint32_t end)
{
    return sqlite3_bind_text(st, i, text + start, (int)(end - start), SQLITE_STATIC) == SQLITE_OK
               ? 0 : -1;
}

static int S_int(sqlite3_stmt *st, int i, int64_t value)
{
    return sqlite3_bind_int64(st, i, value) == SQLITE_OK ? 0 : -1;
}

/* Runs a statement that returns no row. */
static int S_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a statement that returns at most one integer: 1 with *value, 0 without, -1 on error. */
static int S_lookup(sqlite3_stmt *st, int64_t *value)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *value = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

tx_status tx_store_has_article(tx_store *s, const char *id, const char *text, size_t len,
                               int *found)
{
    assert(s->mode == TX_STORE_WRITE);
    sqlite3_stmt *st = S_begin(s, Q_FIND_ARTICLE);
    int64_t one;
    int rc = S_text(st, 1, id) | S_int(st, 2, (int64_t)tx_store_text_hash(text, len));
    rc = rc < 0 ? -1 : S_lookup(st, &one);
    *found = rc == 1;
    return rc < 0 ? TX_ERR_IO : TX_OK;
}

/* ---- one article ---- */

typedef struct {
    tx_store *s;
    const tx_store_article *meta;
    const tx_analysis *a;
    int64_t article;       /* row of the article */
    uint32_t lead_line;    /* line of the first paragraph (not a headline, not noise) */
} ingest;

static int S_is_noise_line(const tx_analysis *a, uint32_t number)
{
    size_t lo = 0, hi = a->lines.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->lines.items[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->lines.count && a->lines.items[lo].number == number &&
           a->lines.items[lo].kind != TX_NOISE_NONE;
}

static uint32_t S_lead_line(const tx_analysis *a)
{
    for (size_t i = 0; i < a->sentences.count; i++) {
        const tx_sentence *sn = &a->sentences.items[i];
        if (!sn->headline && !S_is_noise_line(a, sn->line))
            return sn->line;
    }
    return 0;
}

static int S_add_article(ingest *in)
{
    const tx_analysis *a = in->a;
    const tx_store_article *m = in->meta;
    sqlite3_stmt *st = S_begin(in->s, Q_ADD_ARTICLE);
    int rc = S_text(st, 1, m->id) | S_int(st, 2, (int64_t)tx_store_text_hash(a->text, a->text_len)) |
             S_int(st, 3, a->date) | S_text(st, 4, m->source) | S_text(st, 5, m->title) |
             S_text(st, 6, m->url) | S_span_text(st, 7, a->text, 0, (uint32_t)a->text_len) |
             S_int(st, 8, (int64_t)a->text_len) | S_int(st, 9, (int64_t)a->lines.count) |
             S_int(st, 10, (int64_t)a->noise_lines) | S_int(st, 11, (int64_t)a->sentences_coded) |
             S_int(st, 12, (int64_t)a->event_count) | S_int(st, 13, in->s->added);
    if (rc < 0 || S_done(st) < 0)
        return -1;
    in->article = sqlite3_last_insert_rowid(in->s->db);
    return 0;
}

static int S_add_noise(ingest *in)
{
    for (size_t i = 0; i < in->a->lines.count; i++) {
        const tx_line *l = &in->a->lines.items[i];
        if (l->kind == TX_NOISE_NONE)
            continue;
        sqlite3_stmt *st = S_begin(in->s, Q_ADD_NOISE);
        if ((S_int(st, 1, in->article) | S_int(st, 2, l->number) | S_int(st, 3, l->start) |
             S_int(st, 4, l->end) | S_text(st, 5, tx_noise_name((tx_noise_kind)l->kind))) < 0 ||
            S_done(st) < 0)
            return -1;
    }
    return 0;
}

/* The row of sentence `index`, stored the first time an event needs it. */
static int S_sentence_row(ingest *in, uint32_t index, int64_t *row)
{
    assert(index < in->a->sentences.count);
    if (in->s->sentence_rows[index]) {
        *row = in->s->sentence_rows[index];
        return 0;
    }
    const tx_sentence *sn = &in->a->sentences.items[index];
    sqlite3_stmt *st = S_begin(in->s, Q_ADD_SENTENCE);
    if ((S_int(st, 1, in->article) | S_int(st, 2, (int64_t)index + 1) | S_int(st, 3, sn->start) |
         S_int(st, 4, sn->end) | S_int(st, 5, sn->line) | S_int(st, 6, sn->line == in->lead_line) |
         S_span_text(st, 7, in->a->text, sn->start, sn->end)) < 0 ||
        S_done(st) < 0)
        return -1;
    *row = in->s->sentence_rows[index] = sqlite3_last_insert_rowid(in->s->db);
    return 0;
}

/* An absent actor ("---" with no words) is stored as "" so that it reads as no actor. */
static const char *S_actor_code(const tx_event_actor *actor)
{
    return strcmp(actor->code, "---") == 0 && actor->start == actor->end ? "" : actor->code;
}

static int S_event_row(ingest *in, const tx_analysis_event *e, int64_t *row)
{
    const char *source = S_actor_code(&e->event.source), *target = S_actor_code(&e->event.target);
    const char *code = e->event.code ? e->event.code : "";
    sqlite3_stmt *st = S_begin(in->s, Q_FIND_EVENT);
    int found = (S_int(st, 1, e->date) | S_text(st, 2, source) | S_text(st, 3, target) |
                 S_text(st, 4, code)) < 0 ? -1 : S_lookup(st, row);
    if (found != 0)
        return found < 0 ? -1 : 0;
    char root[3];
    tx_cameo_root(code, root);
    const tx_cameo_code *c = in->s->cameo ? tx_cameo_find(in->s->cameo, code) : NULL;
    st = S_begin(in->s, Q_ADD_EVENT);
    int rc = S_int(st, 1, e->date) | S_text(st, 2, source) | S_text(st, 3, target) |
             S_text(st, 4, code) | S_text(st, 5, root) | S_int(st, 6, tx_cameo_quad_class(code)) |
             (c ? sqlite3_bind_double(st, 7, c->goldstein) : sqlite3_bind_null(st, 7)) |
             S_int(st, 8, in->s->added);
    if (rc != 0 || S_done(st) < 0)
        return -1;
    *row = sqlite3_last_insert_rowid(in->s->db);
    return 0;
}

static int S_bind_location(sqlite3_stmt *st, const tx_analysis_event *e)
{
    if (!e->has_location)
        return 0;
    const tx_place *p = &e->location;
    int rc = S_text(st, 16, p->name) | S_text(st, 17, p->country[0] ? p->country : NULL) |
             S_int(st, 20, p->start) | S_int(st, 21, p->end);
    if (p->has_point)
        rc |= sqlite3_bind_double(st, 18, p->latitude) | sqlite3_bind_double(st, 19, p->longitude);
    return rc ? -1 : 0;
}

static int S_add_mention(ingest *in, const tx_analysis_event *e, int64_t event, int64_t *row)
{
    int64_t sentence;
    if (S_sentence_row(in, e->sentence, &sentence) < 0)
        return -1;
    const tx_event *ev = &e->event;
    char pattern[4200];
    snprintf(pattern, sizeof(pattern), "%s:%u",
             in->meta->pattern_file ? in->meta->pattern_file : "", ev->pattern_line);
    sqlite3_stmt *st = S_begin(in->s, Q_ADD_MENTION);
    int rc = S_int(st, 1, event) | S_int(st, 2, in->article) | S_int(st, 3, e->id) |
             S_int(st, 4, sentence) | S_int(st, 5, e->certainty) | S_int(st, 6, e->date_precision) |
             S_int(st, 7, ev->source.start) | S_int(st, 8, ev->source.end) |
             S_int(st, 9, ev->target.start) | S_int(st, 10, ev->target.end) |
             S_int(st, 11, ev->verb_start) | S_int(st, 12, ev->verb_end) |
             S_text(st, 22, pattern) | S_bind_location(st, e);
    const tx_event_actor *by = &e->attribution;
    if (by->end > by->start)  /* as `tacitus code` tells "attributed_to" */
        rc |= S_text(st, 13, by->code) | S_int(st, 14, by->start) |
              S_int(st, 15, by->end);
    if (rc != 0 || S_done(st) < 0)
        return -1;
    *row = sqlite3_last_insert_rowid(in->s->db);
    return 0;
}

static int S_compare_ids(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* Recounts each event this article added mentions to, once. */
static int S_recount(ingest *in, size_t n)
{
    if (n == 0)  /* touched may still be NULL */
        return 0;
    qsort(in->s->touched, n, sizeof(*in->s->touched), S_compare_ids);
    for (size_t i = 0; i < n; i++) {
        if (i && in->s->touched[i] == in->s->touched[i - 1])
            continue;
        sqlite3_stmt *st = S_begin(in->s, Q_COUNT_EVENT);
        if (S_int(st, 1, in->s->touched[i]) < 0 || S_done(st) < 0)
            return -1;
    }
    return 0;
}

static int S_add_disputes(ingest *in)
{
    const tx_analysis *a = in->a;
    for (size_t i = 0; i < a->event_count; i++) {
        const tx_analysis_event *e = &a->events[i];
        for (uint32_t k = 0; k < e->disputes_count; k++) {
            assert(e->disputes_first + k < a->link_count);
            uint32_t other = a->links[e->disputes_first + k];
            if (other < 1 || other > a->event_count)
                continue;
            sqlite3_stmt *st = S_begin(in->s, Q_ADD_DISPUTE);
            if ((S_int(st, 1, in->s->mention_rows[e->id - 1]) |
                 S_int(st, 2, in->s->mention_rows[other - 1])) < 0 || S_done(st) < 0)
                return -1;
        }
    }
    return 0;
}

/* Makes rows[0..count) exist and zeroes them. */
static int S_grow(int64_t **rows, size_t *cap, size_t count)
{
    while (*cap < count)  /* tx_reserve grows by one doubling per call */
        if (tx_reserve((void **)rows, cap, *cap, sizeof(**rows)) < 0)
            return -1;
    if (count)
        memset(*rows, 0, count * sizeof(**rows));
    return 0;
}

static tx_status S_add_events(ingest *in)
{
    tx_store *s = in->s;
    const tx_analysis *a = in->a;
    if (S_grow(&s->sentence_rows, &s->cap_sentence_rows, a->sentences.count) < 0 ||
        S_grow(&s->mention_rows, &s->cap_mention_rows, a->event_count) < 0 ||
        S_grow(&s->touched, &s->cap_touched, a->event_count) < 0)
        return TX_ERR_NOMEM;
    for (size_t i = 0; i < a->event_count; i++) {
        const tx_analysis_event *e = &a->events[i];
        assert(e->id == i + 1);
        if (S_event_row(in, e, &s->touched[i]) < 0 ||
            S_add_mention(in, e, s->touched[i], &s->mention_rows[i]) < 0)
            return TX_ERR_IO;
    }
    return S_recount(in, a->event_count) < 0 || S_add_disputes(in) < 0 ? TX_ERR_IO : TX_OK;
}

static int S_add_quotes(ingest *in)
{
    for (size_t i = 0; i < in->a->quote_count; i++) {
        const tx_quote *q = &in->a->quotes[i];
        sqlite3_stmt *st = S_begin(in->s, Q_ADD_QUOTE);
        int rc = S_int(st, 1, in->article) | S_int(st, 2, q->start) | S_int(st, 3, q->end) |
                 S_int(st, 4, q->scare) | S_text(st, 5, q->speaker_name) |
                 S_text(st, 6, q->speaker_code[0] ? q->speaker_code : NULL);
        if (q->has_speaker)
            rc |= S_int(st, 7, q->speaker_start) | S_int(st, 8, q->speaker_end);
        if (q->has_cue)
            rc |= S_int(st, 9, q->cue_start) | S_int(st, 10, q->cue_end);
        if (rc != 0 || S_done(st) < 0)
            return -1;
    }
    return 0;
}

static int S_entity_row(ingest *in, const tx_entity *e, int64_t *row)
{
    entity_slot *slot = &in->s->entity_cache[((uintptr_t)e >> 4) % ENTITY_CACHE];
    if (slot->entity == e) {
        *row = slot->id;
        return 0;
    }
    const char *name = e->name ? e->name : "", *kind = tx_entity_kind_name((tx_entity_kind)e->kind);
    sqlite3_stmt *st = S_begin(in->s, Q_FIND_ENTITY);
    int found = (S_text(st, 1, name) | S_text(st, 2, kind) | S_text(st, 3, e->country)) < 0
                    ? -1 : S_lookup(st, row);
    if (found < 0)
        return -1;
    if (found == 0) {
        st = S_begin(in->s, Q_ADD_ENTITY);
        int rc = S_text(st, 1, name) | S_text(st, 2, kind) | S_text(st, 3, e->country);
        if (e->has_point)
            rc |= sqlite3_bind_double(st, 4, e->latitude) | sqlite3_bind_double(st, 5, e->longitude);
        if (rc != 0 || S_done(st) < 0)
            return -1;
        *row = sqlite3_last_insert_rowid(in->s->db);
    }
    *slot = (entity_slot){e, *row};
    return 0;
}

static int S_add_entities(ingest *in)
{
    for (size_t i = 0; i < in->a->entity_count; i++) {
        const tx_mention_entity *m = &in->a->entities[i];
        int64_t entity;
        if (!m->entity || S_entity_row(in, m->entity, &entity) < 0)
            return m->entity ? -1 : 0;
        sqlite3_stmt *st = S_begin(in->s, Q_ADD_ENTITY_MENTION);
        if ((S_int(st, 1, in->article) | S_int(st, 2, (int64_t)m->sentence + 1) |
             S_int(st, 3, m->start) | S_int(st, 4, m->end) | S_int(st, 5, entity) |
             S_text(st, 6, m->code)) < 0 || S_done(st) < 0)
            return -1;
    }
    return 0;
}

static tx_status S_add(ingest *in)
{
    if (S_add_article(in) < 0 || S_add_noise(in) < 0)
        return TX_ERR_IO;
    in->lead_line = S_lead_line(in->a);
    tx_status status = S_add_events(in);
    if (status != TX_OK)
        return status;
    return S_add_quotes(in) < 0 || S_add_entities(in) < 0 ? TX_ERR_IO : TX_OK;
}

tx_status tx_store_add(tx_store *s, const tx_store_article *article, const tx_analysis *analysis,
                       int *added)
{
    assert(s->mode == TX_STORE_WRITE && article->id);
    int dummy;
    added = added ? added : &dummy;
    *added = 0;
    s->error[0] = '\0';
    if (!s->in_transaction) {
        if (S_exec(s, "BEGIN IMMEDIATE") < 0)
            return TX_ERR_IO;
        s->in_transaction = 1;
    }
    int found;
    tx_status status = tx_store_has_article(s, article->id, analysis->text, analysis->text_len,
                                            &found);
    if (status == TX_OK && found)
        return TX_OK;
    ingest in = {s, article, analysis, 0, 0};
    if (status != TX_OK || (status = S_add(&in)) != TX_OK) {
        S_rollback(s);
        return status;
    }
    *added = 1;
    if (++s->pending >= s->batch)
        return tx_store_commit(s);
    return TX_OK;
}
