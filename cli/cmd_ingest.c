/* cmd_ingest.c: `tacitus ingest DB`: codes articles and stores them, their events and findings in SQLite. */
#include "cli.h"
#include "coding.h"
#include "dbopts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage_head[] =
    "usage: tacitus ingest DB [options] [FILE...]\n"
    "Codes articles as `tacitus code` does (standard input when no FILE or '-') and stores\n"
    "articles, events, quotes, noise and entities in the SQLite database DB (created when\n"
    "missing).  Articles already stored (same id, or same text up to white space) are\n"
    "skipped, so a run can be repeated or resumed after a crash.\n"
    "\n";
static const char usage_tail[] =
    "  --batch N            articles per transaction (default 200)\n"
    "  --quiet              no progress bar\n";

typedef struct {
    cli_coding coding;
    const char *db;
    const char *inputs[CLI_MAX_FILES];
    int n_inputs;
    int quiet;
    unsigned batch;
} options;

typedef struct {
    const options *o;
    tx_store *store;
    tx_analyzer *analyzer;
    const char *patterns;
    tx_article_stats read;
    unsigned long stored, duplicates, events, failed_articles;
    double bytes, t0, last_draw;
    double input_size;       /* sum of the input files' sizes; 0 when unknown */
    double input_done;       /* bytes of the inputs finished */
    FILE *current;           /* the file being read, for its position; NULL for stdin, dirs */
    int progress;
    int broken;              /* the database failed: stop */
} run;

static int S_parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_coding_take(&o->coding, argc, argv, &i))
            continue;
        if (strcmp(a, "--batch") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 1000000) {
                cli_error("ingest: --batch takes a number of articles (1..1000000), not '%s'", argv[i]);
                return -1;
            }
            o->batch = (unsigned)n;
        } else if (strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            cli_error("ingest: unknown option '%s'", a);
            return -1;
        } else if (!o->db) {
            o->db = a;
        } else if (o->n_inputs < CLI_MAX_FILES) {
            o->inputs[o->n_inputs++] = a;
        } else {
            cli_error("ingest: more than %d inputs; give a directory instead", CLI_MAX_FILES);
            return -1;
        }
    }
    if (!o->db) {
        cli_error("ingest: which database? (tacitus ingest DB [FILE...])");
        return -1;
    }
    return cli_coding_check(&o->coding, "ingest");
}

/* ---- progress ---- */

static double S_position(const run *r)
{
    double here = 0;
    if (r->current) {
        long at = ftell(r->current);
        here = at > 0 ? (double)at : 0;
    }
    return r->input_done + here;
}

static void S_draw(run *r, int final)
{
    double now = cli_seconds();
    if (!r->progress || (!final && now - r->last_draw < 0.25))
        return;
    r->last_draw = now;
    double elapsed = now - r->t0 + 1e-9;
    unsigned long seen = r->stored + r->duplicates;
    char eta[64] = "";
    double at = S_position(r);
    if (r->input_size > 0 && at > 0) {
        double fraction = TX_MIN(at / r->input_size, 1.0);
        long left = (long)(elapsed / fraction * (1 - fraction));
        char bar[21];
        for (int i = 0; i < 20; i++)
            bar[i] = i < (int)(fraction * 20) ? '#' : '.';
        bar[20] = '\0';
        snprintf(eta, sizeof(eta), " [%s] %3.0f%% ETA %ld:%02ld", bar, fraction * 100, left / 60,
                 left % 60);
    }
    fprintf(stderr, "\r\033[K%lu articles, %.0f/s, %.0f events/s%s", seen, seen / elapsed,
            r->events / elapsed, eta);
    if (final)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

static double S_input_size(const options *o)
{
    double total = 0;
    for (int i = 0; i < o->n_inputs; i++) {
        struct stat st;
        if (strcmp(o->inputs[i], "-") == 0 || stat(o->inputs[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;  /* standard input or a directory: size unknown, no ETA */
        total += (double)st.st_size;
    }
    return total;
}

/* ---- articles ---- */

/* The id the article is stored under: its own, --id, the file's name, or for standard
 * input its text hash (two texts piped in are two articles). */
static const char *S_article_id(const run *r, const tx_article *art, const char *file,
                                char *buf, size_t size)
{
    if (art->id)
        return art->id;
    if (r->o->coding.id)
        return r->o->coding.id;
    if (strcmp(file, "<stdin>") != 0)
        return file;
    snprintf(buf, size, "stdin:%016llx",
             (unsigned long long)tx_store_text_hash(art->text, art->text_len));
    return buf;
}

static void S_store_failed(run *r, tx_status status)
{
    cli_error("ingest: %s: %s; articles of the last unfinished batch were not stored (earlier "
              "batches are): run again to store them", r->o->db,
              status == TX_ERR_NOMEM ? "out of memory" : tx_store_error(r->store));
    r->broken = 1;
}

static void S_ingest_article(run *r, const tx_article *art, const char *file)
{
    char idbuf[64];
    const char *id = S_article_id(r, art, file, idbuf, sizeof(idbuf));
    int found;
    tx_status status = tx_store_has_article(r->store, id, art->text, art->text_len, &found);
    if (status != TX_OK) {
        S_store_failed(r, status);
        return;
    }
    if (found) {  /* skipped before coding: a resumed run only pays for what is missing */
        r->duplicates++;
        return;
    }
    const tx_analysis *analysis;
    if (tx_analyzer_run(r->analyzer, art->text, art->text_len, cli_coding_date(&r->o->coding, art),
                        &analysis) != TX_OK) {
        cli_error("%s: out of memory coding article %s; not stored", file, id);
        r->failed_articles++;
        return;
    }
    tx_store_article meta = {id, art->source, art->title, art->url, r->patterns};
    int added;
    if ((status = tx_store_add(r->store, &meta, analysis, &added)) != TX_OK) {
        S_store_failed(r, status);
        return;
    }
    r->stored += (unsigned long)added;
    r->duplicates += (unsigned long)!added;
    if (added) {
        r->events += analysis->event_count;
        r->bytes += (double)art->text_len;
    }
}

static int S_ingest_input(run *r, const char *path, tx_diag *diag)
{
    const options *o = r->o;
    tx_input_mode mode = cli_coding_mode(&o->coding, path);
    struct stat st;
    int regular = strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
    tx_status status = TX_OK;
    tx_article_reader *reader = NULL;
    /* A regular file is opened here so that its position tells the progress. */
    r->current = regular ? fopen(path, "rb") : NULL;
    if (regular && !r->current)
        status = TX_ERR_IO;
    else if (r->current)
        reader = tx_article_open_file(r->current, path, mode, diag);
    else
        reader = tx_article_open(path, mode, diag, &status);
    if (!reader) {
        cli_error("%s: cannot read input: %s", path,
                  status == TX_ERR_IO ? strerror(errno) : "out of memory");
        if (r->current)
            fclose(r->current);
        r->current = NULL;
        return -1;
    }
    tx_article art = TX_ARTICLE_INIT;
    int got = 0;
    while (!r->broken && (got = tx_article_next(reader, &art)) == 1) {
        S_ingest_article(r, &art, tx_article_reader_file(reader));
        S_draw(r, 0);
    }
    tx_article_stats_add(&r->read, tx_article_reader_stats(reader));
    tx_article_clear(&art);
    tx_article_close(reader);
    if (r->current) {
        fclose(r->current);
        r->current = NULL;
        r->input_done += (double)st.st_size;
    }
    return !r->broken && got < 0 ? -1 : 0;
}

static long S_count(tx_store *store, const char *table)
{
    char sql[64];
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
    sqlite3_stmt *st;
    long n = -1;
    if (sqlite3_prepare_v2(tx_store_db(store), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void S_summary(run *r, long events_before, long mentions_before)
{
    double elapsed = cli_seconds() - r->t0 + 1e-9;
    long events = S_count(r->store, "events"), mentions = S_count(r->store, "mentions");
    fprintf(stderr, "ingest: %lu articles stored, %lu already there", r->stored, r->duplicates);
    if (r->failed_articles)
        fprintf(stderr, ", %lu failed", r->failed_articles);
    fprintf(stderr, "; %lu events coded: %ld mentions, %ld new events; %.1f s, %.1f articles/s, "
            "%.2f MB/s; %s now holds %ld events\n", r->events, mentions - mentions_before,
            events - events_before, elapsed, r->stored / elapsed, r->bytes / 1e6 / elapsed,
            r->o->db, events);
    tx_article_stats_print(stderr, &r->read);
}

static int S_run(run *r, tx_diag *diag)
{
    const options *o = r->o;
    long events_before = S_count(r->store, "events"), mentions_before = S_count(r->store, "mentions");
    r->input_size = S_input_size(o);
    r->progress = !o->quiet && isatty(STDERR_FILENO);
    r->t0 = cli_seconds();
    int rc = EXIT_OK;
    for (int i = 0; i < o->n_inputs && !r->broken; i++)
        if (S_ingest_input(r, o->inputs[i], diag) < 0)
            rc = EXIT_INPUT;
    tx_status status = r->broken ? TX_OK : tx_store_commit(r->store);
    if (status != TX_OK)
        S_store_failed(r, status);
    S_draw(r, 1);
    S_summary(r, events_before, mentions_before);
    return r->broken ? EXIT_INPUT : rc;
}

int cmd_ingest(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        cli_coding_usage(stdout, usage_head, usage_tail);
        return EXIT_OK;
    }
    options o;
    if (S_parse(argc, argv, &o) < 0) {
        cli_coding_usage(stderr, usage_head, usage_tail);
        return EXIT_USAGE;
    }
    if (o.n_inputs == 0)
        o.inputs[o.n_inputs++] = "-";
    tx_diag diag = TX_DIAG_INIT;
    tx_dictset set;
    if (tx_dictset_init(&set) != TX_OK)
        return EXIT_INPUT;
    run r = {0};
    r.o = &o;
    char table_path[4200];
    snprintf(table_path, sizeof(table_path), "%s/cameo.tsv", cli_data_dir());
    tx_cameo *cameo = tx_cameo_load(table_path, &diag, NULL);
    tx_analyzer_options analysis;
    cli_coding_analysis(&o.coding, &analysis);
    int rc = EXIT_INPUT;
    if (cli_coding_load(&o.coding, "ingest", &set, &diag) == 0 &&
        (r.store = cli_store_open(o.db, TX_STORE_WRITE)) &&
        (r.analyzer = tx_analyzer_new(&set.dict, &analysis))) {
        tx_store_set_cameo(r.store, cameo);
        tx_store_set_batch(r.store, o.batch);
        r.patterns = tx_coder_verbs_path(tx_analyzer_coder(r.analyzer));
        rc = S_run(&r, &diag);
    }
    if (tx_store_close(r.store) != TX_OK && rc == EXIT_OK)
        rc = EXIT_INPUT;
    tx_analyzer_free(r.analyzer);
    tx_cameo_free(cameo);
    tx_dictset_free(&set);
    return rc;
}
