/* jsonw.c: JSON escaping, number formatting and a comma-placing writer over tx_buf. */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEVEL_ARRAY = 1, LEVEL_MEMBERS = 2 };

static const char S_hex[] = "0123456789abcdef";

/* The escape of byte c, or NULL for the bytes \u00XX handles. */
static const char *S_short_escape(unsigned char c)
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return NULL;
    }
}

/* Whether s[i] starts U+2028 or U+2029 (E2 80 A8 / E2 80 A9). */
static int S_line_separator(const unsigned char *s, size_t n, size_t i)
{
    return i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9);
}

int tx_json_string(tx_buf *out, const char *s, size_t n)
{
    const unsigned char *bytes = (const unsigned char *)s;
    /* Most text needs no escape: reserve once, then copy runs of plain bytes whole. */
    if (tx_buf_reserve(out, n + 2) < 0)
        return -1;
    tx_buf_putc(out, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = bytes[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2)
            continue;
        if (c == 0xE2 && !S_line_separator(bytes, n, i))
            continue;
        if (i > run)
            tx_buf_append(out, s + run, i - run);
        const char *escape = S_short_escape(c);
        if (escape) {
            tx_buf_puts(out, escape);
        } else if (c == 0xE2) {
            tx_buf_puts(out, bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
        } else {
            char u[6] = {'\\', 'u', '0', '0', S_hex[c >> 4], S_hex[c & 15]};
            tx_buf_append(out, u, sizeof(u));
        }
        run = i + 1;
    }
    if (n > run)  /* also keeps a NULL `s` of length 0 out of pointer arithmetic */
        tx_buf_append(out, s + run, n - run);
    tx_buf_putc(out, '"');
    return out->failed ? -1 : 0;
}

int tx_json_number(tx_buf *out, double value)
{
    if (!isfinite(value))
        return tx_buf_append(out, "null", 4);
    char text[40];
    int len = 0;
    /* %g drops trailing zeros, so the first precision that reads back is also the shortest
     * of the three; 17 digits always read back. */
    for (int precision = 15; precision <= 17; precision++) {
        len = snprintf(text, sizeof(text), "%.*g", precision, value);
        if (strtod(text, NULL) == value)
            break;
    }
    /* A locale set by the program may make the decimal point a comma; JSON wants a point. */
    for (int i = 0; i < len; i++)
        if (text[i] == ',')
            text[i] = '.';
    return tx_buf_append(out, text, (size_t)len);
}

static int S_integer(tx_buf *out, long long value)
{
    char text[24];
    size_t pos = sizeof(text);
    /* The magnitude in unsigned arithmetic, so LLONG_MIN does not overflow. */
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
                                             : (unsigned long long)value;
    do {
        text[--pos] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        text[--pos] = '-';
    return tx_buf_append(out, text + pos, sizeof(text) - pos);
}

void tx_json_init(tx_json_writer *w, tx_buf *out)
{
    memset(w, 0, sizeof(*w));
    w->out = out;
}

static int S_fail(tx_json_writer *w)
{
    w->failed = 1;
    return -1;
}

static int S_done(tx_json_writer *w) { return w->out->failed ? S_fail(w) : 0; }

/* Puts the comma an array element needs, and rejects a value where only a key may go. */
static int S_before_value(tx_json_writer *w)
{
    if (w->failed)
        return -1;
    if (w->after_key) {
        w->after_key = 0;
        return 0;
    }
    if (w->depth == 0)
        return 0;
    unsigned char *level = &w->level[w->depth - 1];
    if (!(*level & LEVEL_ARRAY))
        return S_fail(w);
    if ((*level & LEVEL_MEMBERS) && tx_buf_putc(w->out, ',') < 0)
        return S_fail(w);
    *level |= LEVEL_MEMBERS;
    return 0;
}

int tx_json_key(tx_json_writer *w, const char *key)
{
    if (w->failed)
        return -1;
    if (w->depth == 0 || w->after_key || (w->level[w->depth - 1] & LEVEL_ARRAY) || !key)
        return S_fail(w);
    unsigned char *level = &w->level[w->depth - 1];
    if (*level & LEVEL_MEMBERS)
        tx_buf_putc(w->out, ',');
    *level |= LEVEL_MEMBERS;
    tx_json_string(w->out, key, strlen(key));
    tx_buf_putc(w->out, ':');
    w->after_key = 1;
    return S_done(w);
}

static int S_open(tx_json_writer *w, unsigned char kind, char bracket)
{
    if (S_before_value(w) < 0)
        return -1;
    if (w->depth == TX_JSON_DEPTH_MAX)
        return S_fail(w);
    w->level[w->depth++] = kind;
    tx_buf_putc(w->out, bracket);
    return S_done(w);
}

static int S_close(tx_json_writer *w, unsigned char kind, char bracket)
{
    if (w->failed)
        return -1;
    if (w->depth == 0 || w->after_key || (w->level[w->depth - 1] & LEVEL_ARRAY) != kind)
        return S_fail(w);
    w->depth--;
    tx_buf_putc(w->out, bracket);
    return S_done(w);
}

int tx_json_begin(tx_json_writer *w) { return S_open(w, 0, '{'); }
int tx_json_end(tx_json_writer *w) { return S_close(w, 0, '}'); }
int tx_json_begin_array(tx_json_writer *w) { return S_open(w, LEVEL_ARRAY, '['); }
int tx_json_end_array(tx_json_writer *w) { return S_close(w, LEVEL_ARRAY, ']'); }

int tx_json_value_str(tx_json_writer *w, const char *s, size_t n)
{
    if (S_before_value(w) < 0)
        return -1;
    if (s)
        tx_json_string(w->out, s, n);
    else
        tx_buf_append(w->out, "null", 4);
    return S_done(w);
}

int tx_json_value_int(tx_json_writer *w, long long value)
{
    if (S_before_value(w) < 0)
        return -1;
    S_integer(w->out, value);
    return S_done(w);
}

int tx_json_value_double(tx_json_writer *w, double value)
{
    if (S_before_value(w) < 0)
        return -1;
    tx_json_number(w->out, value);
    return S_done(w);
}

int tx_json_value_bool(tx_json_writer *w, int value)
{
    if (S_before_value(w) < 0)
        return -1;
    tx_buf_puts(w->out, value ? "true" : "false");
    return S_done(w);
}

int tx_json_value_null(tx_json_writer *w) { return tx_json_value_raw(w, "null", 4); }

int tx_json_value_raw(tx_json_writer *w, const char *raw, size_t n)
{
    if (S_before_value(w) < 0)
        return -1;
    tx_buf_append(w->out, raw, n);
    return S_done(w);
}

int tx_json_key_str(tx_json_writer *w, const char *key, const char *s, size_t n)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_str(w, s, n);
}

int tx_json_key_cstr(tx_json_writer *w, const char *key, const char *s)
{
    return tx_json_key_str(w, key, s, s ? strlen(s) : 0);
}

int tx_json_key_int(tx_json_writer *w, const char *key, long long value)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_int(w, value);
}

int tx_json_key_double(tx_json_writer *w, const char *key, double value)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_double(w, value);
}

int tx_json_key_bool(tx_json_writer *w, const char *key, int value)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_bool(w, value);
}

int tx_json_key_null(tx_json_writer *w, const char *key)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_null(w);
}

int tx_json_key_raw(tx_json_writer *w, const char *key, const char *raw, size_t n)
{
    return tx_json_key(w, key) < 0 ? -1 : tx_json_value_raw(w, raw, n);
}
