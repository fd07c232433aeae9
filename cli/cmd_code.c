/* cmd_code.c: `tacitus code`: articles in, CAMEO events out as JSON Lines or a table. */
#include "article.h"
#include "cameo.h"
#include "cli.h"
#include "entities.h"
#include "jsonw.h"
#include "noise.h"
#include "sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: tacitus code [options] [FILE...]\n"
    "Reads articles (standard input when no FILE or '-') and writes one JSON object per\n"
    "line to standard output.\n"
    "\n"
    "  --input text|jsonl   input format (default: .jsonl files are JSON Lines, else text)\n"
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
    "  --stats              print timings and counts to standard error at the end\n";

enum { MAX_FILES = 64 };

typedef struct {
    const char *inputs[MAX_FILES];
    int n_inputs;
    const char *actors[MAX_FILES];
    int n_actors;
    const char *agents, *verbs, *discards, *date, *id, *input, *format;
    int strict, stats, keep_noise, unnamed;
} options;

typedef struct {
    tx_coder *coder;
    const tx_cameo *cameo;
    const tx_dictionaries *dict;
    tx_coder_options coding;
    tx_sentences sentences;
    tx_lines lines;
    uint8_t *noisy;          /* per line number: the line is noise */
    size_t cap_noisy;
    tx_buf line;
    int table, keep_noise;
    unsigned long articles, sentences_coded, events, noise_lines, lines_seen;
    double bytes;
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
    if (o->input && strcmp(o->input, "text") != 0 && strcmp(o->input, "jsonl") != 0) {
        cli_error("code: --input takes text or jsonl");
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

static void S_actor_json(tx_json_writer *w, const char *key, const tx_event_actor *a,
                         const char *text)
{
    if (strcmp(a->code, "---") == 0 && a->start == a->end) {
        tx_json_key_null(w, key);
        return;
    }
    tx_json_key(w, key);
    tx_json_begin(w);
    tx_json_key_cstr(w, "code", a->code);
    tx_json_key_str(w, "text", text + a->start, a->end - a->start);
    tx_json_key_int(w, "start", a->start);
    tx_json_key_int(w, "end", a->end);
    tx_json_end(w);
}

static void S_event_json(run *r, const tx_article *art, const char *path, size_t sentence,
                         const tx_sentence *s, const tx_event *e, const char *date)
{
    const char *text = art->text;
    tx_json_writer w;
    tx_json_init(&w, &r->line);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "event");
    tx_json_key_cstr(&w, "article", art->id ? art->id : path);
    tx_json_key_int(&w, "sentence", (long long)sentence);
    tx_json_key_str(&w, "sentence_text", text + s->start, s->end - s->start);
    S_actor_json(&w, "source", &e->source, text);
    S_actor_json(&w, "target", &e->target, text);
    tx_json_key_cstr(&w, "code", e->code);
    const tx_cameo_code *c = r->cameo ? tx_cameo_find(r->cameo, e->code) : NULL;
    char root[3];
    tx_cameo_root(e->code, root);
    tx_json_key_cstr(&w, "root", root);
    tx_json_key_int(&w, "quad_class", tx_cameo_quad_class(e->code));
    if (c)
        tx_json_key_double(&w, "goldstein", c->goldstein);
    else
        tx_json_key_null(&w, "goldstein");
    tx_json_key(&w, "verb");
    tx_json_begin(&w);
    tx_json_key_str(&w, "text", text + e->verb_start, e->verb_end - e->verb_start);
    tx_json_key_int(&w, "start", e->verb_start);
    tx_json_key_int(&w, "end", e->verb_end);
    tx_json_end(&w);
    char pattern[4200];
    snprintf(pattern, sizeof(pattern), "%s:%u", r->coder ? tx_coder_verbs_path(r->coder) : "",
             e->pattern_line);
    tx_json_key_cstr(&w, "pattern", pattern);
    tx_json_key_cstr(&w, "date", date);
    tx_json_end(&w);
    tx_buf_putc(&r->line, '\n');
}

static void S_event_row(run *r, size_t sentence, const tx_event *e)
{
    const tx_cameo_code *c = r->cameo ? tx_cameo_find(r->cameo, e->code) : NULL;
    tx_buf_printf(&r->line, "%4zu  %-12s %-5s %-12s %6s  %s\n", sentence, e->source.code,
                  e->code, e->target.code, "", c ? c->name : "");
    if (c) {
        char g[16];
        snprintf(g, sizeof(g), "%+.1f", c->goldstein);
        memcpy(r->line.data + r->line.len - strlen(c->name) - 8, g, strlen(g));
    }
}

static void S_format_date(int32_t d, char out[16])
{
    unsigned y = (unsigned)(d / 10000) % 10000u, m = (unsigned)(d / 100 % 100), day = (unsigned)(d % 100);
    snprintf(out, 16, "%04u-%02u-%02u", y, m % 100u, day % 100u);
}

static const char *S_article_id(const tx_article *art, const char *path)
{
    return art->id ? art->id : path;
}

static void S_noise_json(run *r, const tx_article *art, const char *path, const tx_line *l)
{
    tx_json_writer w;
    tx_json_init(&w, &r->line);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "noise");
    tx_json_key_cstr(&w, "article", S_article_id(art, path));
    tx_json_key_str(&w, "text", art->text + l->start, l->end - l->start);
    tx_json_key_int(&w, "start", l->start);
    tx_json_key_int(&w, "end", l->end);
    tx_json_key_cstr(&w, "why", tx_noise_name((tx_noise_kind)l->kind));
    tx_json_end(&w);
    tx_buf_putc(&r->line, '\n');
}

/* Entity kinds of the output contract: person, org, place. */
static const char *S_output_kind(const tx_entity *e)
{
    switch ((tx_entity_kind)e->kind) {
    case TX_ENTITY_PERSON: return "person";
    case TX_ENTITY_ORG: case TX_ENTITY_MEDIA: return "org";
    default: return "place";
    }
}

static void S_entities_json(run *r, const tx_article *art, const char *path, size_t sentence)
{
    tx_mention mentions[64];
    size_t n = tx_coder_mentions(r->coder, mentions, TX_ARRAY_SIZE(mentions));
    for (size_t i = 0; i < n; i++) {
        const tx_mention *m = &mentions[i];
        const tx_entity *e = tx_entities_of_phrase(r->dict->entities, r->dict->actors, m->phrase);
        if (!e)
            continue;
        tx_json_writer w;
        tx_json_init(&w, &r->line);
        tx_json_begin(&w);
        tx_json_key_cstr(&w, "type", "entity");
        tx_json_key_cstr(&w, "article", S_article_id(art, path));
        tx_json_key_int(&w, "sentence", (long long)sentence);
        tx_json_key_cstr(&w, "kind", S_output_kind(e));
        tx_json_key_str(&w, "text", art->text + m->start, m->end - m->start);
        tx_json_key_int(&w, "start", m->start);
        tx_json_key_int(&w, "end", m->end);
        tx_json_key_cstr(&w, "name", e->name);
        if (m->code && strcmp(m->code, "---") != 0)
            tx_json_key_cstr(&w, "actor", m->code);
        if (e->country[0])
            tx_json_key_cstr(&w, "country", e->country);
        if (e->has_point) {
            tx_json_key_double(&w, "lat", e->latitude);
            tx_json_key_double(&w, "lon", e->longitude);
        }
        tx_json_end(&w);
        tx_buf_putc(&r->line, '\n');
    }
}

/* Classifies the lines; marks noise lines in r->noisy and writes them out. */
static int S_filter_noise(run *r, const tx_article *art, const char *path)
{
    if (tx_noise_classify(art->text, art->text_len, &r->lines) < 0)
        return -1;
    size_t last = r->lines.count ? r->lines.items[r->lines.count - 1].number : 0;
    if (last + 1 > r->cap_noisy) {
        uint8_t *noisy = realloc(r->noisy, last + 1);
        if (!noisy)
            return -1;
        r->noisy = noisy;
        r->cap_noisy = last + 1;
    }
    memset(r->noisy, 0, last + 1);
    r->lines_seen += r->lines.count;
    for (size_t i = 0; i < r->lines.count && !r->keep_noise; i++) {
        const tx_line *l = &r->lines.items[i];
        if (l->kind == TX_NOISE_NONE)
            continue;
        r->noisy[l->number] = 1;
        r->noise_lines++;
        if (!r->table)
            S_noise_json(r, art, path, l);
    }
    return 0;
}

static void S_code_sentences(run *r, const tx_article *art, const char *path,
                             const char *date_text, int32_t date);

/* The closing record of an article: what was read and what came out of it. */
static void S_article_json(run *r, const tx_article *art, const char *path, const char *date,
                           unsigned long sentences, unsigned long noise, unsigned long events)
{
    tx_json_writer w;
    tx_json_init(&w, &r->line);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "article");
    tx_json_key_cstr(&w, "article", S_article_id(art, path));
    tx_json_key_cstr(&w, "date", date);
    if (art->source)
        tx_json_key_cstr(&w, "source", art->source);
    if (art->title)
        tx_json_key_cstr(&w, "title", art->title);
    if (art->url)
        tx_json_key_cstr(&w, "url", art->url);
    tx_json_key_int(&w, "bytes", (long long)art->text_len);
    tx_json_key_int(&w, "lines", (long long)r->lines.count);
    tx_json_key_int(&w, "noise_lines", (long long)noise);
    tx_json_key_int(&w, "sentences", (long long)sentences);
    tx_json_key_int(&w, "events", (long long)events);
    tx_json_end(&w);
    tx_buf_putc(&r->line, '\n');
}

static void S_code_article(run *r, const tx_article *art, const char *path, int32_t date)
{
    char date_text[16];
    S_format_date(date, date_text);
    unsigned long noise_before = r->noise_lines, events_before = r->events;
    unsigned long sentences_before = r->sentences_coded;
    if (S_filter_noise(r, art, path) < 0 ||
        tx_split_sentences(art->text, art->text_len, &r->sentences) < 0)
        return;
    r->articles++;
    r->bytes += (double)art->text_len;
    tx_coder_begin_article(r->coder);
    S_code_sentences(r, art, path, date_text, date);
    if (!r->table)
        S_article_json(r, art, path, date_text, r->sentences_coded - sentences_before,
                       r->noise_lines - noise_before, r->events - events_before);
}

static void S_code_sentences(run *r, const tx_article *art, const char *path,
                             const char *date_text, int32_t date)
{
    for (size_t i = 0; i < r->sentences.count; i++) {
        const tx_sentence *s = &r->sentences.items[i];
        if (s->line < r->cap_noisy && r->noisy[s->line])
            continue;
        tx_event events[TX_EVENTS_MAX];
        size_t n;
        tx_sentence_status status =
            tx_coder_code(r->coder, art->text, s->start, s->end, date, &r->coding, events, &n);
        r->sentences_coded++;
        if (status == TX_SENTENCE_STORY_DISCARDED)
            break;
        for (size_t k = 0; k < n; k++) {
            if (r->table)
                S_event_row(r, i + 1, &events[k]);
            else
                S_event_json(r, art, path, i + 1, s, &events[k], date_text);
            r->events++;
        }
        if (!r->table && r->dict->entities && tx_entities_count(r->dict->entities))
            S_entities_json(r, art, path, i + 1);
        if (r->line.len > (1 << 16)) {
            fwrite(r->line.data, 1, r->line.len, stdout);
            tx_buf_clear(&r->line);
        }
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
    tx_input_mode mode = o->input ? (strcmp(o->input, "jsonl") == 0 ? TX_INPUT_JSONL : TX_INPUT_TEXT)
                                  : tx_input_mode_for_path(path);
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
        S_code_article(r, &art, path, date);
    }
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
    char table_path[4200];
    snprintf(table_path, sizeof(table_path), "%s/cameo.tsv", cli_data_dir());
    r.cameo = tx_cameo_load(table_path, &diag, NULL);
    if (S_load_dictionaries(&set, &o, &diag) == 0 && (r.coder = tx_coder_new(&set.dict))) {
        double t1 = S_seconds();
        tx_coder_options_default(&r.coding);
        r.coding.named_actors = !o.unnamed;
        r.dict = &set.dict;
        r.keep_noise = o.keep_noise;
        r.table = o.format && strcmp(o.format, "table") == 0;
        if (r.table)
            printf("sent  source       code  target       goldst  event\n");
        rc = EXIT_OK;
        if (o.n_inputs == 0)
            o.inputs[o.n_inputs++] = "-";
        for (int i = 0; i < o.n_inputs; i++)
            if (S_code_input(&r, &o, o.inputs[i], &diag) < 0)
                rc = EXIT_INPUT;
        if (r.line.len)
            fwrite(r.line.data, 1, r.line.len, stdout);
        double t2 = S_seconds();
        if (o.stats)
            fprintf(stderr, "stats: load %.3f s, coding %.3f s, %lu articles, %.0f bytes, "
                    "%lu lines, %lu noise lines, %lu sentences, %lu events, %.2f MB/s, "
                    "%.0f sentences/s\n",
                    t1 - t0, t2 - t1, r.articles, r.bytes, r.lines_seen, r.noise_lines,
                    r.sentences_coded, r.events,
                    r.bytes / 1e6 / (t2 - t1 + 1e-9), (double)r.sentences_coded / (t2 - t1 + 1e-9));
    }
    tx_coder_free(r.coder);
    tx_cameo_free((tx_cameo *)r.cameo);
    tx_sentences_free(&r.sentences);
    tx_lines_free(&r.lines);
    free(r.noisy);
    tx_buf_free(&r.line);
    tx_dictset_free(&set);
    return rc;
}
