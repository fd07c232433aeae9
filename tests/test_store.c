/* test_store.c: the event database: schema and migrations, idempotent ingest, event dedupe and
 * counts, filters, and errors (not a database, SQL failures, allocation failures) as values. */
#include "gdelt.h"
#include "store.h"
#include "test.h"

#include <sys/stat.h>
#include <unistd.h>

static char temp_dir[64];

/* ---- an analysis made by hand, independently of the analyzer ---- */

typedef struct {
    char text[512];
    tx_line lines[4];
    tx_sentence sentences[4];
    tx_analysis_event events[4];
    uint32_t links[2];
    tx_quote quote;
    tx_entity entity;
    tx_mention_entity mention;
    tx_analysis a;
} fixture;

static tx_event_actor S_actor(const char *text, const char *code, const char *word, size_t from)
{
    tx_event_actor actor;
    memset(&actor, 0, sizeof(actor));
    snprintf(actor.code, sizeof(actor.code), "%s", code);
    const char *at = word ? strstr(text + from, word) : NULL;
    if (at) {
        actor.start = (uint32_t)(at - text);
        actor.end = actor.start + (uint32_t)strlen(word);
    }
    return actor;
}

/* Line 1: "A accused B", line 2 noise, line 3: "B met A in Rome" (two events, the second
 * `certainty`, disputing the first).  `lead` varies the text without changing events. */
static const tx_analysis *S_fixture(fixture *f, const char *lead, int32_t date, uint8_t certainty)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->text, sizeof(f->text),
             "%sAtlantis accused Lemuria of spying.\nRead more: nothing\nLemuria met Atlantis in Rome.",
             lead);
    const char *t = f->text;
    uint32_t line2 = (uint32_t)(strchr(t, '\n') - t) + 1, line3 = (uint32_t)(strstr(t, "Lemuria met") - t);
    uint32_t len = (uint32_t)strlen(t);
    f->lines[0] = (tx_line){0, line2 - 1, 1, TX_NOISE_NONE};
    f->lines[1] = (tx_line){line2, line3 - 1, 2, TX_NOISE_PROMO};
    f->lines[2] = (tx_line){line3, len, 3, TX_NOISE_NONE};
    f->sentences[0] = (tx_sentence){0, line2 - 1, 1, 0, 1};
    f->sentences[1] = (tx_sentence){line2, line3 - 1, 2, 1, 1};
    f->sentences[2] = (tx_sentence){line3, len, 3, 0, 1};
    static const char *const codes[] = {"112", "040"};
    for (int i = 0; i < 2; i++) {
        tx_analysis_event *e = &f->events[i];
        size_t from = i ? line3 : 0;
        e->id = (uint32_t)i + 1;
        e->sentence = i ? 2 : 0;
        e->event.source = S_actor(t, i ? "LEM" : "ATL", i ? "Lemuria" : "Atlantis", from);
        e->event.target = S_actor(t, i ? "ATL" : "LEM", i ? "Atlantis" : "Lemuria", from);
        e->event.code = codes[i];
        const char *verb = strstr(t + from, i ? "met" : "accused");
        e->event.verb_start = (uint32_t)(verb - t);
        e->event.verb_end = e->event.verb_start + (i ? 3 : 7);
        e->event.pattern_line = 10 + (uint32_t)i;
        e->date = date;
        e->attribution = S_actor(t, "", NULL, 0);
        e->certainty = i ? certainty : TX_CERTAINTY_ASSERTED;
    }
    f->events[1].has_location = 1;
    f->events[1].location = (tx_place){"Rome", "ITA", 1, 41.9f, 12.5f, 0, 0};
    f->links[0] = 1;  /* event 2 disputes event 1 */
    f->links[1] = 2;
    f->events[1].disputes_first = 0;
    f->events[1].disputes_count = 1;
    f->events[0].disputed_by_first = 1;
    f->events[0].disputed_by_count = 1;
    f->quote = (tx_quote){0, 8, 0, 0, 0, 0, 0, NULL, "", 0, 0};
    f->entity = (tx_entity){TX_ENTITY_PLACE, 1, "ITA", 41.9f, 12.5f, "Rome"};
    f->mention = (tx_mention_entity){2, (uint32_t)(strstr(t, "Rome") - t),
                                     (uint32_t)(strstr(t, "Rome") - t) + 4, &f->entity, "ITA"};
    tx_analysis *a = &f->a;
    a->text = t;
    a->text_len = len;
    a->date = date;
    a->lines = (tx_lines){f->lines, 3, 4};
    a->noise_lines = 1;
    a->sentences = (tx_sentences){f->sentences, 3, 4};
    a->sentences_coded = 2;
    a->events = f->events;
    a->event_count = 2;
    a->links = f->links;
    a->link_count = 2;
    a->quotes = &f->quote;
    a->quote_count = 1;
    a->entities = &f->mention;
    a->entity_count = 1;
    return a;
}

/* ---- helpers ---- */

static const char *S_path(const char *name)
{
    static char path[4][128];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, 128, "%s/%s", temp_dir, name);
    return p;
}

static void S_remove_db(const char *name)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(suffixes); i++) {
        char path[160];
        snprintf(path, sizeof(path), "%s%s", S_path(name), suffixes[i]);
        unlink(path);
    }
}

static long S_scalar(tx_store *s, const char *sql)
{
    sqlite3_stmt *st;
    long value = -1;
    if (sqlite3_prepare_v2(tx_store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        value = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return value;
}

static tx_store *S_open(const char *name, tx_store_mode mode)
{
    char why[256];
    tx_status status;
    tx_store *s = tx_store_open(S_path(name), mode, &status, why, sizeof(why));
    if (!s)
        fprintf(stderr, "open %s: %s\n", name, why);
    return s;
}

static tx_status S_add(tx_store *s, const char *id, const char *source, const tx_analysis *a,
                       int *added)
{
    tx_store_article meta = {id, source, "A title", NULL, "verbs.txt"};
    return tx_store_add(s, &meta, a, added);
}

/* Collects what tx_store_events gives. */
typedef struct {
    int count;
    char codes[8][8];
    long mentions[8], sources[8], articles[8];
    int lead[8], has_location[8];
    size_t disputes[8], disputed_by[8];
    char source_text[8][32];
} seen;

static int S_collect(void *ctx, const tx_store_event *e)
{
    seen *v = ctx;
    if (v->count < 8) {
        int i = v->count;
        snprintf(v->codes[i], sizeof(v->codes[i]), "%s", e->code);
        v->mentions[i] = e->num_mentions;
        v->sources[i] = e->num_sources;
        v->articles[i] = e->num_articles;
        v->lead[i] = e->lead;
        v->has_location[i] = e->has_location;
        v->disputes[i] = e->disputes_count;
        v->disputed_by[i] = e->disputed_by_count;
        snprintf(v->source_text[i], sizeof(v->source_text[i]), "%s", e->source.text);
    }
    v->count++;
    return 0;
}

static seen S_events(tx_store *s, const tx_store_filter *filter, tx_status *status)
{
    seen v;
    memset(&v, 0, sizeof(v));
    *status = tx_store_events(s, filter, S_collect, &v);
    return v;
}

/* ---- tests ---- */

static void test_schema(void)
{
    S_remove_db("schema.db");
    tx_store *s = S_open("schema.db", TX_STORE_WRITE);
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK_INT(S_scalar(s, "PRAGMA user_version"), TX_STORE_VERSION);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                          " ('articles', 'noise', 'sentences', 'events', 'mentions', 'disputes',"
                          " 'quotes', 'entities', 'entity_mentions', 'sentences_fts')"), 10);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                          " ('events_source', 'events_target', 'events_code', 'events_root')"), 4);
    CHECK_INT(S_scalar(s, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    tx_store_close(s);
    /* reopening changes nothing; reading needs no write access */
    s = S_open("schema.db", TX_STORE_READ);
    CHECK(s != NULL);
    if (s)
        CHECK_INT(S_scalar(s, "PRAGMA user_version"), TX_STORE_VERSION);
    tx_store_close(s);
}

/* A version-1 database, made with the first migration only, gains full-text search. */
static void test_migration(void)
{
    S_remove_db("v1.db");
    sqlite3 *db;
    CHECK_INT(sqlite3_open(S_path("v1.db"), &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, tx_store_migration(1), NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 1;"
                               "INSERT INTO articles VALUES (1, 'old', 7, 20200101, NULL, NULL,"
                               " NULL, 'Old text here.', 14, 1, 0, 1, 0, 20200101000000);"
                               "INSERT INTO sentences VALUES (1, 1, 1, 0, 14, 1, 1,"
                               " 'Old text here.');", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK(tx_store_migration(0) == NULL);
    CHECK(tx_store_migration(TX_STORE_VERSION + 1) == NULL);

    /* read mode does not migrate */
    char why[256] = "";
    tx_status status;
    CHECK(tx_store_open(S_path("v1.db"), TX_STORE_READ, &status, why, sizeof(why)) == NULL);
    CHECK(strstr(why, "migrate") != NULL);

    tx_store *s = S_open("v1.db", TX_STORE_WRITE);
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK_INT(S_scalar(s, "PRAGMA user_version"), TX_STORE_VERSION);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'old'"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM articles"), 1);
    /* new sentences are indexed as they come */
    fixture f;
    int added;
    CHECK_INT(S_add(s, "new", NULL, S_fixture(&f, "", 20240506, 0), &added), TX_OK);
    CHECK_INT(tx_store_commit(s), TX_OK);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'spying'"), 1);
    tx_store_close(s);
}

static void test_idempotent(void)
{
    S_remove_db("idem.db");
    tx_store *s = S_open("idem.db", TX_STORE_WRITE);
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    fixture f;
    int added = -1, found = -1;
    const tx_analysis *a = S_fixture(&f, "", 20240506, TX_CERTAINTY_ASSERTED);
    CHECK_INT(S_add(s, "one", "wire", a, &added), TX_OK);
    CHECK_INT(added, 1);
    CHECK_INT(S_add(s, "one", "wire", a, &added), TX_OK);  /* same id */
    CHECK_INT(added, 0);
    CHECK_INT(S_add(s, "renamed", "wire", a, &added), TX_OK);  /* same text */
    CHECK_INT(added, 0);
    /* the same text with other white space is the same article */
    char spaced[600];
    snprintf(spaced, sizeof(spaced), "  %s \n", f.text);
    for (char *p = spaced; *p; p++)
        if (*p == ' ' && p[1] == 'a')
            *p = '\t';
    CHECK(tx_store_text_hash(spaced, strlen(spaced)) == tx_store_text_hash(f.text, strlen(f.text)));
    CHECK(tx_store_text_hash("a b", 3) != tx_store_text_hash("ab", 2));
    CHECK_INT(tx_store_has_article(s, "other", spaced, strlen(spaced), &found), TX_OK);
    CHECK_INT(found, 1);
    CHECK_INT(tx_store_has_article(s, "other", "new text", 8, &found), TX_OK);
    CHECK_INT(found, 0);
    CHECK_INT(tx_store_commit(s), TX_OK);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM articles"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM mentions"), 2);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM noise"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sentences"), 2);  /* those with events */
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM quotes"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM entity_mentions"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM disputes"), 1);
    tx_store_close(s);
}

/* An article of many sentences and events: the per-article tables grow. */
static void test_large_article(void)
{
    S_remove_db("large.db");
    tx_store *s = S_open("large.db", TX_STORE_WRITE);
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    enum { N = 300 };
    fixture f;
    tx_analysis a = *S_fixture(&f, "Big. ", 20240506, 0);
    tx_sentence *sentences = calloc(N, sizeof(*sentences));
    tx_analysis_event *events = calloc(N, sizeof(*events));
    for (int i = 0; i < N; i++) {
        sentences[i] = f.sentences[i % 3];
        events[i] = f.events[i % 2];
        events[i].id = (uint32_t)i + 1;
        events[i].sentence = (uint32_t)i;
        events[i].date = 20240101 + i % 28;
        events[i].disputes_count = 0;
    }
    a.sentences = (tx_sentences){sentences, N, N};
    a.events = events;
    a.event_count = N;
    int added = 0;
    CHECK_INT(S_add(s, "large", NULL, &a, &added), TX_OK);
    CHECK_INT(added, 1);
    CHECK_INT(tx_store_commit(s), TX_OK);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM mentions"), N);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM sentences"), N);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM events"), 28);  /* 112 on even days, 040 on odd */
    free(sentences);
    free(events);
    tx_store_close(s);
}

/* Three articles report the same two events; two come from one outlet. */
static void test_dedupe(void)
{
    S_remove_db("dedupe.db");
    tx_store *s = S_open("dedupe.db", TX_STORE_WRITE);
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    tx_store_set_batch(s, 2);
    fixture f;
    int added;
    CHECK_INT(S_add(s, "a1", "wire", S_fixture(&f, "", 20240506, TX_CERTAINTY_REPORTED), &added), TX_OK);
    CHECK_INT(S_add(s, "a2", "wire", S_fixture(&f, "Update. ", 20240506, TX_CERTAINTY_HYPOTHETICAL), &added), TX_OK);
    CHECK_INT(S_add(s, "a3", "paper", S_fixture(&f, "Later. ", 20240506, TX_CERTAINTY_NEGATED), &added), TX_OK);
    CHECK_INT(S_add(s, "a4", NULL, S_fixture(&f, "Next day. ", 20240507, TX_CERTAINTY_ASSERTED), &added), TX_OK);
    CHECK_INT(tx_store_commit(s), TX_OK);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM events"), 4);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM mentions"), 8);
    /* maintained counts: asserted and reported mentions only */
    CHECK_INT(S_scalar(s, "SELECT num_mentions FROM events WHERE code = '112' AND date = 20240506"), 3);
    CHECK_INT(S_scalar(s, "SELECT num_sources FROM events WHERE code = '112' AND date = 20240506"), 2);
    CHECK_INT(S_scalar(s, "SELECT num_articles FROM events WHERE code = '040' AND date = 20240506"), 1);

    tx_store_filter filter = {0};
    tx_status status;
    seen v = S_events(s, &filter, &status);
    CHECK_INT(status, TX_OK);
    CHECK_INT(v.count, 4);
    CHECK_STR(v.codes[0], "112");   /* date, then id */
    CHECK_INT(v.mentions[0], 3);
    CHECK_INT(v.sources[0], 2);
    CHECK_INT(v.articles[0], 3);
    CHECK_INT(v.lead[0], 1);
    CHECK_STR(v.source_text[0], "Atlantis");
    CHECK_INT(v.disputed_by[0], 1);
    CHECK_STR(v.codes[1], "040");
    CHECK_INT(v.mentions[1], 1);   /* the hypothetical and negated ones do not count */
    CHECK_INT(v.lead[1], 0);
    CHECK_INT(v.has_location[1], 1);
    CHECK_INT(v.disputes[1], 1);

    filter.certainties = TX_CERTAINTY_ALL;
    v = S_events(s, &filter, &status);
    CHECK_INT(v.mentions[1], 3);
    CHECK_INT(v.sources[1], 2);
    CHECK_INT(tx_store_parse_certainties("hypothetical,negated", &filter.certainties), 0);
    v = S_events(s, &filter, &status);
    CHECK_INT(v.count, 1);  /* only the 040 of 6 May has such mentions */
    CHECK_INT(v.mentions[0], 2);
    CHECK_INT(tx_store_parse_certainties("asserted,maybe", &filter.certainties), -1);
    CHECK_INT(tx_store_parse_certainties("", &filter.certainties), -1);

    /* filters */
    tx_store_filter by_source = {.source = "LE"}, by_date = {.from = 20240507},
                    by_text = {.text = "spying"}, by_root = {.root = "04", .to = 20240506},
                    dyad = {.dyad_a = "LEM", .dyad_b = "ATL", .code = "11"};
    CHECK_INT(S_events(s, &by_source, &status).count, 2);
    CHECK_INT(S_events(s, &by_date, &status).count, 2);
    CHECK_INT(S_events(s, &by_text, &status).count, 2);
    CHECK_INT(S_events(s, &by_root, &status).count, 1);
    CHECK_INT(S_events(s, &dyad, &status).count, 2);
    tx_store_filter limited = {.limit = 1};
    CHECK_INT(S_events(s, &limited, &status).count, 1);
    tx_store_filter bad_text = {.text = "\"unclosed"};
    S_events(s, &bad_text, &status);
    CHECK_INT(status, TX_ERR_USAGE);
    tx_store_close(s);
}

static int S_count_periods(void *ctx, const tx_store_period_row *row)
{
    long *total = ctx;
    total[0]++;
    total[1] += row->events[0];
    total[2] += row->events[3];
    return 0;
}

static int S_first_top(void *ctx, const tx_store_top_row *row)
{
    snprintf(ctx, 32, "%s%s%s %ld", row->key, row->key2 ? "," : "", row->key2 ? row->key2 : "",
             row->events);
    return 1;
}

static void test_aggregates(void)
{
    tx_store *s = S_open("dedupe.db", TX_STORE_READ);
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    tx_store_filter filter = {0};
    long total[3] = {0, 0, 0};
    CHECK_INT(tx_store_periods(s, &filter, TX_PERIOD_DAY, S_count_periods, total), TX_OK);
    CHECK_INT(total[0], 2);
    CHECK_INT(total[1], 4);
    CHECK_INT(total[2], 2);  /* 112 is verbal conflict */
    memset(total, 0, sizeof(total));
    CHECK_INT(tx_store_periods(s, &filter, TX_PERIOD_MONTH, S_count_periods, total), TX_OK);
    CHECK_INT(total[0], 1);
    char first[32] = "";
    CHECK_INT(tx_store_top(s, &filter, TX_TOP_ACTORS, S_first_top, first), TX_OK);
    CHECK_STR(first, "ATL 4");
    CHECK_INT(tx_store_top(s, &filter, TX_TOP_DYADS, S_first_top, first), TX_OK);
    CHECK_STR(first, "ATL,LEM 2");
    tx_store_close(s);
}

static void test_gdelt(void)
{
    tx_gdelt_countries *countries = tx_gdelt_countries_of("CHNUSARUS");
    tx_gdelt_actor a;
    tx_gdelt_split_actor("USAGOVMIL", countries, &a);
    CHECK_STR(a.country, "USA");
    CHECK_STR(a.types[0], "GOV");
    CHECK_STR(a.types[1], "MIL");
    tx_gdelt_split_actor("IGOUNO", countries, &a);
    CHECK_STR(a.country, "");
    CHECK_STR(a.types[0], "IGO");
    CHECK_STR(a.known_group, "UNO");
    tx_gdelt_split_actor("---GOV", countries, &a);
    CHECK_STR(a.code, "GOV");
    CHECK_STR(a.types[0], "GOV");
    tx_gdelt_countries_free(countries);
}

static void test_errors(void)
{
    char why[256] = "";
    tx_status status = TX_OK;
    /* not a database: nothing written to it */
    const char *text = S_path("notes.txt");
    FILE *f = fopen(text, "w");
    static const char notes[] =
        "These are notes, not a database, and they are long enough to look like a header.\n";
    fputs(notes, f);
    fclose(f);
    CHECK(tx_store_open(text, TX_STORE_WRITE, &status, why, sizeof(why)) == NULL);
    CHECK_INT(status, TX_ERR_IO);
    CHECK(strstr(why, "not a SQLite database") != NULL);
    struct stat st;
    CHECK(stat(text, &st) == 0 && (size_t)st.st_size == strlen(notes));
    /* missing, for reading */
    CHECK(tx_store_open(S_path("missing.db"), TX_STORE_READ, &status, why, sizeof(why)) == NULL);
    CHECK_INT(status, TX_ERR_IO);
    /* someone else's database, and one from the future */
    S_remove_db("other.db");
    sqlite3 *db;
    sqlite3_open(S_path("other.db"), &db);
    sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(tx_store_open(S_path("other.db"), TX_STORE_WRITE, &status, why, sizeof(why)) == NULL);
    CHECK(strstr(why, "not a tacitus one") != NULL);
    sqlite3_open(S_path("other.db"), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(tx_store_open(S_path("other.db"), TX_STORE_WRITE, &status, why, sizeof(why)) == NULL);
    CHECK(strstr(why, "newer") != NULL);
    /* a read-only file (root ignores file permissions) */
    if (geteuid() != 0) {
        S_remove_db("ro.db");
        tx_store_close(S_open("ro.db", TX_STORE_WRITE));
        chmod(S_path("ro.db"), 0444);
        CHECK(tx_store_open(S_path("ro.db"), TX_STORE_WRITE, &status, why, sizeof(why)) == NULL);
        CHECK(strstr(why, "read-only") != NULL);
    } else {
        SKIP("running as root: file permissions do not make a database read-only");
    }
    /* an SQL error in the middle of an article rolls its whole batch back */
    S_remove_db("broken.db");
    tx_store *s = S_open("broken.db", TX_STORE_WRITE);
    if (!s)
        return;
    fixture fx;
    int added;
    CHECK_INT(S_add(s, "kept", NULL, S_fixture(&fx, "", 20240506, 0), &added), TX_OK);
    CHECK_INT(tx_store_commit(s), TX_OK);
    CHECK_INT(S_add(s, "lost", NULL, S_fixture(&fx, "Other. ", 20240506, 0), &added), TX_OK);
    CHECK_INT(sqlite3_exec(tx_store_db(s), "CREATE TRIGGER no_quotes BEFORE INSERT ON quotes BEGIN"
                           " SELECT RAISE(ABORT, 'no quotes'); END;", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(S_add(s, "fails", NULL, S_fixture(&fx, "Third. ", 20240506, 0), &added), TX_ERR_IO);
    CHECK(strstr(tx_store_error(s), "no quotes") != NULL);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM articles"), 1);
    CHECK_INT(S_scalar(s, "SELECT count(*) FROM mentions"), 2);
    tx_store_close(s);
}

/* ---- allocation failures: SQLite's allocator fails after a countdown ---- */

static sqlite3_mem_methods S_default_mem;
static long S_allocations_left = -1;  /* -1: never fail */

static void *S_malloc(int n)
{
    if (S_allocations_left == 0)
        return NULL;
    if (S_allocations_left > 0)
        S_allocations_left--;
    return S_default_mem.xMalloc(n);
}

static void *S_realloc(void *p, int n)
{
    if (S_allocations_left == 0)
        return NULL;
    if (S_allocations_left > 0)
        S_allocations_left--;
    return S_default_mem.xRealloc(p, n);
}

static void test_out_of_memory(void)
{
    int completed = 0, failed = 0;
    for (long budget = 0; budget < 20000 && !completed; budget += 1 + budget / 16) {
        S_remove_db("oom.db");
        S_allocations_left = budget;
        char why[256];
        tx_status status;
        tx_store *s = tx_store_open(S_path("oom.db"), TX_STORE_WRITE, &status, why, sizeof(why));
        fixture f;
        int added = 0;
        if (s && S_add(s, "oom", "wire", S_fixture(&f, "", 20240506, 0), &added) == TX_OK &&
            tx_store_commit(s) == TX_OK && added)
            completed = 1;
        else
            failed++;
        S_allocations_left = -1;
        tx_store_close(s);
        /* whatever failed, the database is consistent: the article is whole or absent */
        s = tx_store_open(S_path("oom.db"), TX_STORE_WRITE, &status, why, sizeof(why));
        if (s) {
            long articles = S_scalar(s, "SELECT count(*) FROM articles");
            long mentions = S_scalar(s, "SELECT count(*) FROM mentions");
            if (!(articles == 0 && mentions == 0) && !(articles == 1 && mentions == 2)) {
                CHECK_INT(articles * 10 + mentions, 12);
                break;
            }
            tx_store_close(s);
        }
    }
    CHECK(failed > 0);
    CHECK_INT(completed, 1);
}

int main(void)
{
    /* before SQLite initializes: wrap its allocator so tests can make it fail */
    sqlite3_config(SQLITE_CONFIG_GETMALLOC, &S_default_mem);
    sqlite3_mem_methods wrapped = S_default_mem;
    wrapped.xMalloc = S_malloc;
    wrapped.xRealloc = S_realloc;
    sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapped);

    snprintf(temp_dir, sizeof(temp_dir), "%s", "/tmp/tacitus-store-XXXXXX");
    if (!mkdtemp(temp_dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_schema();
    test_migration();
    test_idempotent();
    test_large_article();
    test_dedupe();
    test_aggregates();
    test_gdelt();
    test_errors();
    test_out_of_memory();
    char command[128];
    snprintf(command, sizeof(command), "rm -rf '%s'", temp_dir);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", temp_dir);
    return test_report("test_store");
}
