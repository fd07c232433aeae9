/* test_article.c: article input: JSON Lines records, text streams, limits and dates. */
#include "article.h"
#include "buffer.h"
#include "test.h"

#include <unistd.h>

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
    CHECK_INT(tx_input_mode_for_path("-"), TX_INPUT_TEXT);
    CHECK_INT(tx_input_mode_for_path(NULL), TX_INPUT_TEXT);
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
    test_open_and_modes();
    test_dates();
    rmdir(temp_dir);
    tx_buf_free(&messages);
    return test_report("test_article");
}
