/* dbopts.c: opening the event database, filter options and event output shared by the database commands. */
#include "dbopts.h"

#include "storejson.h"

#include "article.h"
#include "cli.h"
#include "jsonw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tx_store *cli_store_open(const char *path, tx_store_mode mode)
{
    char why[512];
    tx_store *store = tx_store_open(path, mode, NULL, why, sizeof(why));
    if (!store)
        cli_error("%s: %s", path, why);
    return store;
}

int cli_store_failed(const char *command, const char *path, tx_store *store, tx_status status)
{
    cli_error("%s: %s: %s", command, path,
              status == TX_ERR_NOMEM ? "out of memory" : tx_store_error(store));
    return status == TX_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
}

static int S_date(const char *command, const char *flag, const char *value, int32_t *out)
{
    *out = tx_article_date_int(value);
    if (*out)
        return 1;
    cli_error("%s: %s takes YYYY-MM-DD, not '%s'", command, flag, value);
    return -1;
}

int cli_filter_option(const char *command, int argc, char **argv, int *i, tx_store_filter *f)
{
    static const char *const flags[] = {"--source", "--target", "--code", "--root", "--from",
                                        "--to", "--certainty", "--text"};
    const char *flag = argv[*i];
    size_t k = 0;
    while (k < TX_ARRAY_SIZE(flags) && strcmp(flag, flags[k]) != 0)
        k++;
    if (k == TX_ARRAY_SIZE(flags))
        return 0;
    if (*i + 1 >= argc) {
        cli_error("%s: %s needs a value", command, flag);
        return -1;
    }
    const char *value = argv[++*i];
    switch (k) {
    case 0: f->source = value; return 1;
    case 1: f->target = value; return 1;
    case 2: f->code = value; return 1;
    case 3: f->root = value; return 1;
    case 4: return S_date(command, flag, value, &f->from);
    case 5: return S_date(command, flag, value, &f->to);
    case 6:
        if (tx_store_parse_certainties(value, &f->certainties) == 0)
            return 1;
        cli_error("%s: --certainty takes a comma-separated list of asserted, reported, "
                  "hypothetical, negated, or all; not '%s'", command, value);
        return -1;
    default: f->text = value; return 1;
    }
}

void cli_format_date(int32_t d, char out[16])
{
    snprintf(out, 16, "%04d-%02d-%02d", (int)(d / 10000 % 10000), (int)(d / 100 % 100),
             (int)(d % 100));
}

void cli_event_jsonl(tx_buf *out, const tx_store_event *e)
{
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "event");
    tx_json_key_cstr(&w, "article", e->article);
    tx_json_key_int(&w, "id", e->id);
    tx_store_event_fields(&w, e);
    tx_json_end(&w);
    tx_buf_putc(out, '\n');
}

/* A CSV field, quoted when it holds a comma, quote or line break; then the separator. */
static void S_csv(tx_buf *out, const char *s, char after)
{
    if (strpbrk(s, ",\"\r\n")) {
        tx_buf_putc(out, '"');
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                tx_buf_putc(out, '"');
            tx_buf_putc(out, *p);
        }
        tx_buf_putc(out, '"');
    } else {
        tx_buf_puts(out, s);
    }
    tx_buf_putc(out, after);
}

void cli_event_csv_header(tx_buf *out)
{
    tx_buf_puts(out, "id,date,source,target,code,root,quad_class,goldstein,num_mentions,"
                     "num_sources,num_articles,certainty,article,sentence,source_text,"
                     "target_text,verb,url,sentence_text\n");
}

void cli_event_csv(tx_buf *out, const tx_store_event *e)
{
    char date[16], goldstein[32] = "";
    cli_format_date(e->date, date);
    if (e->has_goldstein)
        snprintf(goldstein, sizeof(goldstein), "%g", e->goldstein);
    tx_buf_printf(out, "%lld,%s,", (long long)e->id, date);
    S_csv(out, e->source.code, ',');
    S_csv(out, e->target.code, ',');
    tx_buf_printf(out, "%s,%s,%d,%s,%ld,%ld,%ld,%s,", e->code, e->root, e->quad_class, goldstein,
                  e->num_mentions, e->num_sources, e->num_articles,
                  tx_certainty_name((tx_certainty)e->certainty));
    S_csv(out, e->article, ',');
    tx_buf_printf(out, "%ld,", e->sentence);
    S_csv(out, e->source.text, ',');
    S_csv(out, e->target.text, ',');
    S_csv(out, e->verb.text, ',');
    S_csv(out, e->url, ',');
    S_csv(out, e->sentence_text, '\n');
}

void cli_event_table_header(tx_buf *out)
{
    tx_buf_printf(out, "%-10s  %-12s %-5s %-12s %6s %5s %4s %4s  %s\n", "date", "source", "code",
                  "target", "goldst", "ment", "src", "art", "article");
}

void cli_event_table(tx_buf *out, const tx_store_event *e)
{
    char date[16], goldstein[16] = "";
    cli_format_date(e->date, date);
    if (e->has_goldstein)
        snprintf(goldstein, sizeof(goldstein), "%+.1f", e->goldstein);
    tx_buf_printf(out, "%-10s  %-12s %-5s %-12s %6s %5ld %4ld %4ld  %s\n", date,
                  e->source.present ? e->source.code : "-", e->code,
                  e->target.present ? e->target.code : "-", goldstein, e->num_mentions,
                  e->num_sources, e->num_articles, e->article);
}
