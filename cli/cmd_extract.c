/* cmd_extract.c: `tacitus extract [--format jsonl] [FILE...]`: the articles of HTML pages as JSON Lines. */
#include "cli.h"
#include "html.h"
#include "jsonw.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static const char usage[] =
    "usage: tacitus extract [--format jsonl] [FILE...]\n"
    "Finds the article in each HTML page (.html, .htm, or either gzip-compressed as .gz;\n"
    "standard input when no FILE is given) and prints one JSON object per page:\n"
    "{\"id\",\"url\",\"title\",\"date\",\"byline\",\"text\"}, the id being the file name without\n"
    "directory and .html/.htm/.gz.  A directory is read recursively in byte order (its\n"
    ".html and .htm files, hidden ones left out).  A page that cannot be read or is not HTML\n"
    "is reported and skipped; the exit status is 1 only when no page could be extracted.\n";

/* A page larger than this (after decompression) is skipped rather than held in memory. */
#define S_PAGE_MAX ((size_t)256 << 20)

typedef struct {
    unsigned long read, extracted, unreadable, not_html, too_large, empty;
} S_counts;

/* Reads a whole file, gzip-compressed or not (zlib reads plain files as they are). */
static tx_status S_slurp(const char *path, tx_buf *out, const char **why)
{
    tx_buf_clear(out);
    gzFile gz = strcmp(path, "-") == 0 ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path, "rb");
    if (!gz) {
        *why = errno ? strerror(errno) : "cannot open";
        return TX_ERR_IO;
    }
    tx_status status = TX_OK;
    for (;;) {
        if (tx_buf_reserve(out, 1 << 16) < 0) {
            status = TX_ERR_NOMEM;
            *why = "out of memory";
            break;
        }
        int n = gzread(gz, out->data + out->len, (unsigned)(out->cap - out->len - 1));
        if (n < 0) {
            int code;
            const char *message = gzerror(gz, &code);
            *why = code == Z_ERRNO ? strerror(errno) : message;
            status = TX_ERR_IO;
            break;
        }
        if (n == 0) {
            /* end of input: a gzip stream cut short says so only here */
            int code;
            const char *message = gzerror(gz, &code);
            if (code != Z_OK) {
                *why = code == Z_BUF_ERROR ? "truncated gzip data" : message;
                status = TX_ERR_IO;
            }
            break;
        }
        out->len += (size_t)n;
        out->data[out->len] = '\0';
        if (out->len > S_PAGE_MAX) {
            status = TX_ERR_LIMIT;
            *why = "larger than 256 MB";
            break;
        }
    }
    gzclose(gz);
    return status;
}

/* The file name without directory and without .gz, then .html or .htm. */
static void S_page_id(const char *path, char *id, size_t size)
{
    const char *slash = strrchr(path, '/');
    snprintf(id, size, "%s", slash ? slash + 1 : path);
    static const char *const suffixes[] = {".gz", ".html", ".htm"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(suffixes); i++) {
        size_t n = strlen(id), m = strlen(suffixes[i]);
        if (n > m && strcasecmp(id + n - m, suffixes[i]) == 0)
            id[n - m] = '\0';
    }
}

static int S_write(const char *id, const tx_html_page *page, tx_buf *line)
{
    tx_json_writer w;
    tx_buf_clear(line);
    tx_json_init(&w, line);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "id", id);
    tx_json_key_cstr(&w, "url", page->url);
    tx_json_key_cstr(&w, "title", page->title);
    tx_json_key_cstr(&w, "date", page->date);
    tx_json_key_cstr(&w, "byline", page->byline);
    tx_json_key_str(&w, "text", page->text, page->text_len);
    tx_json_end(&w);
    tx_buf_putc(line, '\n');
    if (w.failed || line->failed)
        return -1;
    return fwrite(line->data, 1, line->len, stdout) == line->len ? 0 : -1;
}

/* Extracts one page; returns -1 only on a failure that should stop the run. */
static int S_one(const char *path, tx_buf *raw, tx_buf *line, S_counts *c)
{
    const char *why = NULL;
    c->read++;
    tx_status status = S_slurp(path, raw, &why);
    if (status != TX_OK) {
        cli_error("%s: %s", path, why);
        if (status == TX_ERR_LIMIT)
            c->too_large++;
        else
            c->unreadable++;
        return status == TX_ERR_NOMEM ? -1 : 0;
    }
    tx_html_page page = TX_HTML_PAGE_INIT;
    status = tx_html_extract(raw->data ? raw->data : "", raw->len, &page);
    if (status == TX_ERR_SYNTAX) {
        cli_error("%s: not HTML (binary data in the first 4 KB)", path);
        c->not_html++;
        return 0;
    }
    if (status != TX_OK) {
        cli_error("%s: %s", path, tx_status_name(status));
        tx_html_page_clear(&page);
        return -1;
    }
    char id[512];
    S_page_id(path, id, sizeof(id));
    int rc = S_write(id, &page, line);
    if (rc < 0)
        cli_error("extract: cannot write the output");
    c->extracted++;
    if (page.text_len == 0)
        c->empty++;
    tx_html_page_clear(&page);
    return rc;
}

/* A page's name inside a directory: .html or .htm, gzip-compressed or not. */
static int S_page_name(const char *name)
{
    static const char *const endings[] = {".html", ".htm", ".html.gz", ".htm.gz"};
    size_t n = strlen(name);
    for (size_t i = 0; i < TX_ARRAY_SIZE(endings); i++) {
        size_t m = strlen(endings[i]);
        if (n > m && strcasecmp(name + n - m, endings[i]) == 0)
            return 1;
    }
    return 0;
}

static int S_byte_order(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Extracts the pages of a directory and its subdirectories, in byte order of their names. */
static int S_directory(const char *dir, int depth, tx_buf *raw, tx_buf *line, S_counts *c)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, S_byte_order);
    if (n < 0 || depth > 64) {
        cli_error("%s: %s", dir, n < 0 ? strerror(errno) : "directories nested too deep");
        c->read++;
        c->unreadable++;
        for (int i = 0; i < n; i++)
            free(names[i]);
        if (n >= 0)
            free(names);
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char path[4096];
        struct stat st;
        if (rc == 0 && name[0] != '.' &&
            (size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) < sizeof(path) &&
            stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rc = S_directory(path, depth + 1, raw, line, c);
            else if (S_ISREG(st.st_mode) && S_page_name(name))
                rc = S_one(path, raw, line, c);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static void S_summary(const S_counts *c)
{
    unsigned long skipped = c->read - c->extracted;
    fprintf(stderr, "extract: %lu pages read, %lu extracted, %lu skipped", c->read, c->extracted,
            skipped);
    if (skipped)
        fprintf(stderr, " (%lu unreadable, %lu not HTML, %lu too large)", c->unreadable,
                c->not_html, c->too_large);
    if (c->empty)
        fprintf(stderr, "; %lu without article text", c->empty);
    fputc('\n', stderr);
}

int cmd_extract(int argc, char **argv)
{
    int first = argc;
    for (int i = 1; i < argc && first == argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (strcmp(argv[++i], "jsonl") != 0) {
                cli_error("extract: unknown format '%s' (only jsonl)", argv[i]);
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fputs(usage, stderr);
            return EXIT_USAGE;
        } else {
            first = i;
        }
    }
    static char *const stdin_only[] = {"-"};
    char *const *files = first < argc ? argv + first : stdin_only;
    int nfiles = first < argc ? argc - first : 1;
    S_counts counts = {0};
    tx_buf raw = TX_BUF_INIT, line = TX_BUF_INIT;
    int rc = 0;
    for (int i = 0; i < nfiles && rc == 0; i++) {
        struct stat st;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = S_directory(files[i], 0, &raw, &line, &counts);
        else
            rc = S_one(files[i], &raw, &line, &counts);
    }
    tx_buf_free(&raw);
    tx_buf_free(&line);
    if (fflush(stdout) != 0)
        rc = -1;
    S_summary(&counts);
    return rc == 0 && counts.extracted > 0 ? EXIT_OK : EXIT_INPUT;
}
