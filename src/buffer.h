/* buffer.h: growable byte buffer, always NUL-terminated after its content. */
#ifndef TX_BUFFER_H
#define TX_BUFFER_H

#include "common.h"

typedef struct {
    char *data;   /* owned; NULL until the first append */
    size_t len;   /* bytes in use, not counting the terminating NUL */
    size_t cap;   /* bytes allocated */
    int failed;   /* sticky: set when an allocation failed; later appends are no-ops */
} tx_buf;

#define TX_BUF_INIT {NULL, 0, 0, 0}

void tx_buf_free(tx_buf *buf);
/* Keeps the allocation, forgets the content (and clears `failed`). */
void tx_buf_clear(tx_buf *buf);
/* Makes room for `extra` more bytes plus the NUL.  Returns 0, or -1 when out of memory. */
int tx_buf_reserve(tx_buf *buf, size_t extra);
int tx_buf_append(tx_buf *buf, const void *data, size_t len);
int tx_buf_puts(tx_buf *buf, const char *s);
int tx_buf_putc(tx_buf *buf, char c);
int tx_buf_printf(tx_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Takes the content out of the buffer; the caller owns and frees it. */
char *tx_buf_detach(tx_buf *buf, size_t *len);

#endif
