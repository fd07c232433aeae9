/* test_article.c: article input: records, files, gzip, directories, streams, bad input, dates. */
#include "article.h"
#include "buffer.h"
#include "test.h"

#include <jansson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char temp_dir[64];

/* Diagnostics collected as "file:line: message\n" lines. */
static tx_buf messages = TX_BUF_INIT;

static void S_collect(void *ctx, const char *file, unsigned long line, const char *message)
{
    (void)ctx;
    tx_buf_printf(&messages, "%s:%lu: %s\n", file, line, message);
}

static int S_reported(const char *text) { return messages.data && strstr(messages.data, text); }

/* Writes a file under the temporary directory and returns its path (static storage). */
static const char *S_write(const char *name, const char *data, size_t len)
{
    static char path[128];
    snprintf(path, sizeof(path), "%s/%s", temp_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return path;
    fwrite(data, 1, len, f);
    fclose(f);
    return path;
}

static void S_remove(const char *name)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", temp_dir, name);
    remove(path);
}

/* The path of a name under the temporary directory, in the caller's buffer. */
static const char *S_path(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", temp_dir, name);
    return out;
}

static void S_mkdir(const char *name)
{
    char path[128];
    CHECK_INT(mkdir(S_path(path, sizeof(path), name), 0700), 0);
}

/* Writes `data` gzip-compressed, as one member. */
static void S_write_gz(const char *name, const char *data, size_t len)
{
    char path[128];
    gzFile gz = gzopen(S_path(path, sizeof(path), name), "wb");
    CHECK(gz != NULL);
    if (!gz)
        return;
    CHECK_INT(gzwrite(gz, data, (unsigned)len), (long long)len);
    gzclose(gz);
}

/* The bytes of a file under the temporary directory. */
static void S_read(const char *name, tx_buf *out)
{
    char path[128], block[4096];
    tx_buf_clear(out);
    FILE *f = fopen(S_path(path, sizeof(path), name), "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t n;
    while ((n = fread(block, 1, sizeof(block), f)) > 0)
        tx_buf_append(out, block, n);
    fclose(f);
}

/* Reads every article of a reader, collecting "text|" per article in `texts` (text up to
 * its first newline) and "file|" per article in `files` (the last path component).
 * Returns the number of articles. */
static int S_read_all(tx_article_reader *reader, tx_buf *texts, tx_buf *files)
{
    tx_buf_clear(texts);
    tx_buf_clear(files);
    tx_article a = TX_ARTICLE_INIT;
    int count = 0, got;
    while ((got = tx_article_next(reader, &a)) == 1) {
        count++;
        tx_buf_append(texts, a.text, strcspn(a.text, "\n"));
        tx_buf_putc(texts, '|');
        const char *file = tx_article_reader_file(reader);
        const char *slash = strrchr(file, '/');
        tx_buf_puts(files, slash ? slash + 1 : file);
        tx_buf_putc(files, '|');
    }
    CHECK_INT(got, 0);
    tx_article_clear(&a);
    return count;
}

/* A small news page the extractor finds an article in. */
static const char S_page[] =
    "<!DOCTYPE html>\n<html><head><title>Talks resume in Geneva</title>\n"
    "<meta property=\"article:published_time\" content=\"2026-03-04T10:00:00Z\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/talks\">\n"
    "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
    "<article><h1>Talks resume in Geneva</h1>\n"
    "<p>Delegations from Atlantis and Lemuria met in Geneva on Tuesday to resume talks on "
    "the disputed border, officials said.</p>\n"
    "<p>The two governments accused each other of violating the ceasefire agreed last year, "
    "but both said they wanted a peaceful settlement.</p>\n"
    "<p>A third round of negotiations is planned for next month, according to a statement "
    "from the foreign ministry.</p>\n"
    "</article><footer>Copyright 2026</footer></body></html>\n";

static void test_jsonl(void)
{
    static const char input[] =
        "\xEF\xBB\xBF{\"id\":\"a1\",\"date\":\"2026-01-15\",\"title\":\"T\",\"text\":\"Hello "
        "\\u00e9 world\",\"url\":\"http://x\",\"source\":\"S\",\"extra\":[1]}\n"  /* 1 */
        "\n"                                                                 /* 2: empty */
        "{\"id\": 42, \"text\": \"second\"}\r\n"                              /* 3 */
        "{\"text\": \"broken\", }\n"                                          /* 4: bad JSON */
        "{\"text\": \"third\", \"date\": \"20260116\"}\n"                     /* 5 */
        "{\"id\": \"no text\"}\n"                                             /* 6 */
        "[1, 2, 3]\n"                                                         /* 7 */
        "   \t  \n"                                                           /* 8: blank */
        "{\"text\": \"bad \xFF byte\"}\n"                                     /* 9: bad UTF-8 */
        "{\"text\": 5}\n"                                                     /* 10 */
        "{\"text\": \"nul \\u0000 inside\"}\n"                                /* 11 */
        "{\"text\":\"last\",\"title\":null}";                                 /* 12, no \n */
    const char *path = S_write("in.jsonl", input, sizeof(input) - 1);
    CHECK_INT(tx_input_mode_for_path(path), TX_INPUT_JSONL);

    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_status status = TX_ERR_USAGE;
    tx_article_reader *reader = tx_article_open(path, TX_INPUT_JSONL, &diag, &status);
    CHECK(reader != NULL);
    CHECK_INT(status, TX_OK);
    if (!reader)
        return;
    tx_article a = TX_ARTICLE_INIT;

    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "a1");
    CHECK_STR(a.date, "2026-01-15");
    CHECK_STR(a.title, "T");
    CHECK_STR(a.text, "Hello \xC3\xA9 world");
    CHECK_INT(a.text_len, 14);
    CHECK_STR(a.url, "http://x");
    CHECK_STR(a.source, "S");
    CHECK_INT(a.line, 1);
    CHECK_INT(tx_article_date_int(a.date), 20260115);

    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "42");
    CHECK_STR(a.text, "second");
    CHECK(a.date == NULL && a.title == NULL && a.url == NULL && a.source == NULL);
    CHECK_INT(a.line, 3);

    CHECK_INT(tx_article_next(reader, &a), 1);  /* line 4 is reported and skipped */
    CHECK_STR(a.text, "third");
    CHECK_INT(a.line, 5);
    CHECK_INT(tx_article_date_int(a.date), 20260116);
    CHECK_INT(diag.count, 1);
    CHECK(S_reported("in.jsonl:4: invalid JSON: "));
    CHECK(S_reported(" (column 20)\n"));

    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "last");
    CHECK(a.title == NULL);
    CHECK_INT(a.line, 12);

    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK(a.text == NULL);
    CHECK_INT(tx_article_next(reader, &a), 0);  /* the end stays the end */
    CHECK_INT(tx_article_error(reader), TX_OK);

    CHECK(S_reported("in.jsonl:6: expected a \"text\" member holding a string; there is none\n"));
    CHECK(S_reported("in.jsonl:7: expected a JSON object, got an array\n"));
    CHECK(S_reported("in.jsonl:9: invalid JSON: "));
    CHECK(S_reported("in.jsonl:10: expected a \"text\" member holding a string\n"));
    CHECK(S_reported("in.jsonl:11: invalid JSON: "));
    CHECK(!S_reported(":2:") && !S_reported(":8:"));  /* empty lines are skipped silently */
    CHECK_INT(diag.count, 6);

    const tx_article_stats *stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->records, 10);
    CHECK_INT(stats->articles, 4);
    CHECK_INT(stats->skipped, 6);
    CHECK_INT(stats->invalid_json, 3);
    CHECK_INT(stats->not_object, 1);
    CHECK_INT(stats->missing_text, 2);
    CHECK_INT(stats->too_long, 0);
    CHECK_INT(stats->repaired, 0);
    tx_article_close(reader);
    tx_article_clear(&a);
    S_remove("in.jsonl");
}

static void test_text(void)
{
    /* A byte order mark, an invalid byte on line 2, a truncated sequence on line 3. */
    static const char input[] = "\xEF\xBB\xBFLine one.\nLine \xFF two.\r\nEnd \xE2\x80.\n";
    const char *path = S_write("story.txt", input, sizeof(input) - 1);
    CHECK_INT(tx_input_mode_for_path(path), TX_INPUT_TEXT);

    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_article_reader *reader = tx_article_open(path, TX_INPUT_TEXT, &diag, NULL);
    CHECK(reader != NULL);
    if (!reader)
        return;
    tx_article a = TX_ARTICLE_INIT;
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "Line one.\nLine \xEF\xBF\xBD two.\r\nEnd \xEF\xBF\xBD.\n");
    CHECK_INT(a.text_len, strlen("Line one.\nLine \xEF\xBF\xBD two.\r\nEnd \xEF\xBF\xBD.\n"));
    CHECK_INT(a.line, 1);
    CHECK(a.id == NULL && a.date == NULL);
    CHECK(S_reported("story.txt:2: invalid UTF-8 at byte 18 (1 byte) replaced by U+FFFD\n"));
    CHECK(S_reported("story.txt:3: invalid UTF-8 at byte 30 (2 bytes) replaced by U+FFFD\n"));
    CHECK_INT(diag.count, 2);
    CHECK_INT(tx_article_next(reader, &a), 0);
    const tx_article_stats *stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->records, 1);
    CHECK_INT(stats->articles, 1);
    CHECK_INT(stats->repaired, 1);
    tx_article_close(reader);
    tx_article_clear(&a);

    /* Many bad bytes: a few reported one by one, the rest summed up. */
    tx_buf junk = TX_BUF_INIT;
    for (int i = 0; i < 20; i++)
        tx_buf_puts(&junk, "ok \xFF\n");
    path = S_write("junk.txt", junk.data, junk.len);
    tx_buf_clear(&messages);
    diag.count = 0;
    reader = tx_article_open(path, TX_INPUT_TEXT, &diag, NULL);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_INT(diag.count, 6);
    CHECK(S_reported("junk.txt:5: invalid UTF-8 at byte 23 (1 byte)"));
    CHECK(S_reported("15 more invalid UTF-8 sequences replaced by U+FFFD"));
    tx_article_close(reader);
    tx_article_clear(&a);
    tx_buf_free(&junk);

    /* An empty stream holds no article; a stream the caller opened stays open. */
    FILE *empty = tmpfile();
    CHECK(empty != NULL);
    if (empty) {
        reader = tx_article_open_file(empty, "empty", TX_INPUT_TEXT, &diag);
        CHECK_INT(tx_article_next(reader, &a), 0);
        CHECK_INT(tx_article_reader_stats(reader)->records, 0);
        tx_article_close(reader);
        CHECK_INT(fputs("still open", empty) >= 0, 1);
        fclose(empty);
    }
    S_remove("story.txt");
    S_remove("junk.txt");
}

static void test_long_lines(void)
{
    enum { BIG = 1 << 20, LIMIT = 100000 };
    tx_buf input = TX_BUF_INIT;
    /* Line 1: a record of about 1 MiB, many read chunks long. */
    tx_buf_puts(&input, "{\"id\":\"big\",\"text\":\"");
    for (int i = 0; i < BIG / 8; i++)
        tx_buf_puts(&input, "abcdefg ");
    tx_buf_puts(&input, "\"}\n");
    size_t first_len = input.len - 1;
    /* Line 2: exactly LIMIT bytes; line 3: one byte more; line 4: small. */
    tx_buf_puts(&input, "{\"text\":\"");
    while (input.len - first_len - 1 < LIMIT - 2)
        tx_buf_putc(&input, 'x');
    tx_buf_puts(&input, "\"}\n{\"text\":\"");
    size_t third_start = input.len - 9;
    while (input.len - third_start < LIMIT - 1)
        tx_buf_putc(&input, 'y');
    tx_buf_puts(&input, "\"}\n{\"text\":\"after\"}\n");
    const char *path = S_write("long.jsonl", input.data, input.len);

    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_article_reader *reader = tx_article_open(path, TX_INPUT_JSONL, &diag, NULL);
    CHECK(reader != NULL);
    if (!reader) {
        tx_buf_free(&input);
        return;
    }
    tx_article a = TX_ARTICLE_INIT;
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "big");
    CHECK_INT(a.text_len, BIG);
    tx_article_set_max_record(reader, LIMIT);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_INT(a.line, 2);
    CHECK_INT(a.text_len, LIMIT - 11);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "after");
    CHECK_INT(a.line, 4);
    CHECK(S_reported("long.jsonl:3: expected a record of at most 100000 bytes; skipped a longer one\n"));
    CHECK_INT(diag.count, 1);
    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK_INT(tx_article_reader_stats(reader)->too_long, 1);
    CHECK_INT(tx_article_reader_stats(reader)->skipped, 1);
    CHECK_INT(tx_article_reader_stats(reader)->articles, 3);
    tx_article_close(reader);

    /* The same file as one text article is over the limit as a whole. */
    tx_buf_clear(&messages);
    diag.count = 0;
    reader = tx_article_open(path, TX_INPUT_TEXT, &diag, NULL);
    tx_article_set_max_record(reader, LIMIT);
    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK(S_reported("long.jsonl:1: expected an article of at most 100000 bytes"));
    CHECK_INT(tx_article_reader_stats(reader)->too_long, 1);
    tx_article_close(reader);

    tx_article_clear(&a);
    tx_buf_free(&input);
    S_remove("long.jsonl");
}

static void test_directory(void)
{
    static const char jsonl[] = "{\"id\":\"a1\",\"text\":\"Alpha one.\"}\n{bad\n"
                                "{\"id\":\"a3\",\"text\":\"Alpha three.\"}\n";
    char path[128], target[128];
    S_mkdir("tree");
    S_mkdir("tree/sub");
    S_mkdir("tree/.git");
    S_mkdir("tree/empty");
    S_write("tree/b.txt", "Beta.\n", 6);
    S_write("tree/Z.txt", "Zulu.\n", 6);  /* 'Z' sorts before 'a' byte-wise */
    S_write("tree/a.jsonl", jsonl, sizeof(jsonl) - 1);
    S_write("tree/.hidden.txt", "Hidden.\n", 8);
    S_write("tree/.git/e.txt", "Hidden too.\n", 12);
    S_write("tree/notes.pdf", "%PDF-1.4\n", 9);
    S_write("tree/sub/c.htm", S_page, sizeof(S_page) - 1);
    S_write_gz("tree/sub/d.txt.gz", "Delta.\n", 7);
    S_write("tree/sub/junk.txt", "bin\0ary", 7);
    CHECK_INT(symlink("no-such-file", S_path(path, sizeof(path), "tree/broken.txt")), 0);
    CHECK_INT(symlink("..", S_path(path, sizeof(path), "tree/sub/up")), 0);  /* a loop */

    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_status status = TX_ERR_USAGE;
    /* The mode asked for does not matter: names decide; a trailing '/' is not doubled. */
    snprintf(target, sizeof(target), "%s/tree/", temp_dir);
    tx_article_reader *reader = tx_article_open(target, TX_INPUT_JSONL, &diag, &status);
    CHECK(reader != NULL);
    CHECK_INT(status, TX_OK);
    if (!reader)
        return;
    tx_buf texts = TX_BUF_INIT, files = TX_BUF_INIT;
    CHECK_INT(S_read_all(reader, &texts, &files), 6);
    CHECK_STR(texts.data, "Zulu.|Alpha one.|Alpha three.|Beta.|Delegations from Atlantis and "
                          "Lemuria met in Geneva on Tuesday to resume talks on the disputed "
                          "border, officials said.|Delta.|");
    CHECK_STR(files.data, "Z.txt|a.jsonl|a.jsonl|b.txt|c.htm|d.txt.gz|");
    snprintf(path, sizeof(path), "%s/tree/sub/up", temp_dir);
    CHECK_STR(tx_article_reader_file(reader), path);  /* the last entry looked at */

    snprintf(target, sizeof(target), "%s/tree/a.jsonl:2: invalid JSON", temp_dir);
    CHECK(S_reported(target));
    CHECK(S_reported("tree/broken.txt:0: cannot read: No such file or directory\n"));
    CHECK(S_reported("tree/notes.pdf:0: expected a name ending in .txt, .text, .jsonl"));
    CHECK(S_reported("tree/sub/junk.txt:0: expected text; found binary data (a NUL byte at "
                     "byte 3); skipped the file\n"));
    CHECK(S_reported("tree/sub/up:0: cannot read: Too many levels of symbolic links\n"));
    CHECK(!S_reported("hidden") && !S_reported("Hidden") && !S_reported(".git"));
    CHECK_INT(diag.count, 5);

    const tx_article_stats *stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->records, 11);
    CHECK_INT(stats->articles, 6);
    CHECK_INT(stats->skipped, 5);
    CHECK_INT(stats->invalid_json, 1);
    CHECK_INT(stats->unreadable, 2);
    CHECK_INT(stats->unrecognised, 1);
    CHECK_INT(stats->binary, 1);
    CHECK_INT(stats->hidden, 2);
    tx_article_close(reader);

    /* An empty directory holds no article and is no error. */
    reader = tx_article_open(S_path(path, sizeof(path), "tree/empty"), TX_INPUT_TEXT, &diag,
                             &status);
    CHECK(reader != NULL);
    if (reader) {
        CHECK_INT(S_read_all(reader, &texts, &files), 0);
        CHECK_INT(tx_article_reader_stats(reader)->records, 0);
        tx_article_close(reader);
    }
    tx_buf_free(&texts);
    tx_buf_free(&files);
    static const char *const made[] = {
        "tree/sub/up", "tree/sub/junk.txt", "tree/sub/d.txt.gz", "tree/sub/c.htm",
        "tree/notes.pdf", "tree/.git/e.txt", "tree/.hidden.txt", "tree/a.jsonl", "tree/Z.txt",
        "tree/b.txt", "tree/broken.txt", "tree/empty", "tree/.git", "tree/sub", "tree"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(made); i++)
        S_remove(made[i]);
}

/* Opens `data` as a caller's stream in TX_INPUT_AUTO mode, as standard input is. */
static tx_article_reader *S_open_stream(FILE *file, const char *data, size_t len, tx_diag *diag)
{
    fwrite(data, 1, len, file);
    rewind(file);
    return tx_article_open_file(file, "<stdin>", TX_INPUT_AUTO, diag);
}

static void test_stream_sniffing(void)
{
    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_article a = TX_ARTICLE_INIT;
    tx_buf texts = TX_BUF_INIT, files = TX_BUF_INIT;

    static const char jsonl[] = "\n  {\"text\":\"one\"}\n{\"text\":\"two\"}\n";
    FILE *file = tmpfile();
    tx_article_reader *reader = S_open_stream(file, jsonl, sizeof(jsonl) - 1, &diag);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "one");
    CHECK_INT(a.line, 2);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "two");
    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK_STR(tx_article_reader_file(reader), "<stdin>");
    tx_article_close(reader);
    fclose(file);

    file = tmpfile();
    reader = S_open_stream(file, S_page, sizeof(S_page) - 1, &diag);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK(a.text && strstr(a.text, "A third round of negotiations is planned"));
    CHECK_STR(a.title, "Talks resume in Geneva");
    CHECK(a.id == NULL);  /* a stream has no file name to name the page */
    tx_article_close(reader);
    fclose(file);

    static const char text[] = "Plain words {not JSON} <not HTML>.\n";
    file = tmpfile();
    reader = S_open_stream(file, text, sizeof(text) - 1, &diag);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, text);
    tx_article_close(reader);
    fclose(file);

    /* gzip is recognised by its bytes, then what it holds is sniffed. */
    S_write_gz("piped", jsonl, sizeof(jsonl) - 1);
    char path[128];
    file = fopen(S_path(path, sizeof(path), "piped"), "rb");
    reader = tx_article_open_file(file, "<stdin>", TX_INPUT_AUTO, &diag);
    CHECK_INT(S_read_all(reader, &texts, &files), 2);
    CHECK_STR(texts.data, "one|two|");
    tx_article_close(reader);
    fclose(file);
    S_remove("piped");

    /* A stream that cannot be read is reported and skipped, not fatal. */
    file = fopen(temp_dir, "rb");  /* a directory opens, but reading it fails */
    if (file) {
        reader = tx_article_open_file(file, "dir-stream", TX_INPUT_AUTO, &diag);
        CHECK_INT(tx_article_next(reader, &a), 0);
        CHECK_INT(tx_article_error(reader), TX_OK);
        CHECK_INT(tx_article_reader_stats(reader)->unreadable, 1);
        CHECK(S_reported("dir-stream:1: read error at byte 0 (Is a directory); skipped"));
        tx_article_close(reader);
        fclose(file);
    }
    CHECK_INT(diag.count, 1);
    tx_article_clear(&a);
    tx_buf_free(&texts);
    tx_buf_free(&files);
}

/* JSON Lines records "r1".."rN" whose texts do not compress to nothing. */
static void S_records(tx_buf *out, int count)
{
    uint32_t seed = 12345;
    tx_buf_clear(out);
    for (int i = 1; i <= count; i++) {
        seed = seed * 1103515245u + 12345u;
        tx_buf_printf(out, "{\"id\":\"r%d\",\"text\":\"Record %d says %08x %u.\"}\n", i, i,
                      (unsigned)seed, (unsigned)(seed >> 7));
    }
}

static void test_gzip(void)
{
    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_buf texts = TX_BUF_INIT, files = TX_BUF_INIT, data = TX_BUF_INIT;
    char path[128];

    S_write_gz("story.txt.gz", "Gzip text.\nSecond line.\n", 24);
    tx_article_reader *reader =
        tx_article_open(S_path(path, sizeof(path), "story.txt.gz"), TX_INPUT_TEXT, &diag, NULL);
    tx_article a = TX_ARTICLE_INIT;
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.text, "Gzip text.\nSecond line.\n");
    CHECK_INT(tx_article_next(reader, &a), 0);
    tx_article_close(reader);

    /* Two gzip members one after another are one stream, as with gunzip. */
    S_write_gz("one.gz", "{\"text\":\"first\"}\n", 17);
    S_write_gz("two.gz", "{\"text\":\"second\"}\n", 18);
    tx_buf both = TX_BUF_INIT;
    S_read("one.gz", &data);
    tx_buf_append(&both, data.data, data.len);
    S_read("two.gz", &data);
    tx_buf_append(&both, data.data, data.len);
    S_write("news.jsonl.gz", both.data, both.len);
    reader = tx_article_open(S_path(path, sizeof(path), "news.jsonl.gz"), TX_INPUT_JSONL, &diag,
                             NULL);
    CHECK_INT(S_read_all(reader, &texts, &files), 2);
    CHECK_STR(texts.data, "first|second|");
    tx_article_close(reader);
    CHECK_INT(diag.count, 0);

    /* Truncated: the records before the cut are kept, the cut one is reported and counted. */
    enum { RECORDS = 3000 };
    S_records(&data, RECORDS);
    S_write_gz("whole.jsonl.gz", data.data, data.len);
    S_read("whole.jsonl.gz", &both);
    size_t cut = both.len / 2;
    S_write("cut.jsonl.gz", both.data, cut);
    reader = tx_article_open(S_path(path, sizeof(path), "cut.jsonl.gz"), TX_INPUT_JSONL, &diag,
                             NULL);
    int kept = S_read_all(reader, &texts, &files);
    CHECK(kept > RECORDS / 4 && kept < RECORDS);
    CHECK(strncmp(texts.data, "Record 1 says ", 14) == 0);
    const tx_article_stats *stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->truncated, 1);
    CHECK_INT(stats->skipped, 1);
    CHECK_INT(stats->records, kept + 1);
    CHECK_INT(diag.count, 1);
    char expected[256];
    snprintf(expected, sizeof(expected),
             "cut.jsonl.gz:%d: truncated gzip data: the file ends at byte %zu, inside the "
             "compressed stream; skipped the record it cuts\n", kept + 1, cut);
    CHECK(S_reported(expected));
    tx_article_close(reader);

    /* Corrupt: reported with the byte where inflating failed.  Deflate may decode damaged
     * bytes into garbage before it notices (at the latest the checksum does), so the lines
     * in between are whatever they are, each reported and skipped on its own. */
    for (size_t i = both.len / 2; i < both.len / 2 + 64; i++)
        both.data[i] = (char)(both.data[i] ^ 0x5A);
    S_write("bad.jsonl.gz", both.data, both.len);
    tx_buf_clear(&messages);
    diag.count = 0;
    reader = tx_article_open(S_path(path, sizeof(path), "bad.jsonl.gz"), TX_INPUT_JSONL, &diag,
                             NULL);
    kept = S_read_all(reader, &texts, &files);
    CHECK(kept > RECORDS / 4 && kept < RECORDS);
    CHECK(strncmp(texts.data, "Record 1 says ", 14) == 0);
    stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->truncated, 1);
    CHECK_INT(stats->records, stats->articles + stats->skipped);
    CHECK(S_reported("bad.jsonl.gz:") && S_reported(": corrupt gzip data at byte "));
    CHECK_INT(diag.count, stats->skipped);
    tx_article_close(reader);

    /* A text article cut short is skipped whole; the message gives the line it reached. */
    S_write_gz("cut.txt.gz", data.data, data.len);
    S_read("cut.txt.gz", &both);
    S_write("cut.txt.gz", both.data, both.len - 20);  /* loses the trailer */
    tx_buf_clear(&messages);
    diag.count = 0;
    reader = tx_article_open(S_path(path, sizeof(path), "cut.txt.gz"), TX_INPUT_TEXT, &diag,
                             NULL);
    CHECK_INT(S_read_all(reader, &texts, &files), 0);
    CHECK_INT(tx_article_reader_stats(reader)->truncated, 1);
    CHECK_INT(tx_article_reader_stats(reader)->records, 1);
    CHECK(S_reported("cut.txt.gz:") && S_reported(": truncated gzip data: the file ends at byte"));
    tx_article_close(reader);

    tx_article_clear(&a);
    tx_buf_free(&texts);
    tx_buf_free(&files);
    tx_buf_free(&data);
    tx_buf_free(&both);
    static const char *const made[] = {"story.txt.gz", "one.gz", "two.gz", "news.jsonl.gz",
                                       "whole.jsonl.gz", "cut.jsonl.gz", "bad.jsonl.gz",
                                       "cut.txt.gz"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(made); i++)
        S_remove(made[i]);
}

static void test_binary(void)
{
    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_buf junk = TX_BUF_INIT, texts = TX_BUF_INIT, files = TX_BUF_INIT;
    uint32_t seed = 7;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        tx_buf_putc(&junk, (char)(seed >> 16));
    }
    const char *path = S_write("random.txt", junk.data, junk.len);
    tx_article_reader *reader = tx_article_open(path, TX_INPUT_TEXT, &diag, NULL);
    CHECK_INT(S_read_all(reader, &texts, &files), 0);
    CHECK_INT(tx_article_reader_stats(reader)->binary, 1);
    CHECK_INT(tx_article_reader_stats(reader)->records, 1);
    CHECK(S_reported("random.txt:0: expected text; found binary data ("));
    CHECK(S_reported("% of 20000 bytes are not text); skipped the file\n"));
    tx_article_close(reader);

    /* As JSON Lines the same bytes are one skipped file, not a message per line. */
    path = S_write("random.jsonl", junk.data, junk.len);
    reader = tx_article_open(path, TX_INPUT_JSONL, &diag, NULL);
    CHECK_INT(S_read_all(reader, &texts, &files), 0);
    CHECK_INT(tx_article_reader_stats(reader)->binary, 1);
    CHECK_INT(tx_article_reader_stats(reader)->skipped, 1);
    CHECK_INT(diag.count, 2);
    tx_article_close(reader);

    /* A few bytes in a legacy charset are repaired, not taken for binary. */
    static const char latin1[] = "Caf\xE9 cr\xE8me br\xFBl\xE9" "e is served daily.\n";
    path = S_write("latin1.txt", latin1, sizeof(latin1) - 1);
    reader = tx_article_open(path, TX_INPUT_TEXT, &diag, NULL);
    CHECK_INT(S_read_all(reader, &texts, &files), 1);
    CHECK_INT(tx_article_reader_stats(reader)->repaired, 1);
    CHECK_INT(tx_article_reader_stats(reader)->binary, 0);
    tx_article_close(reader);

    tx_buf_free(&junk);
    tx_buf_free(&texts);
    tx_buf_free(&files);
    S_remove("random.txt");
    S_remove("random.jsonl");
    S_remove("latin1.txt");
}

static void test_html(void)
{
    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_article a = TX_ARTICLE_INIT;
    const char *path = S_write("world-talks.html", S_page, sizeof(S_page) - 1);
    tx_article_reader *reader = tx_article_open(path, tx_input_mode_for_path(path), &diag, NULL);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "world-talks");
    CHECK_STR(a.title, "Talks resume in Geneva");
    CHECK_STR(a.url, "https://example.org/talks");
    CHECK_INT(tx_article_date_int(a.date), 20260304);
    CHECK(strncmp(a.text, "Delegations from Atlantis", 25) == 0);
    CHECK(strstr(a.text, "Home") == NULL);  /* navigation is not article text */
    CHECK_INT(a.text_len, strlen(a.text));
    CHECK_INT(a.line, 1);
    CHECK_INT(tx_article_next(reader, &a), 0);
    tx_article_close(reader);

    /* JSON Lines records carrying a page: the record's own members win over the page's. */
    json_t *own = json_pack("{s:s, s:s, s:s}", "id", "j1", "title", "Own title", "html", S_page);
    json_t *control = json_pack("{s:s, s:s}", "id", "j2", "html",
                                "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f<p>x</p>");
    json_t *empty = json_pack("{s:s, s:s}", "id", "j3", "html", "<html><body></body></html>");
    json_t *both = json_pack("{s:s, s:s, s:s}", "id", "j4", "text", "Own text.", "html", S_page);
    char *lines[4] = {json_dumps(own, JSON_COMPACT), json_dumps(control, JSON_COMPACT),
                      json_dumps(empty, JSON_COMPACT), json_dumps(both, JSON_COMPACT)};
    tx_buf input = TX_BUF_INIT;
    for (int i = 0; i < 4; i++) {
        tx_buf_puts(&input, lines[i]);
        tx_buf_putc(&input, '\n');
        free(lines[i]);
    }
    json_decref(own);
    json_decref(control);
    json_decref(empty);
    json_decref(both);
    path = S_write("pages.jsonl", input.data, input.len);
    reader = tx_article_open(path, tx_input_mode_for_path(path), &diag, NULL);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "j1");
    CHECK_STR(a.title, "Own title");
    CHECK_STR(a.url, "https://example.org/talks");
    CHECK(strncmp(a.text, "Delegations from Atlantis", 25) == 0);
    CHECK_INT(a.line, 1);
    CHECK_INT(tx_article_next(reader, &a), 1);
    CHECK_STR(a.id, "j4");
    CHECK_STR(a.text, "Own text.");
    CHECK_INT(a.line, 4);
    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK(S_reported("pages.jsonl:2: expected an HTML page; found something else\n"));
    CHECK(S_reported("pages.jsonl:3: expected an article in the HTML page; found no article "
                     "text\n"));
    const tx_article_stats *stats = tx_article_reader_stats(reader);
    CHECK_INT(stats->records, 4);
    CHECK_INT(stats->not_html, 1);
    CHECK_INT(stats->missing_text, 1);
    tx_article_close(reader);

    /* An .html file that is not HTML (a NUL among text) and one without an article. */
    path = S_write("fake.html", "<html>\0<body>Hello</body></html>", 32);
    reader = tx_article_open(path, TX_INPUT_HTML, &diag, NULL);
    CHECK_INT(tx_article_next(reader, &a), 0);
    CHECK_INT(tx_article_reader_stats(reader)->not_html, 1);
    CHECK(S_reported("fake.html:1: expected an HTML page; found something else\n"));
    tx_article_close(reader);
    CHECK_INT(diag.count, 3);

    tx_article_clear(&a);
    tx_buf_free(&input);
    S_remove("world-talks.html");
    S_remove("pages.jsonl");
    S_remove("fake.html");
}

static void test_oversize(void)
{
    tx_buf_clear(&messages);
    tx_diag diag = {S_collect, NULL, 0, 0};
    tx_buf texts = TX_BUF_INIT, files = TX_BUF_INIT, data = TX_BUF_INIT;
    char path[128];
    /* A page over the maximum is skipped from its size alone, before it is read. */
    S_write("big.html", S_page, sizeof(S_page) - 1);
    tx_article_reader *reader =
        tx_article_open(S_path(path, sizeof(path), "big.html"), TX_INPUT_HTML, &diag, NULL);
    tx_article_set_max_record(reader, 500);
    CHECK_INT(S_read_all(reader, &texts, &files), 0);
    CHECK(S_reported("big.html:1: expected an article of at most 500 bytes; skipped a longer "
                     "one\n"));
    CHECK_INT(tx_article_reader_stats(reader)->too_long, 1);
    CHECK_INT(tx_article_reader_stats(reader)->records, 1);
    tx_article_close(reader);

    /* Compressed, its size is found out while reading. */
    S_records(&data, 2000);
    S_write_gz("big.txt.gz", data.data, data.len);
    reader = tx_article_open(S_path(path, sizeof(path), "big.txt.gz"), TX_INPUT_TEXT, &diag,
                             NULL);
    tx_article_set_max_record(reader, 10000);
    CHECK_INT(S_read_all(reader, &texts, &files), 0);
    CHECK(S_reported("big.txt.gz:1: expected an article of at most 10000 bytes"));
    CHECK_INT(tx_article_reader_stats(reader)->too_long, 1);
    CHECK_INT(tx_article_reader_stats(reader)->skipped, 1);
    tx_article_close(reader);
    CHECK_INT(diag.count, 2);

    tx_buf_free(&texts);
    tx_buf_free(&files);
    tx_buf_free(&data);
    S_remove("big.html");
    S_remove("big.txt.gz");
}

/* The summary line of `stats`, as tx_article_stats_print writes it. */
static void S_summary(const tx_article_stats *stats, char *out, size_t size)
{
    out[0] = '\0';
    FILE *f = tmpfile();
    if (!f)
        return;
    tx_article_stats_print(f, stats);
    rewind(f);
    if (!fgets(out, (int)size, f))
        out[0] = '\0';
    fclose(f);
}

static void test_summary(void)
{
    char line[512];
    tx_article_stats total = {0};
    S_summary(&total, line, sizeof(line));
    CHECK_STR(line, "read 0 records: 0 articles, 0 skipped\n");

    tx_article_stats one = {0}, two = {0};
    one.records = 1;
    one.articles = 1;
    two.records = 9;
    two.articles = 4;
    two.skipped = 5;
    two.invalid_json = 2;
    two.binary = 1;
    two.truncated = 1;
    two.unrecognised = 1;
    two.repaired = 1;
    two.hidden = 3;
    tx_article_stats_add(&total, &one);
    S_summary(&total, line, sizeof(line));
    CHECK_STR(line, "read 1 record: 1 article, 0 skipped\n");
    tx_article_stats_add(&total, &two);
    tx_article_stats_add(&total, &two);
    CHECK_INT(total.records, 19);
    CHECK_INT(total.skipped, 10);
    CHECK_INT(total.invalid_json, 4);
    CHECK_INT(total.hidden, 6);
    S_summary(&total, line, sizeof(line));
    CHECK_STR(line, "read 19 records: 9 articles, 10 skipped (4 invalid JSON, 2 binary, "
                    "2 truncated or corrupt gzip, 2 unrecognised); 2 articles with invalid "
                    "UTF-8 repaired; 6 hidden files ignored\n");
}

static void test_open_and_modes(void)
{
    tx_status status = TX_OK;
    CHECK(tx_article_open("no/such/file.jsonl", TX_INPUT_JSONL, NULL, &status) == NULL);
    CHECK_INT(status, TX_ERR_IO);

    CHECK_INT(tx_input_mode_for_path("news.jsonl"), TX_INPUT_JSONL);
    CHECK_INT(tx_input_mode_for_path("NEWS.JSONL"), TX_INPUT_JSONL);
    CHECK_INT(tx_input_mode_for_path("dir/news.jsonl.gz"), TX_INPUT_JSONL);
    CHECK_INT(tx_input_mode_for_path("news.ndjson"), TX_INPUT_JSONL);
    CHECK_INT(tx_input_mode_for_path("news.json"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path("news.txt"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path("jsonl"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path("-"), TX_INPUT_AUTO);
    CHECK_INT(tx_input_mode_for_path(NULL), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path("news.ndjson.GZ"), TX_INPUT_JSONL);
    CHECK_INT(tx_input_mode_for_path("page.html"), TX_INPUT_HTML);
    CHECK_INT(tx_input_mode_for_path("page.HTM"), TX_INPUT_HTML);
    CHECK_INT(tx_input_mode_for_path("page.html.gz"), TX_INPUT_HTML);
    CHECK_INT(tx_input_mode_for_path("story.txt.gz"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path("story.gz"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path(".html"), TX_INPUT_TEXT);
}

static void test_dates(void)
{
    CHECK_INT(tx_article_date_int("2026-01-15"), 20260115);
    CHECK_INT(tx_article_date_int("20260115"), 20260115);
    CHECK_INT(tx_article_date_int("2026-01-15T08:30:00Z"), 20260115);
    CHECK_INT(tx_article_date_int("2026-01-15 08:30"), 20260115);
    CHECK_INT(tx_article_date_int("20260115T083000"), 20260115);
    CHECK_INT(tx_article_date_int("2024-02-29"), 20240229);
    CHECK_INT(tx_article_date_int("2000-02-29"), 20000229);
    CHECK_INT(tx_article_date_int("1900-02-29"), 0);
    CHECK_INT(tx_article_date_int("2023-02-29"), 0);
    CHECK_INT(tx_article_date_int("2026-04-31"), 0);
    CHECK_INT(tx_article_date_int("2026-13-01"), 0);
    CHECK_INT(tx_article_date_int("2026-01-00"), 0);
    CHECK_INT(tx_article_date_int("2026-1-5"), 0);
    CHECK_INT(tx_article_date_int("2026-01-15x"), 0);
    CHECK_INT(tx_article_date_int("1700000000"), 0);
    CHECK_INT(tx_article_date_int("abcd-01-15"), 0);
    CHECK_INT(tx_article_date_int("2026"), 0);
    CHECK_INT(tx_article_date_int(""), 0);
    CHECK_INT(tx_article_date_int(NULL), 0);
}

int main(void)
{
    snprintf(temp_dir, sizeof(temp_dir), "%s", "/tmp/tacitus-article-XXXXXX");
    if (!mkdtemp(temp_dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_jsonl();
    test_text();
    test_long_lines();
    test_directory();
    test_stream_sniffing();
    test_gzip();
    test_binary();
    test_html();
    test_oversize();
    test_summary();
    test_open_and_modes();
    test_dates();
    rmdir(temp_dir);
    tx_buf_free(&messages);
    return test_report("test_article");
}
