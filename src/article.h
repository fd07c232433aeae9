/* article.h: reads the articles `tacitus code` codes, as plain text or as JSON Lines. */
#ifndef TX_ARTICLE_H
#define TX_ARTICLE_H

#include "diag.h"

#include <stdio.h>

typedef enum {
    TX_INPUT_TEXT,   /* the whole stream is one article */
    TX_INPUT_JSONL   /* one JSON object per line: id, date, title, text, url, source */
} tx_input_mode;

/* JSON Lines for paths ending in .jsonl, .jsonl.gz or .ndjson (any case), else text ("-",
 * stdin, is text).  Only the name is looked at. */
tx_input_mode tx_input_mode_for_path(const char *path);

/* Largest record a reader accepts by default: a longer JSON line, or a longer text stream,
 * is reported and skipped.  The line is skipped without being held in memory. */
#define TX_ARTICLE_MAX_RECORD ((size_t)64 << 20)

/* One article.  All strings are owned by the article (free them with tx_article_clear) and
 * NUL-terminated; any but `text` is NULL when the record did not have it.  `text` is valid
 * UTF-8 without NUL bytes: JSON input is so by construction (jansson rejects anything else);
 * text input is repaired, each invalid byte sequence replaced by U+FFFD and reported. */
typedef struct {
    char *id, *date, *title, *text, *url, *source;
    size_t text_len;
    unsigned long line;  /* line of the input the record is on (1 in text mode) */
} tx_article;

#define TX_ARTICLE_INIT {NULL, NULL, NULL, NULL, NULL, NULL, 0, 0}

/* Frees the strings and zeroes the article, ready for reuse. */
void tx_article_clear(tx_article *article);

/* What a reader has seen so far.  Each skipped record is counted under exactly one reason. */
typedef struct {
    unsigned long records;       /* non-empty records (lines in jsonl mode) */
    unsigned long articles;      /* records returned as articles */
    unsigned long skipped;       /* records skipped: the sum of the reasons below */
    unsigned long invalid_json;  /* not JSON (invalid UTF-8 and \u0000 included) */
    unsigned long not_object;    /* JSON, but not an object */
    unsigned long missing_text;  /* an object without a string "text" */
    unsigned long too_long;      /* longer than the reader's maximum record size */
    unsigned long repaired;      /* articles returned whose text had invalid UTF-8 replaced */
} tx_article_stats;

typedef struct tx_article_reader tx_article_reader;

/* Opens `path` ("-" for standard input, named "<stdin>" in messages) for reading in `mode`.
 * Problems with records are reported to `diag` (may be NULL: stderr) as "path:line: ..."
 * and skipped.  Returns a reader the caller closes with tx_article_close, or NULL with
 * *status (may be NULL) set to TX_ERR_IO (errno tells why) or TX_ERR_NOMEM. */
tx_article_reader *tx_article_open(const char *path, tx_input_mode mode, tx_diag *diag,
                                   tx_status *status);

/* The same over a stream the caller opened and keeps (tx_article_close does not close it);
 * `name` stands for it in messages and is copied.  Returns NULL only when out of memory. */
tx_article_reader *tx_article_open_file(FILE *file, const char *name, tx_input_mode mode,
                                        tx_diag *diag);

/* Changes the largest record accepted (default TX_ARTICLE_MAX_RECORD); 0 restores it. */
void tx_article_set_max_record(tx_article_reader *reader, size_t max_bytes);

/* Reads the next article into *out, first freeing what *out held (so it must be zeroed or
 * hold an earlier article).  Returns 1 with an article, 0 at the end of the input, -1 when
 * reading failed or memory ran out (tx_article_error tells which; *out is then empty).
 * Skipped records never end the reading: the next good one is returned. */
int tx_article_next(tx_article_reader *reader, tx_article *out);

/* TX_OK, or why tx_article_next returned -1: TX_ERR_IO (errno tells why) or TX_ERR_NOMEM. */
tx_status tx_article_error(const tx_article_reader *reader);

/* The counts so far; owned by the reader. */
const tx_article_stats *tx_article_reader_stats(const tx_article_reader *reader);

/* Closes the stream if the reader opened it and frees the reader.  NULL is allowed. */
void tx_article_close(tx_article_reader *reader);

/* The day of a date string as the integer YYYYMMDD (20260115), or 0 when it is not one.
 * Accepts YYYY-MM-DD and YYYYMMDD, either alone or starting an ISO 8601 timestamp
 * ("2026-01-15T08:30:00Z", "2026-01-15 08:30"); the day must exist in the calendar.
 * NULL gives 0. */
int32_t tx_article_date_int(const char *date);

#endif
