/* jsonw.h: appends JSON to a tx_buf, fast enough to write one JSON Lines record per event. */
#ifndef TX_JSONW_H
#define TX_JSONW_H

#include "buffer.h"

/* Appends s[0..n) as a quoted JSON string.  The input must be valid UTF-8 (utf8.h repairs
 * it) and passes through unchanged except for escapes: \" \\ \b \f \n \r \t, \u00XX for the
 * other control characters (NUL included), and \u2028 \u2029, which are legal in JSON but
 * end lines in JavaScript.  Returns 0, or -1 when out of memory (the buffer's sticky
 * `failed` is then set). */
int tx_json_string(tx_buf *out, const char *s, size_t n);

/* Appends a JSON number: the shortest of %.15g, %.16g, %.17g that reads back as the same
 * double (3.4 → "3.4", -10.0 → "-10"); NaN and infinities, which JSON cannot express,
 * become null.  Returns 0 or -1. */
int tx_json_number(tx_buf *out, double value);

/* Deepest nesting of objects and arrays a writer tracks. */
#define TX_JSON_DEPTH_MAX 32

/* A writer puts the commas and colons where they belong.  It allocates nothing itself; only
 * `out` grows.  Usage for one JSON Lines record:
 *
 *     tx_json_writer w;
 *     tx_json_init(&w, &line);
 *     tx_json_begin(&w);
 *     tx_json_key_str(&w, "id", id, id_len);
 *     tx_json_key(&w, "source");
 *     tx_json_begin(&w);  ...  tx_json_end(&w);
 *     tx_json_end(&w);
 *     tx_buf_putc(&line, '\n');
 *
 * Every function returns 0, or -1 once the writer has failed: out of memory, or misuse (a
 * value in an object without a key, a key outside an object, an end that matches no begin,
 * nesting deeper than TX_JSON_DEPTH_MAX).  Failure is sticky in `failed`, so a caller may
 * write a whole record and check once.  At depth 0 the writer accepts one value after
 * another with nothing between them, which is what JSON Lines needs. */
typedef struct {
    tx_buf *out;          /* not owned */
    int depth;            /* open objects and arrays */
    int after_key;        /* a key was written; its value comes next */
    int failed;           /* sticky */
    unsigned char level[TX_JSON_DEPTH_MAX];  /* per open container: array? has members? */
} tx_json_writer;

void tx_json_init(tx_json_writer *w, tx_buf *out);

/* Objects and arrays, as a value: at depth 0, after a key, or as an array element. */
int tx_json_begin(tx_json_writer *w);
int tx_json_end(tx_json_writer *w);
int tx_json_begin_array(tx_json_writer *w);
int tx_json_end_array(tx_json_writer *w);

/* Writes "key": so that the next value, object or array belongs to it.  `key` is a
 * NUL-terminated UTF-8 string, escaped like any other. */
int tx_json_key(tx_json_writer *w, const char *key);

/* Members of the innermost object.  A NULL `s` writes null. */
int tx_json_key_str(tx_json_writer *w, const char *key, const char *s, size_t n);
int tx_json_key_cstr(tx_json_writer *w, const char *key, const char *s);
int tx_json_key_int(tx_json_writer *w, const char *key, long long value);
int tx_json_key_double(tx_json_writer *w, const char *key, double value);
int tx_json_key_bool(tx_json_writer *w, const char *key, int value);
int tx_json_key_null(tx_json_writer *w, const char *key);
/* `raw` must already be JSON (a nested object serialized elsewhere); it is copied verbatim. */
int tx_json_key_raw(tx_json_writer *w, const char *key, const char *raw, size_t n);

/* Plain values: array elements, the value after tx_json_key, or a top-level value. */
int tx_json_value_str(tx_json_writer *w, const char *s, size_t n);
int tx_json_value_int(tx_json_writer *w, long long value);
int tx_json_value_double(tx_json_writer *w, double value);
int tx_json_value_bool(tx_json_writer *w, int value);
int tx_json_value_null(tx_json_writer *w);
int tx_json_value_raw(tx_json_writer *w, const char *raw, size_t n);

#endif
