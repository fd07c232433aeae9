/* buffer.c: growable byte buffer with sticky allocation failure. */
#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tx_buf_free(tx_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
    buf->failed = 0;
}

void tx_buf_clear(tx_buf *buf)
{
    buf->len = 0;
    buf->failed = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

int tx_buf_reserve(tx_buf *buf, size_t extra)
{
    if (buf->failed)
        return -1;
    if (extra > SIZE_MAX / 2 - buf->len) {
        buf->failed = 1;
        return -1;
    }
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap *= 2;
    char *data = realloc(buf->data, cap);
    if (!data) {
        buf->failed = 1;
        return -1;
    }
    buf->data = data;
    buf->cap = cap;
    return 0;
}

int tx_buf_append(tx_buf *buf, const void *data, size_t len)
{
    if (tx_buf_reserve(buf, len) < 0)
        return -1;
    if (len)
        memcpy(buf->data + buf->len, data, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return 0;
}

int tx_buf_puts(tx_buf *buf, const char *s) { return tx_buf_append(buf, s, strlen(s)); }

int tx_buf_putc(tx_buf *buf, char c) { return tx_buf_append(buf, &c, 1); }

int tx_buf_printf(tx_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || tx_buf_reserve(buf, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
    return 0;
}

char *tx_buf_detach(tx_buf *buf, size_t *len)
{
    if (tx_buf_reserve(buf, 0) < 0)
        return NULL;
    char *data = buf->data;
    if (len)
        *len = buf->len;
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return data;
}
