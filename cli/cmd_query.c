/* cmd_query.c: `tacitus query DB`: lists the stored events that match filters, as a table, JSON Lines or CSV. */
#include "cli.h"
#include "dbopts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: tacitus query DB [options]\n"
    "Lists the deduplicated events of DB in order of date, each with its first mention and\n"
    "its counts of mentions, sources and articles (over the counted certainties).\n"
    "\n" CLI_FILTER_USAGE
    "  --limit N            at most N events\n"
    "  --format table|jsonl|csv  output format (default table)\n";

typedef enum { FORMAT_TABLE, FORMAT_JSONL, FORMAT_CSV } format;

typedef struct {
    tx_buf out;
    format format;
} printer;

static int S_print(void *ctx, const tx_store_event *e)
{
    printer *p = ctx;
    if (p->format == FORMAT_JSONL)
        cli_event_jsonl(&p->out, e);
    else if (p->format == FORMAT_CSV)
        cli_event_csv(&p->out, e);
    else
        cli_event_table(&p->out, e);
    if (p->out.len > (1 << 16)) {
        fwrite(p->out.data, 1, p->out.len, stdout);
        tx_buf_clear(&p->out);
    }
    return 0;
}

static int S_parse(int argc, char **argv, const char **db, tx_store_filter *f, format *fmt)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_filter_option("query", argc, argv, &i, f);
        if (taken < 0)
            return -1;
        if (taken)
            continue;
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--limit") == 0 && next) {
            char *end;
            f->limit = strtol(next, &end, 10);
            if (*end || f->limit < 1) {
                cli_error("query: --limit takes a positive number, not '%s'", next);
                return -1;
            }
            i++;
        } else if (strcmp(a, "--format") == 0 && next) {
            if (strcmp(next, "table") != 0 && strcmp(next, "jsonl") != 0 && strcmp(next, "csv") != 0) {
                cli_error("query: --format takes table, jsonl or csv");
                return -1;
            }
            *fmt = next[0] == 't' ? FORMAT_TABLE : next[0] == 'j' ? FORMAT_JSONL : FORMAT_CSV;
            i++;
        } else if (a[0] == '-' && a[1]) {
            cli_error("query: unknown option '%s'", a);
            return -1;
        } else if (!*db) {
            *db = a;
        } else {
            cli_error("query: one database only ('%s')", a);
            return -1;
        }
    }
    if (!*db) {
        cli_error("query: which database? (tacitus query DB)");
        return -1;
    }
    return 0;
}

int cmd_query(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    const char *db = NULL;
    tx_store_filter filter = {0};
    printer p = {TX_BUF_INIT, FORMAT_TABLE};
    if (S_parse(argc, argv, &db, &filter, &p.format) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    tx_store *store = cli_store_open(db, TX_STORE_READ);
    if (!store)
        return EXIT_INPUT;
    if (p.format == FORMAT_CSV)
        cli_event_csv_header(&p.out);
    else if (p.format == FORMAT_TABLE)
        cli_event_table_header(&p.out);
    tx_status status = tx_store_events(store, &filter, S_print, &p);
    fwrite(p.out.data ? p.out.data : "", 1, p.out.len, stdout);
    int rc = status == TX_OK ? EXIT_OK : cli_store_failed("query", db, store, status);
    tx_buf_free(&p.out);
    tx_store_close(store);
    return rc;
}
