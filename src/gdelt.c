/* gdelt.c: stored events as GDELT 2.0 Events rows: actor codes split into country and types, dates, places. */
#include "gdelt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tx_gdelt_countries {
    char (*codes)[4];   /* sorted */
    size_t count, cap;
};

/* CAMEO actor type codes: the role chunks after the country ("USAGOV" → GOV). */
static const char *const S_types[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "NGM", "NGO",
    "OPP", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF", "UIS",
};

static int S_compare_code(const void *a, const void *b) { return memcmp(a, b, 3); }

static int S_add(tx_gdelt_countries *c, const char *code)
{
    if (tx_reserve((void **)&c->codes, &c->cap, c->count, sizeof(*c->codes)) < 0)
        return -1;
    memcpy(c->codes[c->count], code, 3);
    c->codes[c->count++][3] = '\0';
    return 0;
}

static void S_sort(tx_gdelt_countries *c)
{
    qsort(c->codes, c->count, sizeof(*c->codes), S_compare_code);
}

tx_gdelt_countries *tx_gdelt_countries_of(const char *codes)
{
    tx_gdelt_countries *c = calloc(1, sizeof(*c));
    for (size_t i = 0; c && i + 3 <= strlen(codes); i += 3)
        if (S_add(c, codes + i) < 0) {
            tx_gdelt_countries_free(c);
            return NULL;
        }
    if (c)
        S_sort(c);
    return c;
}

tx_gdelt_countries *tx_gdelt_countries_load(const char *path, tx_status *status)
{
    tx_status dummy;
    status = status ? status : &dummy;
    FILE *f = fopen(path, "r");
    if (!f) {
        *status = TX_ERR_IO;
        return NULL;
    }
    tx_gdelt_countries *c = calloc(1, sizeof(*c));
    char line[4096];
    *status = c ? TX_OK : TX_ERR_NOMEM;
    while (c && fgets(line, sizeof(line), f)) {
        /* "country<TAB>USA<TAB>..." (a long line's continuation never starts so) */
        if (strncmp(line, "country\t", 8) != 0 || strlen(line) < 12 || line[11] != '\t')
            continue;
        if (S_add(c, line + 8) < 0) {
            tx_gdelt_countries_free(c);
            c = NULL;
            *status = TX_ERR_NOMEM;
        }
    }
    if (c && ferror(f)) {
        int saved = errno;
        tx_gdelt_countries_free(c);
        c = NULL;
        *status = TX_ERR_IO;
        errno = saved;
    }
    fclose(f);
    if (c)
        S_sort(c);
    return c;
}

void tx_gdelt_countries_free(tx_gdelt_countries *c)
{
    if (!c)
        return;
    free(c->codes);
    free(c);
}

int tx_gdelt_is_country(const tx_gdelt_countries *c, const char *code)
{
    if (!c || strlen(code) < 3)
        return 0;
    return bsearch(code, c->codes, c->count, sizeof(*c->codes), S_compare_code) != NULL;
}

static int S_is_type(const char *chunk)
{
    for (size_t i = 0; i < TX_ARRAY_SIZE(S_types); i++)
        if (memcmp(chunk, S_types[i], 3) == 0)
            return 1;
    return 0;
}

void tx_gdelt_split_actor(const char *code, const tx_gdelt_countries *countries,
                          tx_gdelt_actor *out)
{
    memset(out, 0, sizeof(*out));
    while (strncmp(code, "---", 3) == 0)  /* an unnamed actor: its role alone */
        code += 3;
    snprintf(out->code, sizeof(out->code), "%s", code);
    size_t n = strlen(out->code), at = 0, types = 0;
    if (n >= 3 && tx_gdelt_is_country(countries, out->code)) {
        memcpy(out->country, out->code, 3);
        at = 3;
    }
    for (; at + 3 <= n; at += 3) {
        const char *chunk = out->code + at;
        if (S_is_type(chunk)) {
            if (types < 3)
                memcpy(out->types[types++], chunk, 3);
        } else if (!out->known_group[0]) {
            memcpy(out->known_group, chunk, 3);
        }
    }
}

/* Text goes into a field with TABs and line breaks made spaces: a row is one line. */
static void S_field(tx_buf *out, const char *text)
{
    for (const char *p = text; *p; p++)
        tx_buf_putc(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    tx_buf_putc(out, '\t');
}

static void S_actor(tx_buf *out, const tx_store_span *span, const tx_gdelt_countries *countries)
{
    tx_gdelt_actor a;
    tx_gdelt_split_actor(span->present ? span->code : "", countries, &a);
    S_field(out, a.code);
    S_field(out, a.code[0] ? span->text : "");
    S_field(out, a.country);
    S_field(out, a.known_group);
    tx_buf_puts(out, "\t\t\t");  /* ethnic, religion 1 and 2: not coded */
    for (int i = 0; i < 3; i++)
        S_field(out, a.types[i]);
}

static int S_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

/* GDELT's FractionDate: the year plus the day of the year over 365. */
static double S_fraction_date(int32_t date)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int year = date / 10000, month = date / 100 % 100, day = date % 100;
    int yday = (month >= 1 && month <= 12 ? before[month - 1] : 0) + day +
               (month > 2 && S_leap(year));
    return year + yday / 365.0;
}

/* No place: GDELT's type 0 and empty fields. */
static void S_no_geo(tx_buf *out) { tx_buf_puts(out, "0\t\t\t\t\t\t\t\t"); }

/* The event's place: a point is a world city (type 4), a place without one a country (1). */
static void S_action_geo(tx_buf *out, const tx_store_event *e)
{
    if (!e->has_location) {
        S_no_geo(out);
        return;
    }
    tx_buf_printf(out, "%d\t", e->has_point ? 4 : 1);
    S_field(out, e->location);
    S_field(out, e->location_country);
    tx_buf_puts(out, "\t\t");  /* ADM1, ADM2 */
    if (e->has_point)
        tx_buf_printf(out, "%.4f\t%.4f\t", e->latitude, e->longitude);
    else
        tx_buf_puts(out, "\t\t");
    tx_buf_putc(out, '\t');  /* feature id */
}

int tx_gdelt_row(tx_buf *out, const tx_store_event *e, const tx_gdelt_countries *countries)
{
    int32_t d = e->date;
    tx_buf_printf(out, "%lld\t%d\t%d\t%d\t%.4f\t", (long long)e->id, d, d / 100, d / 10000,
                  S_fraction_date(d));
    S_actor(out, &e->source, countries);
    S_actor(out, &e->target, countries);
    char base[4];
    snprintf(base, sizeof(base), "%s", e->code);
    tx_buf_printf(out, "%d\t%s\t%s\t%s\t%d\t", e->lead, e->code, base, e->root, e->quad_class);
    if (e->has_goldstein)
        tx_buf_printf(out, "%g", e->goldstein);
    tx_buf_printf(out, "\t%ld\t%ld\t%ld\t\t", e->num_mentions, e->num_sources, e->num_articles);
    S_no_geo(out);  /* Actor1Geo */
    S_no_geo(out);  /* Actor2Geo */
    S_action_geo(out, e);
    tx_buf_printf(out, "%lld\t", (long long)e->added);
    for (const char *p = e->url[0] ? e->url : e->article; *p; p++)
        tx_buf_putc(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    tx_buf_putc(out, '\n');
    return out->failed ? -1 : 0;
}
