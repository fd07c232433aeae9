/* when.c: reads time expressions around an event's verb and turns them into dates. */
#include "when.h"

#include "analysis.h"

#include <stdlib.h>
#include <string.h>

/* Days from a civil date (proleptic Gregorian), counted in 400-year eras of 146,097 days
 * with years starting in March, so that the leap day falls at the end of a year. */
long tx_when_days(int32_t date)
{
    long y = date / 10000, m = date / 100 % 100, d = date % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t tx_when_date(long days)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int tx_when_weekday(int32_t date)
{
    long days = tx_when_days(date);      /* 1970-01-01 was a Thursday (3) */
    return (int)(((days % 7) + 7 + 3) % 7);
}

static const char *const S_weekdays[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                         "FRIDAY", "SATURDAY", "SUNDAY"};
static const char *const S_months[] = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
                                       "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER",
                                       "DECEMBER"};
static const char *const S_month_abbrevs[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL",
                                              "AUG", "SEP", "OCT", "NOV", "DEC"};

static int S_index(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, list[i]) == 0)
            return (int)i;
    return -1;
}

/* 1..12 for "February", "Feb", "Feb."; else 0.  "May" must be capitalised (the modal). */
static int S_month(const tx_tokens *t, size_t i)
{
    if (i >= t->count || !(t->items[i].flags & TX_TOKEN_CAPITAL))
        return 0;
    char key[16];
    snprintf(key, sizeof(key), "%s", tx_tokens_key(t, i));
    size_t n = strlen(key);
    if (n && key[n - 1] == '.')
        key[n - 1] = '\0';
    int m = S_index(key, S_months, 12);
    if (m < 0)
        m = S_index(key, S_month_abbrevs, 12);
    if (m < 0 && strcmp(key, "SEPT") == 0)
        m = 8;
    return m + 1;
}

static int S_day_number(const tx_tokens *t, size_t i)
{
    if (i >= t->count || t->items[i].kind != TX_TOKEN_NUMBER)
        return 0;
    const char *key = tx_tokens_key(t, i);
    char *end;
    long d = strtol(key, &end, 10);
    if (*end && strcmp(end, "ST") && strcmp(end, "ND") && strcmp(end, "RD") && strcmp(end, "TH"))
        return 0;
    return d >= 1 && d <= 31 ? (int)d : 0;
}

static int S_year_number(const tx_tokens *t, size_t i)
{
    if (i >= t->count || t->items[i].kind != TX_TOKEN_NUMBER || t->items[i].key_len != 4)
        return 0;
    int y = atoi(tx_tokens_key(t, i));
    return y >= 1900 && y <= 2100 ? y : 0;
}

static int S_valid(int y, int m, int d)
{
    int32_t date = y * 10000 + m * 100 + d;
    return tx_when_date(tx_when_days(date)) == date;
}

/* The latest month/day on or before the article date (or in `year` when given). */
static int32_t S_day_of_month(int month, int day, int year, int32_t article)
{
    if (year)
        return S_valid(year, month, day) ? year * 10000 + month * 100 + day : 0;
    int y = article / 10000;
    int32_t date = y * 10000 + month * 100 + day;
    if (date > article)
        date -= 10000;
    return S_valid(date / 10000, month, day) ? date : 0;
}

typedef struct {
    size_t first, last;   /* token span of the expression */
    int32_t date;
    uint8_t precision;
} expression;

/* A time expression starting at token i, or 0. */
static size_t S_expression_at(const tx_tokens *t, size_t i, int32_t article, expression *x)
{
    const char *key = tx_tokens_key(t, i);
    const char *next = i + 1 < t->count ? tx_tokens_key(t, i + 1) : "";
    long today = tx_when_days(article);
    x->precision = TX_DATE_DAY;
    if (strcmp(key, "TODAY") == 0 || strcmp(key, "TONIGHT") == 0) {
        x->date = article;
        return 1;
    }
    if (strcmp(key, "YESTERDAY") == 0 || (strcmp(key, "LAST") == 0 && strcmp(next, "NIGHT") == 0)) {
        x->date = tx_when_date(today - 1);
        return strcmp(key, "LAST") == 0 ? 2 : 1;
    }
    if (strcmp(key, "TOMORROW") == 0) {
        x->date = tx_when_date(today + 1);
        return 1;
    }
    int weekday = S_index(key, S_weekdays, 7);
    if (weekday >= 0) {
        int back = (tx_when_weekday(article) - weekday + 7) % 7;
        x->date = tx_when_date(today - back);
        return 1;
    }
    if ((strcmp(key, "LAST") == 0 || strcmp(key, "EARLIER") == 0) && i + 1 < t->count) {
        int this_one = strcmp(key, "EARLIER") == 0 && strcmp(next, "THIS") == 0;
        const char *unit = tx_tokens_key(t, i + 1 + (size_t)this_one);
        if (i + 1 + (size_t)this_one >= t->count)
            return 0;
        if (strcmp(unit, "WEEK") == 0) {
            long monday = today - tx_when_weekday(article) - (this_one ? 0 : 7);
            x->date = tx_when_date(monday);
            x->precision = TX_DATE_WEEK;
            return 2 + (size_t)this_one;
        }
        if (strcmp(unit, "MONTH") == 0) {
            int y = article / 10000, m = article / 100 % 100;
            if (!this_one && --m == 0) {
                m = 12;
                y--;
            }
            x->date = y * 10000 + m * 100 + 1;
            x->precision = TX_DATE_MONTH;
            return 2 + (size_t)this_one;
        }
        return 0;
    }
    int day = S_day_number(t, i), month;
    if (day && (month = S_month(t, i + 1))) {            /* 26 February (2022) */
        int year = S_year_number(t, i + 2);
        x->date = S_day_of_month(month, day, year, article);
        return x->date ? 2 + (year != 0) : 0;
    }
    if ((month = S_month(t, i)) && (day = S_day_number(t, i + 1))) { /* February 26(, 2022) */
        size_t at = i + 2;
        if (at < t->count && strcmp(tx_tokens_key(t, at), ",") == 0)
            at++;
        int year = S_year_number(t, at);
        x->date = S_day_of_month(month, day, year, article);
        return x->date ? (year ? at + 1 - i : 2) : 0;
    }
    return 0;
}

int32_t tx_when_event(const tx_tokens *t, uint32_t verb_start, int32_t article,
                      uint8_t *precision)
{
    *precision = TX_DATE_ARTICLE;
    if (article <= 0)
        return article;
    size_t verb = 0;
    while (verb < t->count && t->items[verb].end <= verb_start)
        verb++;
    expression best = {0, 0, article, TX_DATE_ARTICLE}, x;
    size_t best_distance = (size_t)-1;
    for (size_t i = 0; i < t->count;) {
        size_t len = S_expression_at(t, i, article, &x);
        if (!len) {
            i++;
            continue;
        }
        size_t distance = i + len <= verb ? verb - (i + len) : i > verb ? i - verb : 0;
        if (distance < best_distance) {
            best = x;
            best_distance = distance;
        }
        i += len;
    }
    *precision = best.precision;
    return best.date;
}
