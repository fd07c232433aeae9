/* charset.c: legacy charset decoding for pages whose bytes are not UTF-8 (windows-1252 by hand, the rest via iconv). */
#include "charset.h"

#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

/* How far into the page a charset declaration is looked for (HTML says 1024 bytes; real
 * pages put long <head> material first, hence more). */
#define S_SNIFF_BYTES 4096

/* windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t S_cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int S_put_code_point(tx_buf *out, unsigned cp)
{
    char b[3];
    if (cp < 0x80)
        return tx_buf_putc(out, (char)cp);
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        return tx_buf_append(out, b, 2);
    }
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    return tx_buf_append(out, b, 3);
}

static int S_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Finds `needle` (lower case) in s[0..n) ignoring case; returns its offset or n. */
static size_t S_find(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (S_lower((unsigned char)s[i]) == needle[0] && strncasecmp(s + i, needle, m) == 0)
            return i;
    return n;
}

int tx_charset_sniff(const char *s, size_t n, char *name, size_t size)
{
    assert(size > 0);
    name[0] = '\0';
    n = TX_MIN(n, (size_t)S_SNIFF_BYTES);
    /* "charset=" covers both <meta charset="x"> and content="text/html; charset=x" */
    for (size_t at = 0; at < n;) {
        size_t i = at + S_find(s + at, n - at, "charset");
        if (i >= n)
            break;
        at = i + 7;
        size_t j = at;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < size &&
               ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' || s[j] == '.' ||
                s[j] == ':'))
            name[k++] = (char)S_lower((unsigned char)s[j++]);
        name[k] = '\0';
        if (k > 0)
            return 1;
    }
    return 0;
}

int tx_charset_needs_decoding(const char *s, size_t n)
{
    size_t at = 0;
    while (at < n) {
        size_t bad = at + tx_utf8_validate(s + at, n - at);
        if (bad >= n)
            return 0;
        if (s[bad] != '\0')
            return 1;
        at = bad + 1;
    }
    return 0;
}

static tx_status S_cp1252_decode(const char *s, size_t n, tx_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp = c;
        if (c >= 0x80 && c < 0xA0)
            cp = S_cp1252[c - 0x80] ? S_cp1252[c - 0x80] : 0xFFFD;
        if (S_put_code_point(out, cp) < 0)
            return TX_ERR_NOMEM;
    }
    return TX_OK;
}

/* Runs iconv over the whole input; a byte it cannot convert becomes U+FFFD. */
static tx_status S_iconv_decode(iconv_t cd, const char *s, size_t n, tx_buf *out)
{
    char *in = (char *)s;
    size_t left = n;
    while (left > 0) {
        if (tx_buf_reserve(out, left * 4 + 16) < 0)
            return TX_ERR_NOMEM;
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t rc = iconv(cd, &in, &left, &dst, &room);
        out->len = (size_t)(dst - out->data);
        out->data[out->len] = '\0';
        if (rc == (size_t)-1 && errno != E2BIG) {
            /* an invalid or truncated sequence: replace one byte and go on */
            if (S_put_code_point(out, 0xFFFD) < 0)
                return TX_ERR_NOMEM;
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    return TX_OK;
}

tx_status tx_charset_decode(const char *s, size_t n, tx_buf *out)
{
    tx_buf_clear(out);
    char name[64];
    int declared = tx_charset_sniff(s, n, name, sizeof(name));
    if (declared && (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0))
        return tx_utf8_repair(s, n, out, NULL, NULL) < 0 ? TX_ERR_NOMEM : TX_OK;
    /* the WHATWG encoding standard reads Latin-1 and ASCII labels as windows-1252 too */
    if (!declared || strcmp(name, "windows-1252") == 0 || strcmp(name, "iso-8859-1") == 0 ||
        strcmp(name, "latin1") == 0 || strcmp(name, "us-ascii") == 0 ||
        strcmp(name, "cp1252") == 0 || strcmp(name, "ascii") == 0)
        return S_cp1252_decode(s, n, out);
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return S_cp1252_decode(s, n, out);
    tx_status status = S_iconv_decode(cd, s, n, out);
    iconv_close(cd);
    if (status == TX_OK && tx_utf8_validate(out->data, out->len) != out->len) {
        /* iconv may pass NUL bytes through; keep the output valid as promised */
        tx_buf copy = TX_BUF_INIT;
        status = tx_utf8_repair(out->data, out->len, &copy, NULL, NULL) < 0 ? TX_ERR_NOMEM : TX_OK;
        if (status == TX_OK) {
            tx_buf_free(out);
            *out = copy;
        } else {
            tx_buf_free(&copy);
        }
    }
    return status;
}
