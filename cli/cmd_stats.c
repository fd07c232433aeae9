/* cmd_stats.c: `tacitus stats DB`: event counts by period and quad class, or the top dyads, actors, codes. */
#include "cli.h"
#include "dbopts.h"
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: tacitus stats DB (--by day|week|month | --top dyads|actors|codes) [options]\n"
    "Counts the deduplicated events of DB: per period, events by quad class (1 verbal and\n"
    "2 material cooperation, 3 verbal and 4 material conflict), mentions and mean Goldstein\n"
    "weight; or the dyads, actors or codes with most events.\n"
    "\n"
    "  --by day|week|month  one row per day, ISO week (its Monday) or month\n"
    "  --top dyads|actors|codes  the keys with most events\n"
    "  --dyad A,B           events between actors A and B (code prefixes), either direction\n"
    "  --limit N            rows of --top (default 10)\n"
    "  --format table|jsonl|csv  output format (default table)\n" CLI_FILTER_USAGE;

typedef enum { FORMAT_TABLE, FORMAT_JSONL, FORMAT_CSV } format;

typedef struct {
    const char *db, *by, *top;
    char dyad[2][64];
    tx_store_filter filter;
    format format;
} options;

static void S_number(char *out, size_t size, double value)
{
    if (isnan(value))
        snprintf(out, size, "%s", "");
    else
        snprintf(out, size, "%.2f", value);
}

static int S_period_row(void *ctx, const tx_store_period_row *row)
{
    const options *o = ctx;
    char mean[32];
    S_number(mean, sizeof(mean), row->mean_goldstein);
    if (o->format == FORMAT_JSONL) {
        tx_buf line = TX_BUF_INIT;
        tx_json_writer w;
        tx_json_init(&w, &line);
        tx_json_begin(&w);
        tx_json_key_cstr(&w, "period", row->period);
        static const char *const keys[] = {"events", "quad1", "quad2", "quad3", "quad4"};
        for (int q = 0; q <= 4; q++)
            tx_json_key_int(&w, keys[q], row->events[q]);
        tx_json_key_int(&w, "mentions", row->mentions);
        tx_json_key_double(&w, "mean_goldstein", row->mean_goldstein);
        tx_json_end(&w);
        puts(line.data ? line.data : "{}");
        tx_buf_free(&line);
    } else
        printf(o->format == FORMAT_CSV ? "%s,%ld,%ld,%ld,%ld,%ld,%ld,%s\n"
                                       : "%-10s %7ld %7ld %7ld %7ld %7ld %8ld %7s\n",
               row->period, row->events[0], row->events[1], row->events[2], row->events[3],
               row->events[4], row->mentions, mean);
    return 0;
}

static int S_top_row(void *ctx, const tx_store_top_row *row)
{
    const options *o = ctx;
    char mean[32], key[96];
    S_number(mean, sizeof(mean), row->mean_goldstein);
    snprintf(key, sizeof(key), "%s%s%s", row->key, row->key2 ? "," : "", row->key2 ? row->key2 : "");
    if (o->format == FORMAT_JSONL) {
        tx_buf line = TX_BUF_INIT;
        tx_json_writer w;
        tx_json_init(&w, &line);
        tx_json_begin(&w);
        tx_json_key_cstr(&w, "key", key);
        tx_json_key_int(&w, "events", row->events);
        tx_json_key_int(&w, "mentions", row->mentions);
        tx_json_key_double(&w, "mean_goldstein", row->mean_goldstein);
        tx_json_end(&w);
        puts(line.data ? line.data : "{}");
        tx_buf_free(&line);
    } else if (o->format == FORMAT_CSV) {
        printf("\"%s\",%ld,%ld,%s\n", key, row->events, row->mentions, mean);  /* codes: no quotes */
    } else {
        printf("%-24s %7ld %8ld %7s\n", key, row->events, row->mentions, mean);
    }
    return 0;
}

static int S_dyad(options *o, const char *value)
{
    const char *comma = strchr(value, ',');
    size_t a = comma ? (size_t)(comma - value) : 0;
    if (!comma || a == 0 || a >= sizeof(o->dyad[0]) || !comma[1] ||
        strlen(comma + 1) >= sizeof(o->dyad[1]) || strchr(comma + 1, ',')) {
        cli_error("stats: --dyad takes two actor code prefixes, as in USA,CHN; not '%s'", value);
        return -1;
    }
    memcpy(o->dyad[0], value, a);
    snprintf(o->dyad[1], sizeof(o->dyad[1]), "%s", comma + 1);
    o->filter.dyad_a = o->dyad[0];
    o->filter.dyad_b = o->dyad[1];
    return 0;
}

static int S_choice(const char *flag, const char *value, const char *const *choices, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(value, choices[i]) == 0)
            return (int)i;
    cli_error("stats: %s does not take '%s'", flag, value);
    return -1;
}

static int S_option(options *o, const char *a, const char *next)
{
    static const char *const periods[] = {"day", "week", "month"};
    static const char *const tops[] = {"dyads", "actors", "codes"};
    static const char *const formats[] = {"table", "jsonl", "csv"};
    if (strcmp(a, "--by") == 0) {
        o->by = next;
        return S_choice(a, next, periods, 3);
    }
    if (strcmp(a, "--top") == 0) {
        o->top = next;
        return S_choice(a, next, tops, 3);
    }
    if (strcmp(a, "--format") == 0) {
        int k = S_choice(a, next, formats, 3);
        o->format = (format)(k < 0 ? 0 : k);
        return k;
    }
    if (strcmp(a, "--dyad") == 0)
        return S_dyad(o, next);
    if (strcmp(a, "--limit") == 0) {
        char *end;
        o->filter.limit = strtol(next, &end, 10);
        if (*end || o->filter.limit < 1) {
            cli_error("stats: --limit takes a positive number, not '%s'", next);
            return -1;
        }
        return 0;
    }
    cli_error("stats: unknown option '%s'", a);
    return -1;
}

static int S_parse(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_filter_option("stats", argc, argv, &i, &o->filter);
        if (taken < 0)
            return -1;
        if (taken)
            continue;
        const char *a = argv[i];
        if (a[0] == '-' && a[1]) {
            if (i + 1 >= argc) {
                cli_error("stats: %s needs a value", a);
                return -1;
            }
            if (S_option(o, a, argv[++i]) < 0)
                return -1;
        } else if (!o->db) {
            o->db = a;
        } else {
            cli_error("stats: one database only ('%s')", a);
            return -1;
        }
    }
    if (!o->db || (!o->by) == (!o->top)) {
        cli_error("stats: give a database and one of --by or --top");
        return -1;
    }
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    options o;
    memset(&o, 0, sizeof(o));
    if (S_parse(argc, argv, &o) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    tx_store *store = cli_store_open(o.db, TX_STORE_READ);
    if (!store)
        return EXIT_INPUT;
    tx_status status;
    if (o.by) {
        tx_store_period period = o.by[0] == 'd' ? TX_PERIOD_DAY
                                 : o.by[0] == 'w' ? TX_PERIOD_WEEK : TX_PERIOD_MONTH;
        if (o.format == FORMAT_CSV)
            puts("period,events,quad1,quad2,quad3,quad4,mentions,mean_goldstein");
        else if (o.format == FORMAT_TABLE)
            printf("%-10s %7s %7s %7s %7s %7s %8s %7s\n", "period", "events", "quad1", "quad2",
                   "quad3", "quad4", "mentions", "goldst");
        status = tx_store_periods(store, &o.filter, period, S_period_row, &o);
    } else {
        tx_store_top_kind kind = o.top[0] == 'd' ? TX_TOP_DYADS
                                 : o.top[0] == 'a' ? TX_TOP_ACTORS : TX_TOP_CODES;
        if (o.format == FORMAT_CSV)
            puts("key,events,mentions,mean_goldstein");
        else if (o.format == FORMAT_TABLE)
            printf("%-24s %7s %8s %7s\n", o.top, "events", "mentions", "goldst");
        status = tx_store_top(store, &o.filter, kind, S_top_row, &o);
    }
    int rc = status == TX_OK ? EXIT_OK : cli_store_failed("stats", o.db, store, status);
    tx_store_close(store);
    return rc;
}
