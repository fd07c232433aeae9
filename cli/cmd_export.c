/* cmd_export.c: `tacitus export DB`: writes the stored events as GDELT 2.0 Events TSV, JSON Lines or CSV. */
#include "cli.h"
#include "dbopts.h"
#include "gdelt.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: tacitus export DB [options]\n"
    "Writes every deduplicated event of DB (or those matching the filters).\n"
    "\n"
    "  --format gdelt|jsonl|csv  gdelt: GDELT 2.0 Events TSV, 61 columns, no header\n"
    "                       (docs/store.md tells how each column is filled); default gdelt\n"
    "  -o FILE              write to FILE instead of standard output\n" CLI_FILTER_USAGE;

typedef enum { FORMAT_GDELT, FORMAT_JSONL, FORMAT_CSV } format;

typedef struct {
    tx_buf out;
    format format;
    FILE *file;
    const tx_gdelt_countries *countries;
    int write_failed;
} exporter;

static int S_flush(exporter *x)
{
    if (x->out.len && fwrite(x->out.data, 1, x->out.len, x->file) != x->out.len)
        x->write_failed = 1;
    tx_buf_clear(&x->out);
    return x->write_failed;
}

static int S_export(void *ctx, const tx_store_event *e)
{
    exporter *x = ctx;
    if (x->format == FORMAT_GDELT)
        tx_gdelt_row(&x->out, e, x->countries);
    else if (x->format == FORMAT_JSONL)
        cli_event_jsonl(&x->out, e);
    else
        cli_event_csv(&x->out, e);
    return x->out.len > (1 << 16) ? S_flush(x) : 0;
}

static int S_parse(int argc, char **argv, const char **db, const char **path,
                   tx_store_filter *f, format *fmt)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_filter_option("export", argc, argv, &i, f);
        if (taken < 0)
            return -1;
        if (taken)
            continue;
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--format") == 0 && next) {
            if (strcmp(next, "gdelt") != 0 && strcmp(next, "jsonl") != 0 && strcmp(next, "csv") != 0) {
                cli_error("export: --format takes gdelt, jsonl or csv");
                return -1;
            }
            *fmt = next[0] == 'g' ? FORMAT_GDELT : next[0] == 'j' ? FORMAT_JSONL : FORMAT_CSV;
            i++;
        } else if (strcmp(a, "-o") == 0 && next) {
            *path = next;
            i++;
        } else if (a[0] == '-' && a[1]) {
            cli_error("export: unknown option '%s'", a);
            return -1;
        } else if (!*db) {
            *db = a;
        } else {
            cli_error("export: one database only ('%s')", a);
            return -1;
        }
    }
    if (!*db) {
        cli_error("export: which database? (tacitus export DB)");
        return -1;
    }
    return 0;
}

/* Country codes from tacitus's own country dictionary; without it no actor gets one. */
static tx_gdelt_countries *S_countries(void)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/dict/countries.actors.tsv", cli_data_dir());
    tx_status status;
    tx_gdelt_countries *countries = tx_gdelt_countries_load(path, &status);
    if (!countries)
        cli_error("export: %s: %s; actor country codes are left empty", path,
                  status == TX_ERR_IO ? strerror(errno) : "out of memory");
    return countries;
}

int cmd_export(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    const char *db = NULL, *path = NULL;
    tx_store_filter filter = {0};
    exporter x = {TX_BUF_INIT, FORMAT_GDELT, stdout, NULL, 0};
    if (S_parse(argc, argv, &db, &path, &filter, &x.format) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    tx_store *store = cli_store_open(db, TX_STORE_READ);
    if (!store)
        return EXIT_INPUT;
    if (path && !(x.file = fopen(path, "w"))) {
        cli_error("export: %s: %s", path, strerror(errno));
        tx_store_close(store);
        return EXIT_INPUT;
    }
    tx_gdelt_countries *countries = x.format == FORMAT_GDELT ? S_countries() : NULL;
    x.countries = countries;
    if (x.format == FORMAT_CSV)
        cli_event_csv_header(&x.out);
    tx_status status = tx_store_events(store, &filter, S_export, &x);
    S_flush(&x);
    int rc = status == TX_OK ? EXIT_OK : cli_store_failed("export", db, store, status);
    if ((path && fclose(x.file) != 0) || (!path && fflush(stdout) != 0))
        x.write_failed = 1;
    if (x.write_failed) {
        cli_error("export: %s: %s", path ? path : "<stdout>", strerror(errno));
        rc = EXIT_INPUT;
    }
    tx_gdelt_countries_free(countries);
    tx_buf_free(&x.out);
    tx_store_close(store);
    return rc;
}
