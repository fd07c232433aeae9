/* utf8.c: UTF-8 validation and U+FFFD repair, so later stages can trust their input. */
#include "utf8.h"

#include <string.h>

/* Eight bytes at once: none has its high bit set and none is NUL.  Scraped news is mostly
 * ASCII, so this keeps validation close to memory speed. */
static int S_ascii_block(const char *s)
{
    uint64_t word;
    memcpy(&word, s, sizeof(word));
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    int has_zero = ((word - ones) & ~word & highs) != 0;
    return !(word & highs) && !has_zero;
}

static int S_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Length of the well-formed character at s[0..n) per Unicode table 3-7, or 0 when s starts
 * with an invalid byte (overlong, surrogate, above U+10FFFF, truncated, NUL). */
static size_t S_sequence_length(const unsigned char *s, size_t n)
{
    assert(n > 0);
    unsigned char c = s[0];
    if (c < 0x80)
        return c ? 1 : 0;
    /* The second byte's allowed range is what rules out overlongs, surrogates and
     * code points above U+10FFFF. */
    unsigned char low = 0x80, high = 0xBF;
    size_t length;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0;
        else if (c == 0xED)
            high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90;
        else if (c == 0xF4)
            high = 0x8F;
    } else {
        return 0;  /* 80..C1 and F5..FF never start a character */
    }
    if (n < length || s[1] < low || s[1] > high)
        return 0;
    for (size_t i = 2; i < length; i++)
        if (!S_continuation(s[i]))
            return 0;
    return length;
}

size_t tx_utf8_validate(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8 && S_ascii_block(s + i)) {
            i += 8;
            continue;
        }
        size_t length = S_sequence_length(u + i, n - i);
        if (!length)
            return i;
        i += length;
    }
    return n;
}

long tx_utf8_repair(const char *s, size_t n, tx_buf *out, tx_utf8_report report, void *ctx)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const unsigned char *u = (const unsigned char *)s;
    long replaced = 0;
    tx_buf_clear(out);
    if (tx_buf_reserve(out, n) < 0)  /* valid input then needs no further growth */
        return -1;
    size_t i = 0;
    while (i < n) {
        size_t bad = i + tx_utf8_validate(s + i, n - i);
        if (tx_buf_append(out, s + i, bad - i) < 0)
            return -1;
        if (bad == n)
            break;
        /* Extend the run while no byte starts a valid character; each step is O(1), so
         * megabytes of binary junk cost one pass and become one U+FFFD. */
        size_t run_end = bad + 1;
        while (run_end < n && !S_sequence_length(u + run_end, n - run_end))
            run_end++;
        if (tx_buf_append(out, replacement, 3) < 0)
            return -1;
        if (report)
            report(ctx, bad, run_end - bad);
        replaced++;
        i = run_end;
    }
    if (tx_buf_reserve(out, 0) < 0)  /* empty input: still hand back a NUL-terminated buffer */
        return -1;
    out->data[out->len] = '\0';
    return replaced;
}

size_t tx_utf8_space(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c < 0xC2 || n < 2)
        return 0;
    if (c == 0xC2)
        return (u[1] == 0x85 || u[1] == 0xA0) ? 2 : 0;
    if (n < 3)
        return 0;
    if (c == 0xE1)
        return (u[1] == 0x9A && u[2] == 0x80) ? 3 : 0;  /* U+1680 ogham space mark */
    if (c == 0xE2 && u[1] == 0x80) {  /* U+2000..U+200B, U+2028, U+2029, U+202F */
        unsigned char last = u[2];
        return ((last >= 0x80 && last <= 0x8B) || last == 0xA8 || last == 0xA9 || last == 0xAF)
                   ? 3
                   : 0;
    }
    if (c == 0xE2 && u[1] == 0x81)
        return u[2] == 0x9F ? 3 : 0;  /* U+205F medium mathematical space */
    if (c == 0xE3)
        return (u[1] == 0x80 && u[2] == 0x80) ? 3 : 0;  /* U+3000 ideographic space */
    if (c == 0xEF)
        return (u[1] == 0xBB && u[2] == 0xBF) ? 3 : 0;  /* U+FEFF byte-order mark */
    return 0;
}
