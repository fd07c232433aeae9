/* fold.h: the matching key of a word: upper case, typographic punctuation folded to ASCII. */
#ifndef TX_FOLD_H
#define TX_FOLD_H

#include "buffer.h"

/* Appends the folded form of the UTF-8 text s[0..n) to out: letters upper-cased (Unicode,
 * via utf8proc), ’ ‘ ‛ ′ → ', “ ” „ ″ « » → ", – — ‒ − → -, no-break space → space.
 * Invalid bytes are copied as '?'.  Returns 0, or -1 when out of memory. */
int tx_fold(const char *s, size_t n, tx_buf *out);

/* Decodes one code point at s[0..n); returns its length (1 for an invalid byte, with
 * *cp set to -1).  n must be > 0. */
size_t tx_utf8_decode(const char *s, size_t n, int32_t *cp);

/* The ASCII character a typographic quote or dash folds to, or 0 if cp is not one. */
char tx_fold_punct(int32_t cp);

#endif
