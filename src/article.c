/* article.c: reads articles from a text stream or from JSON Lines (parsed with jansson). */
#include "article.h"

#include "buffer.h"
#include "utf8.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads happen in chunks of this size, so a line is never read twice and a line that is too
 * long can be skipped while holding only one chunk of it. */
enum { CHUNK_SIZE = 64 * 1024 };

/* Invalid UTF-8 reported one by one per article, then only counted: a binary file must not
 * flood the diagnostics. */
enum { REPAIR_REPORTS_MAX = 5 };

static const char S_bom[] = "\xEF\xBB\xBF";

struct tx_article_reader {
    FILE *file;
    int owns_file;           /* opened by tx_article_open: closed by tx_article_close */
    char *name;              /* owned; for messages */
    tx_input_mode mode;
    tx_diag *diag;           /* not owned; may be NULL */
    size_t max_record;
    tx_article_stats stats;
    tx_status error;         /* sticky once set */
    int finished;            /* no more articles to return */
    unsigned long line_no;   /* lines consumed so far */
    tx_buf record;           /* the current line, or the whole text */
    tx_buf repaired;         /* text mode: the text after UTF-8 repair */
    size_t chunk_pos, chunk_len;
    char chunk[CHUNK_SIZE];
};

tx_input_mode tx_input_mode_for_path(const char *path)
{
    static const char *const suffixes[] = {".jsonl", ".jsonl.gz", ".ndjson"};
    size_t n = path ? strlen(path) : 0;
    for (size_t i = 0; i < TX_ARRAY_SIZE(suffixes); i++) {
        size_t k = strlen(suffixes[i]);
        if (n > k && strcasecmp(path + n - k, suffixes[i]) == 0)
            return TX_INPUT_JSONL;
    }
    return TX_INPUT_TEXT;
}

void tx_article_clear(tx_article *article)
{
    free(article->id);
    free(article->date);
    free(article->title);
    free(article->text);
    free(article->url);
    free(article->source);
    memset(article, 0, sizeof(*article));
}

tx_article_reader *tx_article_open_file(FILE *file, const char *name, tx_input_mode mode,
                                        tx_diag *diag)
{
    tx_article_reader *reader = calloc(1, sizeof(*reader));
    if (!reader)
        return NULL;
    reader->name = strdup(name ? name : "<input>");
    if (!reader->name) {
        free(reader);
        return NULL;
    }
    reader->file = file;
    reader->mode = mode;
    reader->diag = diag;
    reader->max_record = TX_ARTICLE_MAX_RECORD;
    return reader;
}

tx_article_reader *tx_article_open(const char *path, tx_input_mode mode, tx_diag *diag,
                                   tx_status *status)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *file = is_stdin ? stdin : fopen(path, "rb");
    if (!file) {
        if (status)
            *status = TX_ERR_IO;
        return NULL;
    }
    tx_article_reader *reader = tx_article_open_file(file, is_stdin ? "<stdin>" : path, mode,
                                                     diag);
    if (!reader) {
        if (!is_stdin)
            fclose(file);
        if (status)
            *status = TX_ERR_NOMEM;
        return NULL;
    }
    reader->owns_file = !is_stdin;
    if (status)
        *status = TX_OK;
    return reader;
}

void tx_article_set_max_record(tx_article_reader *reader, size_t max_bytes)
{
    reader->max_record = max_bytes ? max_bytes : TX_ARTICLE_MAX_RECORD;
}

tx_status tx_article_error(const tx_article_reader *reader) { return reader->error; }

const tx_article_stats *tx_article_reader_stats(const tx_article_reader *reader)
{
    return &reader->stats;
}

void tx_article_close(tx_article_reader *reader)
{
    if (!reader)
        return;
    if (reader->owns_file)
        fclose(reader->file);
    tx_buf_free(&reader->record);
    tx_buf_free(&reader->repaired);
    free(reader->name);
    free(reader);
}

static int S_fail(tx_article_reader *reader, tx_status why)
{
    if (reader->error == TX_OK)
        reader->error = why;
    reader->finished = 1;
    return -1;
}

static void S_skip(tx_article_reader *reader, unsigned long *reason)
{
    (*reason)++;
    reader->stats.skipped++;
}

/* Refills the chunk once it is used up.  Returns 1 when bytes are there, 0 at the end of the
 * input, -1 on a read error. */
static int S_fill(tx_article_reader *reader)
{
    if (reader->chunk_pos < reader->chunk_len)
        return 1;
    reader->chunk_pos = 0;
    reader->chunk_len = fread(reader->chunk, 1, sizeof(reader->chunk), reader->file);
    if (reader->chunk_len > 0)
        return 1;
    return ferror(reader->file) ? S_fail(reader, TX_ERR_IO) : 0;
}

/* Reads the next line, without its '\n', into reader->record.  A line longer than the
 * maximum is consumed but not kept: *too_long is set and the record left empty.  Returns 1
 * with a line, 0 at the end of the input, -1 on failure. */
static int S_read_line(tx_article_reader *reader, int *too_long)
{
    tx_buf_clear(&reader->record);
    *too_long = 0;
    int any = 0;
    for (;;) {
        int got = S_fill(reader);
        if (got < 0)
            return -1;
        if (got == 0) {  /* a last line without '\n' is still a line */
            reader->line_no += (unsigned long)any;
            return any;
        }
        any = 1;
        const char *start = reader->chunk + reader->chunk_pos;
        size_t available = reader->chunk_len - reader->chunk_pos;
        const char *newline = memchr(start, '\n', available);
        size_t take = newline ? (size_t)(newline - start) : available;
        if (!*too_long && take > reader->max_record - reader->record.len) {
            *too_long = 1;
            tx_buf_free(&reader->record);  /* give back what the long line took */
        } else if (!*too_long && tx_buf_append(&reader->record, start, take) < 0) {
            return S_fail(reader, TX_ERR_NOMEM);
        }
        reader->chunk_pos += take + (newline ? 1 : 0);
        if (newline) {
            reader->line_no++;
            return 1;
        }
    }
}

static int S_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static const char *S_json_type_name(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "something else";
}

static char *S_copy(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

/* Copies a string member into *out; a missing or non-string member leaves *out NULL.  Returns
 * -1 only when out of memory.  An integer id is written in decimal, as feeds often use them. */
static int S_take_field(json_t *object, const char *key, char **out)
{
    json_t *value = json_object_get(object, key);
    if (json_is_string(value))
        *out = S_copy(json_string_value(value), json_string_length(value));
    else if (json_is_integer(value) && strcmp(key, "id") == 0) {
        char digits[32];
        int n = snprintf(digits, sizeof(digits), "%" JSON_INTEGER_FORMAT,
                         json_integer_value(value));
        *out = S_copy(digits, (size_t)n);
    } else
        return 0;
    return *out ? 0 : -1;
}

/* Turns one JSON line into an article.  Returns 1 with an article, 0 when the record was
 * reported and skipped, -1 when out of memory. */
static int S_parse_record(tx_article_reader *reader, const char *s, size_t n, unsigned long line,
                          tx_article *out)
{
    json_error_t error;
    /* Without JSON_ALLOW_NUL jansson refuses \u0000, so every string is NUL-free UTF-8. */
    json_t *root = json_loadb(s, n, 0, &error);
    if (!root) {
        tx_diag_report(reader->diag, reader->name, line, "invalid JSON: %s (column %d)",
                       error.text, error.column);
        S_skip(reader, &reader->stats.invalid_json);
        return 0;
    }
    int result = 0;
    json_t *text = json_object_get(root, "text");
    if (!json_is_object(root)) {
        tx_diag_report(reader->diag, reader->name, line, "expected a JSON object, got %s",
                       S_json_type_name(root));
        S_skip(reader, &reader->stats.not_object);
    } else if (!json_is_string(text)) {
        tx_diag_report(reader->diag, reader->name, line,
                       "expected a \"text\" member holding a string%s",
                       text ? "" : "; there is none");
        S_skip(reader, &reader->stats.missing_text);
    } else if (S_take_field(root, "text", &out->text) < 0 ||
               S_take_field(root, "id", &out->id) < 0 ||
               S_take_field(root, "date", &out->date) < 0 ||
               S_take_field(root, "title", &out->title) < 0 ||
               S_take_field(root, "url", &out->url) < 0 ||
               S_take_field(root, "source", &out->source) < 0) {
        tx_article_clear(out);
        result = S_fail(reader, TX_ERR_NOMEM);
    } else {
        out->text_len = json_string_length(text);
        out->line = line;
        reader->stats.articles++;
        result = 1;
    }
    json_decref(root);
    return result;
}

static int S_next_jsonl(tx_article_reader *reader, tx_article *out)
{
    for (;;) {
        unsigned long line = reader->line_no + 1;
        int too_long;
        int got = S_read_line(reader, &too_long);
        if (got <= 0)
            return got;
        if (too_long) {
            reader->stats.records++;
            tx_diag_report(reader->diag, reader->name, line,
                           "expected a record of at most %zu bytes; skipped a longer one",
                           reader->max_record);
            S_skip(reader, &reader->stats.too_long);
            continue;
        }
        const char *s = reader->record.data;
        size_t n = reader->record.len;
        if (line == 1 && n >= 3 && memcmp(s, S_bom, 3) == 0)  /* editors on Windows add one */
            s += 3, n -= 3;
        if (S_blank(s, n))
            continue;
        reader->stats.records++;
        int result = S_parse_record(reader, s, n, line, out);
        if (result != 0)
            return result;
    }
}

/* Where the text-mode repair is, for reporting lines as well as offsets. */
typedef struct {
    tx_article_reader *reader;
    const char *text;        /* the text being repaired */
    size_t base;             /* bytes before `text` in the stream (a byte order mark) */
    size_t counted;          /* newlines counted in text[0..counted) ... */
    unsigned long line;      /* ... which puts text[counted] on this line */
    unsigned long reported;  /* sequences reported one by one */
    unsigned long total;     /* sequences replaced */
} repair_context;

static void S_report_invalid(void *ctx, size_t offset, size_t length)
{
    repair_context *repair = ctx;
    repair->total++;
    if (repair->reported == REPAIR_REPORTS_MAX)
        return;
    repair->reported++;
    /* Offsets arrive in increasing order, so counting newlines resumes where it stopped. */
    for (; repair->counted < offset; repair->counted++)
        repair->line += repair->text[repair->counted] == '\n';
    tx_diag_report(repair->reader->diag, repair->reader->name, repair->line,
                   "invalid UTF-8 at byte %zu (%zu byte%s) replaced by U+FFFD",
                   repair->base + offset, length, length == 1 ? "" : "s");
}

/* Makes reader->record valid UTF-8 and moves it into out->text. */
static int S_take_text(tx_article_reader *reader, tx_article *out)
{
    size_t base = reader->record.len >= 3 && memcmp(reader->record.data, S_bom, 3) == 0 ? 3 : 0;
    const char *s = reader->record.data + base;
    size_t n = reader->record.len - base;
    tx_buf *source = &reader->record;
    if (tx_utf8_validate(s, n) < n) {
        repair_context repair = {reader, s, base, 0, 1, 0, 0};
        if (tx_utf8_repair(s, n, &reader->repaired, S_report_invalid, &repair) < 0)
            return S_fail(reader, TX_ERR_NOMEM);
        if (repair.total > repair.reported)
            tx_diag_report(reader->diag, reader->name, repair.line,
                           "%lu more invalid UTF-8 sequences replaced by U+FFFD",
                           repair.total - repair.reported);
        reader->stats.repaired++;
        source = &reader->repaired;
        base = 0;
    }
    if (base)
        memmove(source->data, source->data + base, source->len - base + 1);
    source->len -= base;
    out->text = tx_buf_detach(source, &out->text_len);
    if (!out->text)
        return S_fail(reader, TX_ERR_NOMEM);
    return 1;
}

static int S_next_text(tx_article_reader *reader, tx_article *out)
{
    if (reader->finished)
        return 0;
    reader->finished = 1;
    tx_buf_clear(&reader->record);
    for (;;) {
        int got = S_fill(reader);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        size_t available = reader->chunk_len - reader->chunk_pos;
        if (available > reader->max_record - reader->record.len) {
            reader->stats.records++;
            tx_diag_report(reader->diag, reader->name, 1,
                           "expected an article of at most %zu bytes; skipped a longer one",
                           reader->max_record);
            S_skip(reader, &reader->stats.too_long);
            tx_buf_free(&reader->record);
            return 0;
        }
        if (tx_buf_append(&reader->record, reader->chunk + reader->chunk_pos, available) < 0)
            return S_fail(reader, TX_ERR_NOMEM);
        reader->chunk_pos = reader->chunk_len;
    }
    if (reader->record.len == 0)  /* an empty stream holds no article */
        return 0;
    reader->stats.records++;
    int result = S_take_text(reader, out);
    if (result == 1) {
        out->line = 1;
        reader->stats.articles++;
    }
    return result;
}

int tx_article_next(tx_article_reader *reader, tx_article *out)
{
    tx_article_clear(out);
    if (reader->error != TX_OK)
        return -1;
    return reader->mode == TX_INPUT_JSONL ? S_next_jsonl(reader, out) : S_next_text(reader, out);
}

static int S_digits(const char *s, size_t n, int *value)
{
    *value = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *value = *value * 10 + (s[i] - '0');
    }
    return 1;
}

static int S_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

int32_t tx_article_date_int(const char *date)
{
    if (!date)
        return 0;
    int year, month, day;
    size_t end;
    size_t len = strnlen(date, 11);
    if (len >= 10 && date[4] == '-' && date[7] == '-') {  /* 2026-01-15 */
        if (!S_digits(date, 4, &year) || !S_digits(date + 5, 2, &month) ||
            !S_digits(date + 8, 2, &day))
            return 0;
        end = 10;
    } else if (len >= 8) {  /* 20260115 */
        if (!S_digits(date, 4, &year) || !S_digits(date + 4, 2, &month) ||
            !S_digits(date + 6, 2, &day))
            return 0;
        end = 8;
    } else {
        return 0;
    }
    /* Only a timestamp's time may follow the day. */
    char next = date[end];
    if (next != '\0' && next != 'T' && next != 't' && next != ' ')
        return 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > S_days_in_month(year, month))
        return 0;
    return (int32_t)(year * 10000 + month * 100 + day);
}
