/* coding.c: parses and applies the coding options shared by `tacitus code` and `tacitus ingest`. */
#include "coding.h"

#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char S_usage[] =
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
    "  --strict             a malformed dictionary line is fatal\n"
    "  --keep-noise         code every line, also those the noise filter would drop\n"
    "  --unnamed-actors     let a role alone (\"officials\" → ---GOV) be source or target\n";

void cli_coding_usage(FILE *out, const char *head, const char *tail)
{
    fputs(head, out);
    fputs(S_usage, out);
    fputs(tail, out);
}

int cli_coding_take(cli_coding *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
    const char **slot = strcmp(a, "--agents") == 0 ? &c->agents
                      : strcmp(a, "--verbs") == 0 ? &c->verbs
                      : strcmp(a, "--discards") == 0 ? &c->discards
                      : strcmp(a, "--date") == 0 ? &c->date
                      : strcmp(a, "--id") == 0 ? &c->id
                      : strcmp(a, "--input") == 0 ? &c->input
                      : strcmp(a, "--actors") == 0 && c->n_actors < CLI_MAX_FILES
                            ? &c->actors[c->n_actors] : NULL;
    if (slot && next) {
        *slot = next;
        if (slot == &c->actors[c->n_actors])
            c->n_actors++;
        (*i)++;
        return 1;
    }
    int *flag = strcmp(a, "--strict") == 0 ? &c->strict
              : strcmp(a, "--keep-noise") == 0 ? &c->keep_noise
              : strcmp(a, "--unnamed-actors") == 0 ? &c->unnamed : NULL;
    if (flag)
        *flag = 1;
    return flag != NULL;
}

int cli_coding_check(const cli_coding *c, const char *command)
{
    if (c->input && strcmp(c->input, "text") != 0 && strcmp(c->input, "jsonl") != 0 &&
        strcmp(c->input, "html") != 0) {
        cli_error("%s: --input takes text, jsonl or html", command);
        return -1;
    }
    if (c->date && tx_article_date_int(c->date) == 0) {
        cli_error("%s: --date takes YYYY-MM-DD, not '%s'", command, c->date);
        return -1;
    }
    return 0;
}

static int S_load_petrarch(const cli_coding *c, const char *command, tx_dictset *set,
                           tx_diag *diag)
{
    if (!c->verbs || c->n_actors == 0) {
        cli_error("%s: PETRARCH dictionaries need at least --verbs and --actors", command);
        return -1;
    }
    for (int i = 0; i < c->n_actors; i++)
        if (cli_load(set, TX_DICT_ACTORS, c->actors[i], diag) < 0)
            return -1;
    if (cli_load(set, TX_DICT_VERBS, c->verbs, diag) < 0 ||
        (c->agents && cli_load(set, TX_DICT_AGENTS, c->agents, diag) < 0) ||
        (c->discards && cli_load(set, TX_DICT_DISCARDS, c->discards, diag) < 0))
        return -1;
    return 0;
}

int cli_coding_load(const cli_coding *c, const char *command, tx_dictset *set, tx_diag *diag)
{
    if (c->verbs || c->n_actors || c->agents || c->discards) {
        if (S_load_petrarch(c, command, set, diag) < 0)
            return -1;
    } else {
        const char *failed = NULL;
        tx_status st = tx_dictset_load_default(set, cli_data_dir(), diag, &failed);
        if (st != TX_OK) {
            cli_error("%s: %s", failed ? failed : cli_data_dir(),
                      st == TX_ERR_IO ? "cannot read tacitus's dictionaries (set TACITUS_DATA)"
                                      : tx_status_name(st));
            return -1;
        }
    }
    if (c->strict && diag->count) {
        cli_error("%s: %lu problem(s) in the dictionaries (--strict)", command, diag->count);
        return -1;
    }
    return 0;
}

tx_input_mode cli_coding_mode(const cli_coding *c, const char *path)
{
    if (!c->input)
        return tx_input_mode_for_path(path);
    return strcmp(c->input, "jsonl") == 0 ? TX_INPUT_JSONL
         : strcmp(c->input, "html") == 0 ? TX_INPUT_HTML : TX_INPUT_TEXT;
}

void cli_coding_analysis(const cli_coding *c, tx_analyzer_options *o)
{
    tx_analyzer_options_default(o);
    o->coding.named_actors = !c->unnamed;
    o->keep_noise = c->keep_noise;
}

int32_t cli_coding_date(const cli_coding *c, const tx_article *art)
{
    int32_t date = tx_article_date_int(art->date);
    if (date)
        return date;
    if (c->date)
        return tx_article_date_int(c->date);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

double cli_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
