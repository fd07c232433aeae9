/* cmd_code.c: `tacitus code`: articles in, CAMEO events out as JSON Lines or a table. */
#include "analysis.h"
#include "article.h"
#include "cli.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: tacitus code [options] [FILE...]\n"
    "Reads articles (standard input when no FILE or '-') and writes one JSON object per\n"
    "line to standard output.\n"
    "\n"
    "  --input text|jsonl|html  input format (default by name: .jsonl/.ndjson JSON Lines,\n"
    "                       .html/.htm HTML, else text; .gz is decompressed; a directory is\n"
    "                       read recursively; standard input is recognised by its content)\n"
    "  --date YYYY-MM-DD    article date for text input (default: today)\n"
    "  --id ID              article id for text input (default: the file name)\n"
    "  (without dictionary options tacitus's own dictionaries in its data directory are used)\n"
    "  --actors FILE        PETRARCH actor dictionary (repeatable)\n"
    "  --agents FILE        PETRARCH agent dictionary\n"
    "  --verbs FILE         PETRARCH verb dictionary\n"
    "  --discards FILE      PETRARCH discard list\n"
    "  --format jsonl|table output format (default jsonl)\n"
    "  --strict             a malformed dictionary line is fatal\n"
    "  --keep-noise         code every line, also those the noise filter would drop\n"
    "  --unnamed-actors     let a role alone (\"officials\" → ---GOV) be source or target\n"
    "  --all-certainties    also output hypothetical and negated events (labelled)\n"
    "  --stats              print timings and counts to standard error at the end\n";

enum { MAX_FILES = 64 };

typedef struct {
    const char *inputs[MAX_FILES];
    int n_inputs;
    const char *actors[MAX_FILES];
    int n_actors;
    const char *agents, *verbs, *discards, *date, *id, *input, *format;
    int strict, stats, keep_noise, unnamed, all_certainties;
} options;

typedef struct {
    tx_analyzer *analyzer;
    tx_render_options render;
    tx_buf line;
    int table;
    unsigned long articles, sentences_coded, events, quotes, noise_lines, lines_seen;
    double bytes;
    tx_article_stats read;   /* what the article readers saw, summed over the inputs */
} run;

static int S_parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
#define TAKE(flag, slot) if (strcmp(a, flag) == 0 && next) { slot = next; i++; continue; }
        TAKE("--agents", o->agents)
        TAKE("--verbs", o->verbs)
        TAKE("--discards", o->discards)
        TAKE("--date", o->date)
        TAKE("--id", o->id)
        TAKE("--input", o->input)
        TAKE("--format", o->format)
#undef TAKE
        if (strcmp(a, "--all-certainties") == 0) {
            o->all_certainties = 1;
            continue;
        }
        if (strcmp(a, "--actors") == 0 && next && o->n_actors < MAX_FILES) {
            o->actors[o->n_actors++] = next;
            i++;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = 1;
        } else if (strcmp(a, "--stats") == 0) {
            o->stats = 1;
        } else if (strcmp(a, "--keep-noise") == 0) {
            o->keep_noise = 1;
        } else if (strcmp(a, "--unnamed-actors") == 0) {
            o->unnamed = 1;
        } else if (a[0] == '-' && a[1]) {
            cli_error("code: unknown option '%s'", a);
            return -1;
        } else if (o->n_inputs < MAX_FILES) {
            o->inputs[o->n_inputs++] = a;
        }
    }
    if (o->input && strcmp(o->input, "text") != 0 && strcmp(o->input, "jsonl") != 0 &&
        strcmp(o->input, "html") != 0) {
        cli_error("code: --input takes text, jsonl or html");
        return -1;
    }
    if (o->format && strcmp(o->format, "jsonl") != 0 && strcmp(o->format, "table") != 0) {
        cli_error("code: --format takes jsonl or table");
        return -1;
    }
    if (o->date && tx_article_date_int(o->date) == 0) {
        cli_error("code: --date takes YYYY-MM-DD, not '%s'", o->date);
        return -1;
    }
    return 0;
}

static void S_code_article(run *r, const tx_article *art, const char *path, int32_t date)
{
    const tx_analysis *result;
    if (tx_analyzer_run(r->analyzer, art->text, art->text_len, date, &result) != TX_OK) {
        cli_error("%s: out of memory coding article %s", path, art->id ? art->id : "");
        return;
    }
    r->articles++;
    r->bytes += (double)art->text_len;
    r->lines_seen += result->lines.count;
    r->noise_lines += result->noise_lines;
    r->sentences_coded += result->sentences_coded;
    r->quotes += result->quote_count;
    for (size_t k = 0; k < result->event_count; k++)
        r->events += (unsigned long)tx_render_keeps(&result->events[k], &r->render);
    r->render.article = art->id ? art->id : path;
    r->render.source = art->source;
    r->render.title = art->title;
    r->render.url = art->url;
    if (r->table)
        tx_render_table(&r->line, result, &r->render);
    else
        tx_render_jsonl(&r->line, result, &r->render);
    if (r->line.len > (1 << 16)) {
        fwrite(r->line.data, 1, r->line.len, stdout);
        tx_buf_clear(&r->line);
    }
}

static int32_t S_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static int S_code_input(run *r, const options *o, const char *path, tx_diag *diag)
{
    tx_input_mode mode = !o->input ? tx_input_mode_for_path(path)
                         : strcmp(o->input, "jsonl") == 0 ? TX_INPUT_JSONL
                         : strcmp(o->input, "html") == 0 ? TX_INPUT_HTML : TX_INPUT_TEXT;
    tx_status status;
    tx_article_reader *reader = tx_article_open(path, mode, diag, &status);
    if (!reader) {
        cli_error("%s: cannot read input", path);
        return -1;
    }
    tx_article art = TX_ARTICLE_INIT;
    int got;
    while ((got = tx_article_next(reader, &art)) == 1) {
        int32_t date = tx_article_date_int(art.date);
        if (!date)
            date = o->date ? tx_article_date_int(o->date) : S_today();
        if (!art.id && o->id)
            art.id = strdup(o->id);
        S_code_article(r, &art, tx_article_reader_file(reader), date);
    }
    tx_article_stats_add(&r->read, tx_article_reader_stats(reader));
    tx_article_clear(&art);
    tx_article_close(reader);
    return got < 0 ? -1 : 0;
}

static int S_load_dictionaries(tx_dictset *set, const options *o, tx_diag *diag)
{
    if (!o->verbs && o->n_actors == 0 && !o->agents && !o->discards) {
        const char *failed = NULL;
        tx_status st = tx_dictset_load_default(set, cli_data_dir(), diag, &failed);
        if (st != TX_OK) {
            cli_error("%s: %s", failed ? failed : cli_data_dir(),
                      st == TX_ERR_IO ? "cannot read tacitus's dictionaries (set TACITUS_DATA)"
                                      : tx_status_name(st));
            return -1;
        }
        if (o->strict && diag->count) {
            cli_error("code: %lu problem(s) in the dictionaries (--strict)", diag->count);
            return -1;
        }
        return 0;
    }
    if (!o->verbs || o->n_actors == 0) {
        cli_error("code: PETRARCH dictionaries need at least --verbs and --actors");
        return -1;
    }
    for (int i = 0; i < o->n_actors; i++)
        if (cli_load(set, TX_DICT_ACTORS, o->actors[i], diag) < 0)
            return -1;
    if (cli_load(set, TX_DICT_VERBS, o->verbs, diag) < 0 ||
        (o->agents && cli_load(set, TX_DICT_AGENTS, o->agents, diag) < 0) ||
        (o->discards && cli_load(set, TX_DICT_DISCARDS, o->discards, diag) < 0))
        return -1;
    if (o->strict && diag->count) {
        cli_error("code: %lu problem(s) in the dictionaries (--strict)", diag->count);
        return -1;
    }
    return 0;
}

static double S_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_code(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    options o;
    if (S_parse(argc, argv, &o) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    tx_diag diag = TX_DIAG_INIT;
    tx_dictset set;
    if (tx_dictset_init(&set) != TX_OK)
        return EXIT_INPUT;
    double t0 = S_seconds();
    int rc = EXIT_INPUT;
    run r = {0};
    tx_render_options_default(&r.render);
    char table_path[4200];
    snprintf(table_path, sizeof(table_path), "%s/cameo.tsv", cli_data_dir());
    tx_cameo *cameo = tx_cameo_load(table_path, &diag, NULL);
    r.render.cameo = cameo;
    r.render.all_certainties = o.all_certainties;
    tx_analyzer_options analysis;
    tx_analyzer_options_default(&analysis);
    analysis.coding.named_actors = !o.unnamed;
    analysis.keep_noise = o.keep_noise;
    if (S_load_dictionaries(&set, &o, &diag) == 0 &&
        (r.analyzer = tx_analyzer_new(&set.dict, &analysis))) {
        double t1 = S_seconds();
        r.render.patterns = tx_coder_verbs_path(tx_analyzer_coder(r.analyzer));
        r.table = o.format && strcmp(o.format, "table") == 0;
        if (r.table)
            tx_render_table_header(&r.line);
        rc = EXIT_OK;
        if (o.n_inputs == 0)
            o.inputs[o.n_inputs++] = "-";
        for (int i = 0; i < o.n_inputs; i++)
            if (S_code_input(&r, &o, o.inputs[i], &diag) < 0)
                rc = EXIT_INPUT;
        if (r.line.len)
            fwrite(r.line.data, 1, r.line.len, stdout);
        tx_article_stats_print(stderr, &r.read);
        double t2 = S_seconds();
        if (o.stats)
            fprintf(stderr, "stats: load %.3f s, coding %.3f s, %lu articles, %.0f bytes, "
                    "%lu lines, %lu noise lines, %lu sentences, %lu events, %lu quotes, "
                    "%.2f MB/s, %.0f sentences/s\n",
                    t1 - t0, t2 - t1, r.articles, r.bytes, r.lines_seen, r.noise_lines,
                    r.sentences_coded, r.events, r.quotes,
                    r.bytes / 1e6 / (t2 - t1 + 1e-9), (double)r.sentences_coded / (t2 - t1 + 1e-9));
    }
    tx_analyzer_free(r.analyzer);
    tx_cameo_free(cameo);
    tx_buf_free(&r.line);
    tx_dictset_free(&set);
    return rc;
}
