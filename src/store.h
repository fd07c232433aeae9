/* store.h: the SQLite event database: articles, deduplicated events with their mentions, quotes, noise, entities. */
#ifndef TX_STORE_H
#define TX_STORE_H

#include "analysis.h"
#include "buffer.h"

#include <sqlite3.h>

/* The schema version this build writes (PRAGMA user_version); docs/store.md describes it. */
#define TX_STORE_VERSION 2

/* The SQL that takes a database from version - 1 to `version` (1..TX_STORE_VERSION), or NULL.
 * Static; exposed so that tests can build an older database by hand. */
const char *tx_store_migration(int version);

typedef struct tx_store tx_store;

typedef enum {
    TX_STORE_READ = 0,   /* the database must exist; nothing is written */
    TX_STORE_WRITE       /* created when missing, migrated to TX_STORE_VERSION */
} tx_store_mode;

/* Opens the database at `path`.  Returns the store (the caller closes it with
 * tx_store_close), or NULL with *status (may be NULL) set and why[0..why_size) holding a
 * message without the path: TX_ERR_IO (cannot open, read-only, not a SQLite database, a
 * schema newer than this build), TX_ERR_NOMEM. */
tx_store *tx_store_open(const char *path, tx_store_mode mode, tx_status *status, char *why,
                        size_t why_size);

/* Commits what the current batch holds, then closes.  Returns TX_OK or TX_ERR_IO when the
 * final commit failed (the batch is then lost, nothing earlier).  NULL is allowed. */
tx_status tx_store_close(tx_store *store);

/* The last SQLite error message; owned by the store. */
const char *tx_store_error(const tx_store *store);

/* The underlying connection, for read-only SQL of callers (the HTTP server); owned. */
sqlite3 *tx_store_db(tx_store *store);

/* ---- Writing ---------------------------------------------------------------------------- */

/* What the store records beside the analysis of an article.  `id` is required; the others
 * may be NULL.  Strings are copied into the database, not kept. */
typedef struct {
    const char *id;
    const char *source;   /* the outlet ("reuters-21578") */
    const char *title, *url;
    const char *pattern_file;  /* the verb dictionary, for "file:line" of patterns */
} tx_store_article;

/* FNV-1a 64 of text[0..len) with every run of white space (space, tab, CR, LF, FF, VT)
 * taken as one space and leading and trailing white space ignored: the article's identity
 * when its id changes. */
uint64_t tx_store_text_hash(const char *text, size_t len);

/* Sets how many articles one transaction holds (default 200; 0 restores it). */
void tx_store_set_batch(tx_store *store, unsigned articles);

/* The code table for Goldstein weights (borrowed; may be NULL: weights are then NULL). */
void tx_store_set_cameo(tx_store *store, const tx_cameo *cameo);

/* Sets *found to 1 when an article with this id or with this text (by tx_store_text_hash)
 * is stored already, else 0.  Returns TX_OK or TX_ERR_IO. */
tx_status tx_store_has_article(tx_store *store, const char *id, const char *text, size_t len,
                               int *found);

/* Stores the article with everything in `analysis` (whose text is the article's), unless an
 * article with its id or text is there already: *added (may be NULL) tells which.  Events
 * are merged with those of the same (date, source, target, code).  The article goes into
 * the current batch, committed every tx_store_set_batch articles and by tx_store_commit; on
 * an error (TX_ERR_IO, TX_ERR_NOMEM) the whole batch is rolled back. */
tx_status tx_store_add(tx_store *store, const tx_store_article *article,
                       const tx_analysis *analysis, int *added);

/* Commits the current batch (nothing to do when none is open).  TX_OK or TX_ERR_IO. */
tx_status tx_store_commit(tx_store *store);

/* ---- Reading ---------------------------------------------------------------------------- */

/* Bits of tx_certainty values: which mentions count. */
#define TX_CERTAINTY_BIT(c) (1u << (c))
#define TX_CERTAINTY_DEFAULT (TX_CERTAINTY_BIT(TX_CERTAINTY_ASSERTED) | TX_CERTAINTY_BIT(TX_CERTAINTY_REPORTED))
#define TX_CERTAINTY_ALL 0xFu

/* Parses "asserted,reported" or "all" into *bits.  Returns 0, or -1 naming nothing known. */
int tx_store_parse_certainties(const char *list, unsigned *bits);

/* Which events to read.  Zeroed means: every event with a mention of the default
 * certainties.  Prefixes match the start of the code ("USA" matches USA and USAGOV). */
typedef struct {
    const char *source, *target;   /* actor code prefixes, or NULL */
    const char *dyad_a, *dyad_b;   /* both set: events between them, either direction */
    const char *code;              /* event code prefix, or NULL */
    const char *root;              /* event root ("19"), or NULL */
    int32_t from, to;              /* event dates YYYYMMDD, inclusive; 0 = open */
    unsigned certainties;          /* TX_CERTAINTY_BIT set; 0 = TX_CERTAINTY_DEFAULT */
    const char *text;              /* FTS5 query over the sentences of the mentions, or NULL */
    long limit;                    /* at most this many events; 0 = all */
    /* Added for the HTTP API; zero keeps the behaviour above. */
    const char *actor;             /* either side has this actor code prefix, or NULL */
    int quad;                      /* quad class 1..4; 0 = any */
    long offset;                   /* tx_store_events, tx_store_top: skip this many first */
    int newest_first;              /* tx_store_events: by date then id, descending */
    int use_counts;                /* with the default certainties and no text: read the
                                    * counts kept in `events` instead of recounting the
                                    * mentions (the same rows, ten times faster) */
} tx_store_filter;

/* A span of the article text and its code; text "" and code "" when absent. */
typedef struct {
    const char *code, *text;
    long start, end;
    int present;
} tx_store_span;

/* One deduplicated event, described by its first counted mention.  Strings are owned by the
 * store and valid during the callback only. */
typedef struct {
    int64_t id;
    int32_t date;                  /* YYYYMMDD */
    const char *code, *root;
    int quad_class;
    double goldstein;
    int has_goldstein;
    long num_mentions, num_sources, num_articles;  /* over the counted certainties */
    int64_t added;                 /* when first stored: YYYYMMDDHHMMSS (UTC) */
    /* the first counted mention */
    const char *article, *url;     /* article id; url or "" */
    int32_t article_date;
    long sentence;                 /* 1-based, as `tacitus code` numbers them */
    const char *sentence_text;
    int lead;                      /* the sentence is in the article's first paragraph */
    tx_store_span source, target, verb, attribution;
    int certainty;                 /* tx_certainty */
    int date_precision;            /* tx_date_precision */
    const char *pattern;
    int64_t mention;               /* its row */
    const int64_t *disputes, *disputed_by;  /* events it disputes / that dispute it */
    size_t disputes_count, disputed_by_count;
    /* the first counted mention that names a place */
    int has_location, has_point;
    const char *location, *location_country;
    double latitude, longitude;
    /* Added for the HTTP API: where the first counted mention is. */
    int64_t article_row;           /* articles.id of its article */
    long sentence_start;           /* byte offset of its sentence in the article text */
} tx_store_event;

/* Called per event; returning nonzero stops the reading (tx_store_events returns TX_OK). */
typedef int (*tx_store_event_fn)(void *ctx, const tx_store_event *event);

/* Reads the events matching `filter` in order of date then id.  Returns TX_OK, TX_ERR_USAGE
 * for a malformed FTS5 query, TX_ERR_IO on other SQLite errors (tx_store_error tells). */
tx_status tx_store_events(tx_store *store, const tx_store_filter *filter, tx_store_event_fn each,
                          void *ctx);

typedef enum { TX_PERIOD_DAY, TX_PERIOD_WEEK, TX_PERIOD_MONTH } tx_store_period;

/* Per period of the matching events: period "2022-03-14" (day), the Monday of the ISO week
 * (week) or "2022-03" (month); events per quad class (index 1..4; [0] is the total);
 * mentions; mean Goldstein weight (NaN when no event has one). */
typedef struct {
    const char *period;
    long events[5];
    long mentions;
    double mean_goldstein;
} tx_store_period_row;

typedef int (*tx_store_period_fn)(void *ctx, const tx_store_period_row *row);

tx_status tx_store_periods(tx_store *store, const tx_store_filter *filter, tx_store_period period,
                           tx_store_period_fn each, void *ctx);

typedef enum { TX_TOP_DYADS, TX_TOP_ACTORS, TX_TOP_CODES } tx_store_top_kind;

/* A ranked key: a dyad ("USA", "CHN"), an actor ("USA", NULL) or a code ("0232", NULL). */
typedef struct {
    const char *key, *key2;
    long events, mentions;
    double mean_goldstein;
} tx_store_top_row;

typedef int (*tx_store_top_fn)(void *ctx, const tx_store_top_row *row);

/* The keys with most matching events (ties by mentions, then key); filter->limit, or 10. */
tx_status tx_store_top(tx_store *store, const tx_store_filter *filter, tx_store_top_kind kind,
                       tx_store_top_fn each, void *ctx);

/* ---- Reading for the HTTP API ----------------------------------------------------------- */

/* Sets *count to the number of events matching `filter` (its limit and offset ignored).
 * Returns as tx_store_events does. */
tx_status tx_store_count(tx_store *store, const tx_store_filter *filter, long *count);

/* Appends to `sql` a SELECT of the events matching `filter`, one row per event with these
 * columns (counts over the counted mentions): id, date, source, target, code, root,
 * quad_class, goldstein, added, n_mentions, n_articles, n_sources, first_mention.  Callers
 * wrap it ("WITH ev AS (...) SELECT ...") and bind it with tx_store_filter_bind.  Values are
 * never part of the text: they are named parameters starting with ':' (and the caller's own
 * :limit and :offset, if it uses those names, are bound from the filter). */
void tx_store_filter_sql(const tx_store_filter *filter, tx_buf *sql);

/* Binds the parameters of tx_store_filter_sql in `st`.  Returns 0, or -1 (out of memory or
 * a SQLite error). */
int tx_store_filter_bind(sqlite3_stmt *st, const tx_store_filter *filter);

#endif
