/* fold.c: case and punctuation folding so dictionary phrases match any typography. */
#include "fold.h"

#include <utf8proc.h>

size_t tx_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    assert(n > 0);
    utf8proc_int32_t c;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (len <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = c;
    return (size_t)len;
}

char tx_fold_punct(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        return '-';
    case 0x00A0: case 0x2009: case 0x202F:
        return ' ';
    default:
        return 0;
    }
}

int tx_fold(const char *s, size_t n, tx_buf *out)
{
    if (tx_buf_reserve(out, n) < 0)
        return -1;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char up = (c >= 'a' && c <= 'z') ? (char)(c - 32) : (char)c;
            out->data[out->len++] = up;  /* room reserved above: folding never grows ASCII */
            i++;
            continue;
        }
        int32_t cp;
        size_t len = tx_utf8_decode(s + i, n - i, &cp);
        i += len;
        char ascii = cp < 0 ? '?' : tx_fold_punct(cp);
        if (ascii) {
            if (tx_buf_putc(out, ascii) < 0)
                return -1;
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
        if (tx_buf_append(out, enc, (size_t)m) < 0)
            return -1;
    }
    out->data[out->len] = '\0';
    return 0;
}
