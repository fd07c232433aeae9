/* article.h: reads the articles tacitus codes: text, JSON Lines or HTML, from any input. */
#ifndef TX_ARTICLE_H
#define TX_ARTICLE_H

#include "diag.h"

#include <stdio.h>

typedef enum {
    TX_INPUT_TEXT,   /* the whole stream is one article */
    TX_INPUT_JSONL,  /* one JSON object per line: id, date, title, text (or html), url, source */
    TX_INPUT_HTML,   /* the whole stream is one web page; its article is extracted */
    TX_INPUT_AUTO    /* decided by the first bytes: '{' JSON Lines, '<' HTML, else text */
} tx_input_mode;

/* The mode a name calls for, a ".gz" ending set aside (any case): JSON Lines for .jsonl and
 * .ndjson, HTML for .html and .htm, TX_INPUT_AUTO for "-" (standard input), text for
 * anything else (and NULL).  Only the name is looked at. */
tx_input_mode tx_input_mode_for_path(const char *path);

/* Largest record a reader accepts by default: a longer JSON line, or a longer text or HTML
 * stream, is reported and skipped.  The line is skipped without being held in memory. */
#define TX_ARTICLE_MAX_RECORD ((size_t)64 << 20)

/* One article.  All strings are owned by the article (free them with tx_article_clear) and
 * NUL-terminated; any but `text` is NULL when the record did not have it.  `text` is valid
 * UTF-8 without NUL bytes: JSON input is so by construction (jansson rejects anything else);
 * text input is repaired, each invalid byte sequence replaced by U+FFFD and reported; HTML
 * input is decoded by tx_html_extract. */
typedef struct {
    char *id, *date, *title, *text, *url, *source;
    size_t text_len;
    unsigned long line;  /* line of the input the record is on (1 in text and HTML mode) */
} tx_article;

#define TX_ARTICLE_INIT {NULL, NULL, NULL, NULL, NULL, NULL, 0, 0}

/* Frees the strings and zeroes the article, ready for reuse. */
void tx_article_clear(tx_article *article);

/* What a reader has seen so far.  A record is a non-empty JSON line, a text or HTML file,
 * or a file skipped as a whole; records = articles + skipped, and each skipped record is
 * counted under exactly one reason. */
typedef struct {
    unsigned long records;       /* records met (see above) */
    unsigned long articles;      /* records returned as articles */
    unsigned long skipped;       /* records skipped: the sum of the reasons below */
    unsigned long invalid_json;  /* not JSON (invalid UTF-8 and \u0000 included) */
    unsigned long not_object;    /* JSON, but not an object */
    unsigned long missing_text;  /* an object with neither a string "text" nor a string
                                    "html"; a page in which no article text was found */
    unsigned long too_long;      /* longer than the reader's maximum record size */
    unsigned long binary;        /* a file of binary data: NUL bytes, or mostly bytes that
                                    are not text (UTF-16 included) */
    unsigned long truncated;     /* the record gzip data that ends early or is corrupt cuts;
                                    the records before it are kept */
    unsigned long unreadable;    /* a file or directory that could not be opened or read */
    unsigned long not_html;      /* HTML input that is not HTML at all */
    unsigned long unrecognised;  /* a file in a directory whose name has no type read here
                                    (see tx_article_open), or that is not a regular file */
    unsigned long repaired;      /* articles returned whose text had invalid UTF-8 replaced */
    unsigned long hidden;        /* hidden files and directories a walk passed over (names
                                    starting with '.'); not records */
} tx_article_stats;

/* Adds the counts of `more` to `total` (a run that opens one reader per input). */
void tx_article_stats_add(tx_article_stats *total, const tx_article_stats *more);

/* Prints the end-of-run summary line, listing only reasons that are not zero:
 * "read 12 records: 9 articles, 3 skipped (1 invalid JSON, 2 binary)\n", followed by
 * "; 2 articles with invalid UTF-8 repaired" and "; 4 hidden files ignored" when there were
 * any. */
void tx_article_stats_print(FILE *out, const tx_article_stats *stats);

typedef struct tx_article_reader tx_article_reader;

/* Opens `path` for reading articles.  Problems with records are reported to `diag` (may be
 * NULL: stderr) as "file:line: ..." (line 0 when a whole file is at fault; damaged gzip data
 * and read errors also give the byte of the file) and skipped; they never end the reading.
 *
 * - "-" is standard input, named "<stdin>" in messages.
 * - A regular file is read in `mode`; TX_INPUT_AUTO looks at its first bytes.
 * - A directory is walked recursively, entries sorted by byte-wise name at each level, a
 *   subdirectory's files read where its name sorts.  `mode` is not used: each file is read
 *   in the mode its name gives, and only names ending in .txt, .text, .jsonl, .ndjson,
 *   .html or .htm, each optionally followed by .gz, are read; other files are reported and
 *   counted as unrecognised.  Hidden entries (".name") are passed over silently, counted in
 *   `hidden`; an entry that cannot be read is reported and counted as unreadable.
 * - gzip data is decompressed whatever the name (it is recognised by its first bytes).
 *
 * Returns a reader the caller closes with tx_article_close, or NULL with *status (may be
 * NULL) set to TX_ERR_IO when `path` itself cannot be opened (errno tells why) or
 * TX_ERR_NOMEM. */
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
 * memory ran out (tx_article_error tells; *out is then empty).  Skipped records, damaged
 * files and read errors never end the reading: the next good article is returned.
 *
 * `id` is the record's own; an HTML file's article gets its file name without directory
 * and suffixes ("dir/story.html.gz" gives "story"); a text article has none (the caller
 * names it, e.g. by tx_article_reader_file). */
int tx_article_next(tx_article_reader *reader, tx_article *out);

/* TX_OK, or why tx_article_next returned -1 (TX_ERR_NOMEM). */
tx_status tx_article_error(const tx_article_reader *reader);

/* The file the last article came from (the last file looked at): its path (a directory's
 * path joined with the names below it), or the name given for a stream; "" before any.
 * Owned by the reader, valid until tx_article_close. */
const char *tx_article_reader_file(const tx_article_reader *reader);

/* The counts so far; owned by the reader. */
const tx_article_stats *tx_article_reader_stats(const tx_article_reader *reader);

/* Closes what the reader opened and frees it.  NULL is allowed. */
void tx_article_close(tx_article_reader *reader);

/* The day of a date string as the integer YYYYMMDD (20260115), or 0 when it is not one.
 * Accepts YYYY-MM-DD and YYYYMMDD, either alone or starting an ISO 8601 timestamp
 * ("2026-01-15T08:30:00Z", "2026-01-15 08:30"); the day must exist in the calendar.
 * NULL gives 0. */
int32_t tx_article_date_int(const char *date);

#endif
