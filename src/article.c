/* article.c: reads articles (text, JSON Lines, HTML) from files, gzip, directories and stdin. */
#include "article.h"

#include "buffer.h"
#include "html.h"
#include "source.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Reads happen in chunks of this size, so a line is never read twice and a line that is too
 * long can be skipped while holding only one chunk of it. */
enum { CHUNK_SIZE = 64 * 1024 };

/* Invalid UTF-8 reported one by one per article, then only counted: a binary file must not
 * flood the diagnostics. */
enum { REPAIR_REPORTS_MAX = 5 };

/* Data is binary when more than this share of its bytes are control characters or not
 * UTF-8.  Text in a legacy 8-bit charset stays far below (a few accented letters per line);
 * compressed data, images and UTF-16 are far above. */
enum { BINARY_PERCENT = 30 };

/* Directories nested deeper than this are reported instead of walked: a guard against
 * links that lead into ever deeper copies of a tree. */
enum { WALK_DEPTH_MAX = 64 };

/* A buffer that grew past this for one large record is given back when its file ends. */
enum { KEEP_BUFFER_MAX = 1 << 20 };

static const char S_bom[] = "\xEF\xBB\xBF";

/* Types of files read, by name; a ".gz" after the name is set aside first. */
static const struct {
    const char *suffix;
    tx_input_mode mode;
} S_types[] = {
    {".jsonl", TX_INPUT_JSONL}, {".ndjson", TX_INPUT_JSONL}, {".html", TX_INPUT_HTML},
    {".htm", TX_INPUT_HTML},    {".txt", TX_INPUT_TEXT},     {".text", TX_INPUT_TEXT},
};

/* What a directory walk found at a path. */
typedef enum {
    ENTRY_FILE,          /* a regular file to read */
    ENTRY_UNRECOGNISED,  /* a regular file whose name has no known type */
    ENTRY_SPECIAL,       /* a device, socket or pipe */
    ENTRY_UNREADABLE     /* could not be looked at: `error` says why */
} entry_kind;

typedef struct {
    char *path;  /* owned */
    entry_kind kind;
    int error;   /* ENTRY_UNREADABLE: the errno */
} input_entry;

struct tx_article_reader {
    input_entry *entries;    /* owned: the files to read, in order */
    size_t n_entries, cap_entries;
    size_t next_entry;       /* the entry to open next */
    size_t current;          /* the entry being read, or read last */
    FILE *stream;            /* the caller's stream (or stdin): not owned, not closed */
    tx_source *pending;      /* opened by tx_article_open for the only entry */
    int walked;              /* the entries come from a directory: names give their modes */
    tx_input_mode mode;      /* as asked for */
    tx_diag *diag;           /* not owned; may be NULL */
    size_t max_record;
    tx_article_stats stats;
    tx_status error;         /* sticky once set */
    /* The file being read. */
    tx_source *source;       /* NULL between files */
    const char *name;        /* its path, for messages: points into `entries` */
    tx_input_mode file_mode; /* never TX_INPUT_AUTO */
    int file_done;           /* text and HTML: the one record has been read */
    unsigned long line_no;   /* lines consumed so far */
    tx_buf record;           /* the current line, or the whole text */
    tx_buf repaired;         /* text mode: the text after UTF-8 repair */
    size_t chunk_pos, chunk_len;
    char chunk[CHUNK_SIZE];
};

/* The index in S_types of the type `path` names, or -1. */
static int S_type_of(const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && strcasecmp(path + n - 3, ".gz") == 0)
        n -= 3;
    for (size_t i = 0; i < TX_ARRAY_SIZE(S_types); i++) {
        size_t k = strlen(S_types[i].suffix);
        if (n > k && strncasecmp(path + n - k, S_types[i].suffix, k) == 0)
            return (int)i;
    }
    return -1;
}

tx_input_mode tx_input_mode_for_path(const char *path)
{
    if (!path)
        return TX_INPUT_TEXT;
    if (strcmp(path, "-") == 0)
        return TX_INPUT_AUTO;
    int type = S_type_of(path);
    return type < 0 ? TX_INPUT_TEXT : S_types[type].mode;
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

/* ---- Counting and the summary ---- */

/* The reasons for skipping a record, in the order the summary lists them. */
static const struct {
    size_t offset;
    const char *label;
} S_reasons[] = {
    {offsetof(tx_article_stats, invalid_json), "invalid JSON"},
    {offsetof(tx_article_stats, not_object), "not an object"},
    {offsetof(tx_article_stats, missing_text), "without text"},
    {offsetof(tx_article_stats, too_long), "too long"},
    {offsetof(tx_article_stats, binary), "binary"},
    {offsetof(tx_article_stats, truncated), "truncated or corrupt gzip"},
    {offsetof(tx_article_stats, unreadable), "unreadable"},
    {offsetof(tx_article_stats, not_html), "not HTML"},
    {offsetof(tx_article_stats, unrecognised), "unrecognised"},
};

static unsigned long *S_reason_count(tx_article_stats *stats, size_t offset)
{
    return (unsigned long *)((char *)stats + offset);
}

static unsigned long S_reason_value(const tx_article_stats *stats, size_t offset)
{
    return *(const unsigned long *)((const char *)stats + offset);
}

void tx_article_stats_add(tx_article_stats *total, const tx_article_stats *more)
{
    total->records += more->records;
    total->articles += more->articles;
    total->skipped += more->skipped;
    total->repaired += more->repaired;
    total->hidden += more->hidden;
    for (size_t i = 0; i < TX_ARRAY_SIZE(S_reasons); i++)
        *S_reason_count(total, S_reasons[i].offset) += S_reason_value(more, S_reasons[i].offset);
}

static const char *S_plural(unsigned long n) { return n == 1 ? "" : "s"; }

void tx_article_stats_print(FILE *out, const tx_article_stats *stats)
{
    fprintf(out, "read %lu record%s: %lu article%s, %lu skipped", stats->records,
            S_plural(stats->records), stats->articles, S_plural(stats->articles),
            stats->skipped);
    const char *separator = " (";
    for (size_t i = 0; i < TX_ARRAY_SIZE(S_reasons); i++) {
        unsigned long n = S_reason_value(stats, S_reasons[i].offset);
        if (n) {
            fprintf(out, "%s%lu %s", separator, n, S_reasons[i].label);
            separator = ", ";
        }
    }
    if (separator[0] == ',')
        fputc(')', out);
    if (stats->repaired)
        fprintf(out, "; %lu article%s with invalid UTF-8 repaired", stats->repaired,
                S_plural(stats->repaired));
    if (stats->hidden)
        fprintf(out, "; %lu hidden file%s ignored", stats->hidden, S_plural(stats->hidden));
    fputc('\n', out);
}

/* ---- Opening: one file, one stream, or a directory walk ---- */

static tx_article_reader *S_reader_new(tx_input_mode mode, tx_diag *diag)
{
    tx_article_reader *reader = calloc(1, sizeof(*reader));
    if (!reader)
        return NULL;
    reader->mode = mode;
    reader->diag = diag;
    reader->max_record = TX_ARTICLE_MAX_RECORD;
    return reader;
}

/* Appends an entry for a copy of `path`.  Returns 0, or -1 when out of memory. */
static int S_add_entry(tx_article_reader *reader, const char *path, entry_kind kind, int error)
{
    if (tx_reserve((void **)&reader->entries, &reader->cap_entries, reader->n_entries,
                   sizeof(*reader->entries)) < 0)
        return -1;
    char *copy = strdup(path);
    if (!copy)
        return -1;
    reader->entries[reader->n_entries++] = (input_entry){copy, kind, error};
    return 0;
}

/* A directory on the way down from where the walk started: a link back up to one of them
 * would make the walk endless. */
typedef struct walk_level {
    dev_t device;
    ino_t inode;
    const struct walk_level *up;
} walk_level;

static int S_compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);  /* strcmp compares bytes unsigned */
}

static void S_free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/* Lists the names in `dir` but "." and "..", sorted, hidden ones counted and left out.
 * Returns 0, or -1 with errno set (ENOMEM included). */
static int S_list_names(tx_article_reader *reader, const char *dir, char ***names,
                        size_t *count)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    size_t cap = 0;
    int failed = 0;
    struct dirent *entry;
    for (errno = 0; (entry = readdir(d)) != NULL; errno = 0) {
        if (entry->d_name[0] == '.') {
            int dots = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
            reader->stats.hidden += !dots;
            continue;
        }
        char *copy = NULL;
        if (tx_reserve((void **)names, &cap, *count, sizeof(**names)) < 0 ||
            !(copy = strdup(entry->d_name))) {
            errno = ENOMEM;
            break;
        }
        (*names)[(*count)++] = copy;
    }
    failed = errno;
    closedir(d);
    if (failed) {
        S_free_names(*names, *count);
        *names = NULL;
        *count = 0;
        errno = failed;
        return -1;
    }
    if (*count)
        qsort(*names, *count, sizeof(**names), S_compare_names);
    return 0;
}

static int S_walk(tx_article_reader *reader, const char *dir, const walk_level *up, int depth);

/* Adds the entries for one name found in a directory.  Returns 0, or -1 when out of
 * memory. */
static int S_walk_entry(tx_article_reader *reader, const char *path, const char *name,
                        const walk_level *up, int depth)
{
    struct stat st;
    if (stat(path, &st) < 0)  /* follows links; a dangling one is unreadable */
        return S_add_entry(reader, path, ENTRY_UNREADABLE, errno);
    if (S_ISREG(st.st_mode))
        return S_add_entry(reader, path, S_type_of(name) < 0 ? ENTRY_UNRECOGNISED : ENTRY_FILE,
                           0);
    if (!S_ISDIR(st.st_mode))
        return S_add_entry(reader, path, ENTRY_SPECIAL, 0);
    for (const walk_level *level = up; level; level = level->up)
        if (level->device == st.st_dev && level->inode == st.st_ino)
            return S_add_entry(reader, path, ENTRY_UNREADABLE, ELOOP);
    if (depth >= WALK_DEPTH_MAX)
        return S_add_entry(reader, path, ENTRY_UNREADABLE, ELOOP);
    walk_level here = {st.st_dev, st.st_ino, up};
    return S_walk(reader, path, &here, depth + 1);
}

/* Adds the entries below `dir`, in order.  Returns 0, or -1 when out of memory. */
static int S_walk(tx_article_reader *reader, const char *dir, const walk_level *up, int depth)
{
    char **names;
    size_t count;
    if (S_list_names(reader, dir, &names, &count) < 0)
        return errno == ENOMEM ? -1 : S_add_entry(reader, dir, ENTRY_UNREADABLE, errno);
    size_t dir_len = strlen(dir);
    int slash = dir_len > 0 && dir[dir_len - 1] == '/';
    tx_buf path = TX_BUF_INIT;
    int result = 0;
    for (size_t i = 0; i < count && result == 0; i++) {
        tx_buf_clear(&path);
        tx_buf_append(&path, dir, dir_len);
        if (!slash)
            tx_buf_putc(&path, '/');
        if (tx_buf_puts(&path, names[i]) < 0)
            result = -1;
        else
            result = S_walk_entry(reader, path.data, names[i], up, depth);
    }
    tx_buf_free(&path);
    S_free_names(names, count);
    return result;
}

/* Fills a new reader with the files below the directory `path`.  Returns TX_OK, TX_ERR_IO
 * when `path` cannot be listed, or TX_ERR_NOMEM. */
static tx_status S_open_directory(tx_article_reader *reader, const char *path,
                                  const struct stat *st)
{
    DIR *d = opendir(path);  /* the directory itself must be readable; entries may not be */
    if (!d)
        return TX_ERR_IO;
    closedir(d);
    reader->walked = 1;
    walk_level top = {st->st_dev, st->st_ino, NULL};
    return S_walk(reader, path, &top, 0) < 0 ? TX_ERR_NOMEM : TX_OK;
}

tx_article_reader *tx_article_open_file(FILE *file, const char *name, tx_input_mode mode,
                                        tx_diag *diag)
{
    tx_article_reader *reader = S_reader_new(mode, diag);
    if (!reader)
        return NULL;
    if (S_add_entry(reader, name ? name : "<input>", ENTRY_FILE, 0) < 0) {
        tx_article_close(reader);
        return NULL;
    }
    reader->stream = file;
    return reader;
}

tx_article_reader *tx_article_open(const char *path, tx_input_mode mode, tx_diag *diag,
                                   tx_status *status)
{
    tx_status why = TX_ERR_NOMEM;
    tx_article_reader *reader = NULL;
    struct stat st;
    if (strcmp(path, "-") == 0) {
        reader = tx_article_open_file(stdin, "<stdin>", mode, diag);
    } else if (stat(path, &st) < 0) {
        why = TX_ERR_IO;
    } else if ((reader = S_reader_new(mode, diag)) != NULL) {
        if (S_ISDIR(st.st_mode))
            why = S_open_directory(reader, path, &st);
        else if ((reader->pending = tx_source_open(path, &why)) != NULL)
            why = S_add_entry(reader, path, ENTRY_FILE, 0) < 0 ? TX_ERR_NOMEM : TX_OK;
        if (why != TX_OK) {
            int saved = errno;
            tx_article_close(reader);
            reader = NULL;
            errno = saved;
        }
    }
    if (status)
        *status = reader ? TX_OK : why;
    return reader;
}

void tx_article_set_max_record(tx_article_reader *reader, size_t max_bytes)
{
    reader->max_record = max_bytes ? max_bytes : TX_ARTICLE_MAX_RECORD;
}

tx_status tx_article_error(const tx_article_reader *reader) { return reader->error; }

const char *tx_article_reader_file(const tx_article_reader *reader)
{
    return reader->n_entries ? reader->entries[reader->current].path : "";
}

const tx_article_stats *tx_article_reader_stats(const tx_article_reader *reader)
{
    return &reader->stats;
}

void tx_article_close(tx_article_reader *reader)
{
    if (!reader)
        return;
    tx_source_close(reader->source);
    tx_source_close(reader->pending);
    for (size_t i = 0; i < reader->n_entries; i++)
        free(reader->entries[i].path);
    free(reader->entries);
    tx_buf_free(&reader->record);
    tx_buf_free(&reader->repaired);
    free(reader);
}

/* ---- Reading bytes ---- */

static int S_fail(tx_article_reader *reader, tx_status why)
{
    if (reader->error == TX_OK)
        reader->error = why;
    return -1;
}

static void S_skip(tx_article_reader *reader, unsigned long *reason)
{
    (*reason)++;
    reader->stats.skipped++;
}

/* Counts a record that is skipped as soon as it is met (a whole file, a damaged tail). */
static void S_skip_record(tx_article_reader *reader, unsigned long *reason)
{
    reader->stats.records++;
    S_skip(reader, reason);
}

/* Refills the chunk once it is used up.  Returns 1 when bytes are there, 0 at the end of the
 * file (also when its data is damaged: the file's end reports that), -1 when out of
 * memory. */
static int S_fill(tx_article_reader *reader)
{
    if (reader->chunk_pos < reader->chunk_len)
        return 1;
    reader->chunk_pos = 0;
    reader->chunk_len = tx_source_read(reader->source, reader->chunk, sizeof(reader->chunk));
    if (reader->chunk_len > 0)
        return 1;
    return tx_source_status(reader->source) == TX_ERR_NOMEM ? S_fail(reader, TX_ERR_NOMEM) : 0;
}

static int S_damaged(const tx_article_reader *reader)
{
    return tx_source_status(reader->source) != TX_OK;
}

/* Reads the next line, without its '\n', into reader->record.  A line longer than the
 * maximum is consumed but not kept: *too_long is set and the record left empty.  A line the
 * end of damaged data cuts is not returned.  Returns 1 with a line, 0 at the end of the
 * file, -1 on failure. */
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
            if (S_damaged(reader))
                return 0;
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

static void S_report_too_long(tx_article_reader *reader)
{
    tx_diag_report(reader->diag, reader->name, 1,
                   "expected an article of at most %zu bytes; skipped a longer one",
                   reader->max_record);
    S_skip_record(reader, &reader->stats.too_long);
}

/* Reads the rest of the file into reader->record, sized once when the file's size is known.
 * Returns 1 when the whole file is there; 0 when there is nothing to return: an empty file,
 * damaged data (reported when the file ends) or a file over the maximum (reported and
 * skipped here); -1 on failure. */
static int S_read_all(tx_article_reader *reader)
{
    tx_buf_clear(&reader->record);
    size_t expected = tx_source_size_hint(reader->source);
    if (expected > reader->max_record) {  /* known too long: not worth reading */
        S_report_too_long(reader);
        return 0;
    }
    if (expected && tx_buf_reserve(&reader->record, expected) < 0)
        return S_fail(reader, TX_ERR_NOMEM);
    for (;;) {
        int got = S_fill(reader);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        size_t available = reader->chunk_len - reader->chunk_pos;
        if (available > reader->max_record - reader->record.len) {
            S_report_too_long(reader);
            tx_buf_free(&reader->record);
            return 0;
        }
        if (tx_buf_append(&reader->record, reader->chunk + reader->chunk_pos, available) < 0)
            return S_fail(reader, TX_ERR_NOMEM);
        reader->chunk_pos = reader->chunk_len;
    }
    return !S_damaged(reader) && reader->record.len > 0;
}

/* Is s[0..n) binary data rather than text?  Sets *nul to the offset of its first NUL byte
 * (or n when there is none) and *percent to the share of bytes that are control characters
 * or not UTF-8, which is what the answer rests on when `nul_is_binary` is 0. */
static int S_binary(const char *s, size_t n, int nul_is_binary, size_t *nul, unsigned *percent)
{
    const char *zero = memchr(s, '\0', n);
    *nul = zero ? (size_t)(zero - s) : n;
    size_t odd = 0;
    for (size_t i = 0; i < n;) {
        size_t valid = i + tx_utf8_validate(s + i, n - i);
        for (; i < valid; i++) {
            unsigned char c = (unsigned char)s[i];
            odd += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
        }
        if (i < n) {
            odd++;
            i++;
        }
    }
    *percent = n ? (unsigned)(odd * 100 / n) : 0;
    return (nul_is_binary && zero) || *percent > BINARY_PERCENT;
}

/* Reports and counts s[0..n) when it is binary data.  Returns 1 when it was skipped. */
static int S_skip_binary(tx_article_reader *reader, const char *s, size_t n, int nul_is_binary)
{
    size_t nul;
    unsigned percent;
    if (!S_binary(s, n, nul_is_binary, &nul, &percent))
        return 0;
    if (percent > BINARY_PERCENT)
        tx_diag_report(reader->diag, reader->name, 0,
                       "expected text; found binary data (%u%% of %zu bytes are not text); "
                       "skipped the file", percent, n);
    else
        tx_diag_report(reader->diag, reader->name, 0,
                       "expected text; found binary data (a NUL byte at byte %zu); skipped "
                       "the file", nul);
    S_skip(reader, &reader->stats.binary);
    return 1;
}

/* The mode the first bytes call for: '{' JSON Lines, '<' HTML, else text. */
static tx_input_mode S_sniff(const char *s, size_t n)
{
    size_t i = n >= 3 && memcmp(s, S_bom, 3) == 0 ? 3 : 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                     s[i] == '\f' || s[i] == '\v'))
        i++;
    if (i < n && s[i] == '{')
        return TX_INPUT_JSONL;
    if (i < n && s[i] == '<')
        return TX_INPUT_HTML;
    return TX_INPUT_TEXT;
}

static void S_close_file(tx_article_reader *reader)
{
    tx_source_close(reader->source);
    reader->source = NULL;
    if (reader->record.cap > KEEP_BUFFER_MAX)
        tx_buf_free(&reader->record);
    if (reader->repaired.cap > KEEP_BUFFER_MAX)
        tx_buf_free(&reader->repaired);
    tx_buf_clear(&reader->record);
}

/* Ends the file being read: damaged data or a failed read is reported once, at the line it
 * cut, and counted as one skipped record. */
static void S_end_file(tx_article_reader *reader)
{
    tx_status status = tx_source_status(reader->source);
    if (status == TX_ERR_SYNTAX || status == TX_ERR_IO) {
        /* What was read of the cut record is still there: text and HTML hold the whole
         * file so far, JSON Lines a part line. */
        unsigned long line = reader->line_no + 1;
        const char *s = reader->record.data;
        for (size_t i = 0; i < reader->record.len; i++)
            line += s[i] == '\n';
        tx_diag_report(reader->diag, reader->name, line, "%s; skipped the record it cuts",
                       tx_source_problem(reader->source));
        S_skip_record(reader, status == TX_ERR_SYNTAX ? &reader->stats.truncated
                                                      : &reader->stats.unreadable);
    }
    S_close_file(reader);
}

/* Opens one entry, or reports and counts why it cannot be read.  Returns 1 with the file
 * open, 0 when it was skipped, -1 on failure. */
static int S_open_entry(tx_article_reader *reader, const input_entry *entry)
{
    switch (entry->kind) {
    case ENTRY_UNREADABLE:
        tx_diag_report(reader->diag, reader->name, 0, "cannot read: %s", strerror(entry->error));
        S_skip_record(reader, &reader->stats.unreadable);
        return 0;
    case ENTRY_UNRECOGNISED:
        tx_diag_report(reader->diag, reader->name, 0,
                       "expected a name ending in .txt, .text, .jsonl, .ndjson, .html or .htm "
                       "(or one of them and .gz); skipped the file");
        S_skip_record(reader, &reader->stats.unrecognised);
        return 0;
    case ENTRY_SPECIAL:
        tx_diag_report(reader->diag, reader->name, 0, "expected a regular file; skipped it");
        S_skip_record(reader, &reader->stats.unrecognised);
        return 0;
    case ENTRY_FILE:
        break;
    }
    tx_status status = TX_ERR_NOMEM;
    tx_source *source = reader->pending;
    reader->pending = NULL;
    if (!source)
        source = reader->stream ? tx_source_wrap(reader->stream)
                                : tx_source_open(entry->path, &status);
    if (!source) {
        if (reader->stream || status == TX_ERR_NOMEM)
            return S_fail(reader, TX_ERR_NOMEM);
        tx_diag_report(reader->diag, reader->name, 0, "cannot read: %s", strerror(errno));
        S_skip_record(reader, &reader->stats.unreadable);
        return 0;
    }
    reader->source = source;
    reader->file_done = 0;
    reader->line_no = 0;
    reader->chunk_pos = reader->chunk_len = 0;
    tx_buf_clear(&reader->record);
    reader->file_mode = reader->walked ? tx_input_mode_for_path(entry->path) : reader->mode;
    if (S_fill(reader) < 0)
        return -1;
    if (reader->file_mode == TX_INPUT_AUTO)
        reader->file_mode = S_sniff(reader->chunk, reader->chunk_len);
    /* Binary data is caught here before JSON or HTML parsers see it; text mode looks at the
     * whole file again later, when it has it. */
    if (S_skip_binary(reader, reader->chunk, reader->chunk_len, 0)) {
        reader->stats.records++;
        S_close_file(reader);
        return 0;
    }
    return 1;
}

/* Opens the next entry that can be read, reporting and counting those that cannot.  Returns
 * 1 with reader->source open, 0 when no entry is left, -1 on failure. */
static int S_open_next(tx_article_reader *reader)
{
    while (reader->next_entry < reader->n_entries) {
        reader->current = reader->next_entry++;
        const input_entry *entry = &reader->entries[reader->current];
        reader->name = entry->path;
        int opened = S_open_entry(reader, entry);
        if (opened != 0)
            return opened;
    }
    return 0;
}

/* ---- Records ---- */

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

/* Copies the members but "text" into the article.  Returns 0, or -1 when out of memory. */
static int S_take_fields(json_t *object, tx_article *out)
{
    return S_take_field(object, "id", &out->id) < 0 ||
                   S_take_field(object, "date", &out->date) < 0 ||
                   S_take_field(object, "title", &out->title) < 0 ||
                   S_take_field(object, "url", &out->url) < 0 ||
                   S_take_field(object, "source", &out->source) < 0
               ? -1
               : 0;
}

/* Sets *field to a copy of `value` unless it has one already or there is none.  Returns 0,
 * or -1 when out of memory. */
static int S_fill_field(char **field, const char *value)
{
    if (*field || !value)
        return 0;
    *field = strdup(value);
    return *field ? 0 : -1;
}

/* Turns what tx_html_extract made of a page into the article's text, adding the page's
 * title, date and URL where the article has none.  Returns 1 with the article, 0 when the
 * page was reported and skipped, -1 on failure (the article is then cleared). */
static int S_take_page(tx_article_reader *reader, tx_status extracted, const tx_html_page *page,
                       unsigned long line, tx_article *out)
{
    if (extracted == TX_ERR_NOMEM)
        return S_fail(reader, TX_ERR_NOMEM);
    if (extracted != TX_OK) {
        tx_diag_report(reader->diag, reader->name, line,
                       "expected an HTML page; found something else");
        S_skip(reader, &reader->stats.not_html);
        return 0;
    }
    if (!page->text || page->text_len == 0) {
        tx_diag_report(reader->diag, reader->name, line,
                       "expected an article in the HTML page; found no article text");
        S_skip(reader, &reader->stats.missing_text);
        return 0;
    }
    out->text = S_copy(page->text, page->text_len);
    out->text_len = page->text_len;
    if (!out->text || S_fill_field(&out->title, page->title) < 0 ||
        S_fill_field(&out->date, page->date) < 0 || S_fill_field(&out->url, page->url) < 0) {
        tx_article_clear(out);
        return S_fail(reader, TX_ERR_NOMEM);
    }
    out->line = line;
    reader->stats.articles++;
    return 1;
}

/* A JSON Lines record with its page in "html" instead of its text: the object's own
 * members win over what the page says. */
static int S_parse_html_record(tx_article_reader *reader, json_t *root, json_t *html,
                               unsigned long line, tx_article *out)
{
    if (S_take_fields(root, out) < 0) {
        tx_article_clear(out);
        return S_fail(reader, TX_ERR_NOMEM);
    }
    tx_html_page page = TX_HTML_PAGE_INIT;
    tx_status extracted =
        tx_html_extract(json_string_value(html), json_string_length(html), &page);
    int result = S_take_page(reader, extracted, &page, line, out);
    tx_html_page_clear(&page);
    if (result != 1)
        tx_article_clear(out);
    return result;
}

/* Turns one JSON line, s[0..n) in reader->record, into an article.  Returns 1 with an
 * article, 0 when the record was reported and skipped, -1 when out of memory. */
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
    if (reader->record.cap > KEEP_BUFFER_MAX)  /* a large line need not be held three times */
        tx_buf_free(&reader->record);
    int result = 0;
    json_t *text = json_object_get(root, "text");
    json_t *html = text ? NULL : json_object_get(root, "html");
    if (!json_is_object(root)) {
        tx_diag_report(reader->diag, reader->name, line, "expected a JSON object, got %s",
                       S_json_type_name(root));
        S_skip(reader, &reader->stats.not_object);
    } else if (json_is_string(html)) {
        result = S_parse_html_record(reader, root, html, line, out);
    } else if (!json_is_string(text)) {
        tx_diag_report(reader->diag, reader->name, line,
                       "expected a \"text\" member holding a string%s",
                       text ? "" : "; there is none");
        S_skip(reader, &reader->stats.missing_text);
    } else if (S_take_field(root, "text", &out->text) < 0 || S_take_fields(root, out) < 0) {
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
        tx_buf_free(&reader->record);  /* a large file need not be held twice */
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
    if (reader->file_done)
        return 0;
    reader->file_done = 1;
    int got = S_read_all(reader);
    if (got <= 0)  /* an empty file holds no article */
        return got;
    reader->stats.records++;
    if (S_skip_binary(reader, reader->record.data, reader->record.len, 1))
        return 0;
    int result = S_take_text(reader, out);
    if (result == 1) {
        out->line = 1;
        reader->stats.articles++;
    }
    return result;
}

/* The id of a page read from a file: its name without directory and suffixes. */
static char *S_page_id(const char *path)
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t n = strlen(name);
    if (n > 3 && strcasecmp(name + n - 3, ".gz") == 0)
        n -= 3;
    if (n > 5 && strncasecmp(name + n - 5, ".html", 5) == 0)
        n -= 5;
    else if (n > 4 && strncasecmp(name + n - 4, ".htm", 4) == 0)
        n -= 4;
    return S_copy(name, n);
}

static int S_next_html(tx_article_reader *reader, tx_article *out)
{
    if (reader->file_done)
        return 0;
    reader->file_done = 1;
    int got = S_read_all(reader);
    if (got <= 0)
        return got;
    reader->stats.records++;
    tx_html_page page = TX_HTML_PAGE_INIT;
    tx_status extracted = tx_html_extract(reader->record.data, reader->record.len, &page);
    tx_buf_free(&reader->record);  /* the page's bytes are no longer needed: keeps the peak low */
    int result = S_take_page(reader, extracted, &page, 1, out);
    tx_html_page_clear(&page);
    if (result == 1 && !reader->stream && !(out->id = S_page_id(reader->name))) {
        tx_article_clear(out);
        result = S_fail(reader, TX_ERR_NOMEM);
    }
    return result;
}

static int S_next_in_file(tx_article_reader *reader, tx_article *out)
{
    switch (reader->file_mode) {
    case TX_INPUT_JSONL: return S_next_jsonl(reader, out);
    case TX_INPUT_HTML: return S_next_html(reader, out);
    default: return S_next_text(reader, out);
    }
}

int tx_article_next(tx_article_reader *reader, tx_article *out)
{
    tx_article_clear(out);
    for (;;) {
        if (reader->error != TX_OK)
            return -1;
        if (!reader->source) {
            int opened = S_open_next(reader);
            if (opened <= 0)
                return opened;
        }
        int got = S_next_in_file(reader, out);
        if (got != 0)
            return got;
        S_end_file(reader);
    }
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
