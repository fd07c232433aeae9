/* charset.h: turns the bytes of a web page into UTF-8, decoding a legacy charset only when needed. */
#ifndef TX_CHARSET_H
#define TX_CHARSET_H

#include "buffer.h"

/* Copies into name[0..size) the charset a page declares in its first 4 KB (<meta charset>
 * or <meta http-equiv="Content-Type" content="...; charset=...">), lower-cased.  Returns 1
 * when one was found, 0 otherwise (name is then ""). */
int tx_charset_sniff(const char *s, size_t n, char *name, size_t size);

/* Does s[0..n) need decoding: does it hold a byte sequence that is not UTF-8?  NUL bytes are
 * not counted against it (the HTML parser replaces them). */
int tx_charset_needs_decoding(const char *s, size_t n);

/* Decodes s[0..n) into `out` (cleared first) as UTF-8: the declared charset when there is a
 * legacy one iconv knows, windows-1252 when none is declared (or iconv does not know it),
 * and a U+FFFD repair when the page declares UTF-8 itself.  Bytes the charset does not
 * define become U+FFFD.  Returns TX_OK or TX_ERR_NOMEM. */
tx_status tx_charset_decode(const char *s, size_t n, tx_buf *out);

#endif
