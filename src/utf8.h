/* utf8.h: validates UTF-8 input and repairs invalid bytes, reporting where they were. */
#ifndef TX_UTF8_H
#define TX_UTF8_H

#include "buffer.h"

/* Called for each run of invalid bytes with its byte offset in the input. */
typedef void (*tx_utf8_report)(void *ctx, size_t offset, size_t length);

/* Returns the offset of the first invalid byte in s[0..n), or n when s is valid UTF-8
 * (overlongs, surrogates and code points above U+10FFFF are invalid; NUL bytes too). */
size_t tx_utf8_validate(const char *s, size_t n);

/* Copies s[0..n) to out (cleared first), replacing each maximal invalid sequence by U+FFFD
 * and calling `report` (may be NULL) for it.  Returns the number of replacements, or -1 when
 * out of memory.  Valid input is copied unchanged, so offsets stay those of the input.
 * A "maximal invalid sequence" is a whole run of consecutive bytes none of which starts a
 * valid character (so "C0 80", "ED A0 80" or a block of binary junk each become ONE U+FFFD
 * and one report); the report gives the run's offset and length in the input s. */
long tx_utf8_repair(const char *s, size_t n, tx_buf *out, tx_utf8_report report, void *ctx);

/* Length in bytes of the white-space character that starts s[0..n): ASCII white space
 * (\t \n \v \f \r and space), U+0085, no-break and other Unicode spaces (U+00A0 U+1680
 * U+2000..U+200B U+202F U+205F U+3000), U+2028, U+2029 and U+FEFF; 0 for anything else. */
size_t tx_utf8_space(const char *s, size_t n);

#endif
