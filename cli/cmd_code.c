/* cmd_code.c: `tacitus code`: articles in, CAMEO events out as JSON Lines or a table. */
#include "cli.h"
#include "coding.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_head[] =
    "usage: tacitus code [options] [FILE...]\n"
    "Reads articles (standard input when no FILE or '-') and writes one JSON object per\n"
    "line to standard output.\n"
    "\n";
static const char usage_tail[] =
    "  --format jsonl|table output format (default jsonl)\n"
    "  --all-certainties    also output hypothetical and negated events (labelled)\n"
    "  --stats              print timings and counts to standard error at the end\n";

typedef struct {
    cli_coding coding;
    const char *inputs[CLI_MAX_FILES];
    int n_inputs;
    const char *format;
    int stats, all_certainties;
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
        if (cli_coding_take(&o->coding, argc, argv, &i))
            continue;
        if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            o->format = argv[++i];
        } else if (strcmp(a, "--all-certainties") == 0) {
            o->all_certainties = 1;
        } else if (strcmp(a, "--stats") == 0) {
            o->stats = 1;
        } else if (a[0] == '-' && a[1]) {
            cli_error("code: unknown option '%s'", a);
            return -1;
        } else if (o->n_inputs < CLI_MAX_FILES) {
            o->inputs[o->n_inputs++] = a;
        } else {
            cli_error("code: more than %d inputs; give a directory instead", CLI_MAX_FILES);
            return -1;
        }
    }
    if (o->format && strcmp(o->format, "jsonl") != 0 && strcmp(o->format, "table") != 0) {
        cli_error("code: --format takes jsonl or table");
        return -1;
    }
    return cli_coding_check(&o->coding, "code");
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

static int S_code_input(run *r, const options *o, const char *path, tx_diag *diag)
{
    tx_status status;
    tx_article_reader *reader = tx_article_open(path, cli_coding_mode(&o->coding, path), diag,
                                                &status);
    if (!reader) {
        cli_error("%s: cannot read input", path);
        return -1;
    }
    tx_article art = TX_ARTICLE_INIT;
    int got;
    while ((got = tx_article_next(reader, &art)) == 1) {
        if (!art.id && o->coding.id)
            art.id = strdup(o->coding.id);
        S_code_article(r, &art, tx_article_reader_file(reader), cli_coding_date(&o->coding, &art));
    }
    tx_article_stats_add(&r->read, tx_article_reader_stats(reader));
    tx_article_clear(&art);
    tx_article_close(reader);
    return got < 0 ? -1 : 0;
}

int cmd_code(int argc, char **argv)
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
    tx_diag diag = TX_DIAG_INIT;
    tx_dictset set;
    if (tx_dictset_init(&set) != TX_OK)
        return EXIT_INPUT;
    double t0 = cli_seconds();
    int rc = EXIT_INPUT;
    run r = {0};
    tx_render_options_default(&r.render);
    char table_path[4200];
    snprintf(table_path, sizeof(table_path), "%s/cameo.tsv", cli_data_dir());
    tx_cameo *cameo = tx_cameo_load(table_path, &diag, NULL);
    r.render.cameo = cameo;
    r.render.all_certainties = o.all_certainties;
    tx_analyzer_options analysis;
    cli_coding_analysis(&o.coding, &analysis);
    if (cli_coding_load(&o.coding, "code", &set, &diag) == 0 &&
        (r.analyzer = tx_analyzer_new(&set.dict, &analysis))) {
        double t1 = cli_seconds();
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
        fflush(stdout);   /* the summary comes after the records, also when both are one file */
        tx_article_stats_print(stderr, &r.read);
        double t2 = cli_seconds();
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
