/* cmd_validate.c: `tacitus validate RECORDS.xml --dict-dir DIR`: PETRARCH validation records. */
#include "cli.h"
#include "records.h"
#include "sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: tacitus validate RECORDS.xml --dict-dir DIR [--verbose] [--only ID]\n"
    "Codes each record's <Text> with the dictionaries of its <Environment> (found in DIR)\n"
    "under its <Config> options, compares the set of (source, target, code) triples with\n"
    "the expected ones, prints each failure and ends with 'N passed, M failed'.\n";

typedef struct {
    const char *records, *dict_dir, *only;
    int verbose;
} options;

static int S_parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dict-dir") == 0 && i + 1 < argc)
            o->dict_dir = argv[++i];
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            o->only = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0)
            o->verbose = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return -1;
        else if (!o->records)
            o->records = argv[i];
        else
            return -1;
    }
    return o->records && o->dict_dir ? 0 : -1;
}

static int S_load(tx_dictset *set, tx_dict_kind kind, const char *dir, const char *names,
                  tx_diag *diag)
{
    if (!names)
        return 0;
    char path[4096];
    /* an <Actorfile> may name several files separated by blanks */
    char *copy = strdup(names), *save = NULL;
    int rc = copy ? 0 : -1;
    for (char *name = copy ? strtok_r(copy, " \t", &save) : NULL; name && rc == 0;
         name = strtok_r(NULL, " \t", &save)) {
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        rc = cli_load(set, kind, path, diag);
    }
    free(copy);
    return rc;
}

/* Is the expected triple among the events coded? */
static int S_has(const tx_event *events, size_t n, const tx_expected_event *e)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(events[i].source.code, e->source) == 0 &&
            strcmp(events[i].target.code, e->target) == 0 && strcmp(events[i].code, e->code) == 0)
            return 1;
    return 0;
}

static int S_expected(const tx_record *r, const tx_event *ev)
{
    for (size_t i = 0; i < r->n_expected; i++)
        if (strcmp(ev->source.code, r->expected[i].source) == 0 &&
            strcmp(ev->target.code, r->expected[i].target) == 0 &&
            strcmp(ev->code, r->expected[i].code) == 0)
            return 1;
    return 0;
}

static const char *S_status_error(tx_sentence_status s)
{
    return s == TX_SENTENCE_STORY_DISCARDED ? "storydiscard"
         : s == TX_SENTENCE_DISCARDED ? "sentencediscard" : NULL;
}

/* Codes one record; returns 1 when the outcome is the expected one. */
static int S_check(tx_coder *coder, const tx_record *r, int verbose)
{
    tx_event events[TX_EVENTS_MAX];
    size_t n = 0;
    const char *error = NULL;
    size_t text_len = strlen(r->text);
    if (tx_dateline_length(r->text, text_len) > 0) {
        error = "dateline";
    } else {
        tx_coder_begin_article(coder);
        tx_sentence_status s = tx_coder_code(coder, r->text, 0, text_len, r->date, &r->options,
                                             events, &n);
        error = S_status_error(s);
    }
    int ok;
    switch (r->kind) {
    case TX_EXPECT_ERROR:
        ok = error && strcmp(error, r->error) == 0;
        break;
    case TX_EXPECT_NOTHING:
    case TX_EXPECT_UNGIVEN:
        ok = n == 0 && !error;
        break;
    default:
        ok = !error;
        for (size_t i = 0; i < r->n_expected && ok; i++)
            ok = S_has(events, n, &r->expected[i]);
        for (size_t i = 0; i < n && ok; i++)
            ok = S_expected(r, &events[i]);
    }
    if (ok && !verbose)
        return ok;
    printf("%s %s (line %lu): %s\n", ok ? "PASS" : "FAIL", r->id, r->line, r->text);
    if (r->kind == TX_EXPECT_ERROR)
        printf("  expected error %s\n", r->error);
    else if (r->kind != TX_EXPECT_EVENTS)
        printf("  expected no events\n");
    for (size_t i = 0; i < r->n_expected; i++)
        printf("  expected %s %s %s\n", r->expected[i].source, r->expected[i].target,
               r->expected[i].code);
    if (error)
        printf("  got error %s\n", error);
    for (size_t i = 0; i < n; i++)
        printf("  got      %s %s %s  (%.*s, line %u)\n", events[i].source.code,
               events[i].target.code, events[i].code,
               (int)(events[i].verb_end - events[i].verb_start), r->text + events[i].verb_start,
               events[i].pattern_line);
    return ok;
}

int cmd_validate(int argc, char **argv)
{
    options o;
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (S_parse(argc, argv, &o) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    tx_diag diag = TX_DIAG_INIT;
    tx_records records;
    tx_status status = tx_records_load(o.records, &records, &diag);
    if (status != TX_OK) {
        if (status == TX_ERR_IO)
            cli_error("%s: cannot read", o.records);
        return EXIT_INPUT;
    }
    tx_dictset set;
    int rc = EXIT_INPUT;
    if (tx_dictset_init(&set) != TX_OK) {
        tx_records_free(&records);
        return EXIT_INPUT;
    }
    if (S_load(&set, TX_DICT_ACTORS, o.dict_dir, records.actor_file, &diag) == 0 &&
        S_load(&set, TX_DICT_AGENTS, o.dict_dir, records.agent_file, &diag) == 0 &&
        S_load(&set, TX_DICT_VERBS, o.dict_dir, records.verb_file, &diag) == 0 &&
        S_load(&set, TX_DICT_DISCARDS, o.dict_dir, records.discard_file, &diag) == 0) {
        tx_coder *coder = tx_coder_new(&set.dict);
        if (coder && o.only)
            tx_coder_set_trace(coder, stdout);
        size_t passed = 0, failed = 0;
        for (size_t i = 0; coder && i < records.count; i++) {
            const tx_record *r = &records.items[i];
            if (o.only && strcmp(o.only, r->id) != 0)
                continue;
            if (S_check(coder, r, o.verbose || o.only))
                passed++;
            else
                failed++;
        }
        tx_coder_free(coder);
        printf("%zu passed, %zu failed\n", passed, failed);
        rc = coder ? EXIT_OK : EXIT_INPUT;
    }
    tx_dictset_free(&set);
    tx_records_free(&records);
    return rc;
}
