/* test_utf8.c: UTF-8 validation, U+FFFD repair with exact offsets, and white space. */
#include "test.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* The reports of one repair, in order. */
typedef struct {
    size_t offset[16], length[16];
    int count;
} reports;

static void S_record(void *ctx, size_t offset, size_t length)
{
    reports *r = ctx;
    if (r->count < 16) {
        r->offset[r->count] = offset;
        r->length[r->count] = length;
    }
    r->count++;
}

/* Repairs s[0..n) and checks the output, the count, and one report at (offset, length). */
static void S_check_one(const char *s, size_t n, const char *want, size_t offset, size_t length)
{
    tx_buf out = TX_BUF_INIT;
    reports r = {{0}, {0}, 0};
    CHECK_INT(tx_utf8_repair(s, n, &out, S_record, &r), 1);
    CHECK_STR(out.data, want);
    CHECK_INT(r.count, 1);
    CHECK_INT(r.offset[0], offset);
    CHECK_INT(r.length[0], length);
    CHECK_INT(tx_utf8_validate(s, n), offset);
    CHECK_INT(tx_utf8_validate(out.data, out.len), out.len);
    tx_buf_free(&out);
}

static void test_validate(void)
{
    CHECK_INT(tx_utf8_validate("", 0), 0);
    CHECK_INT(tx_utf8_validate("plain ASCII text", 16), 16);
    /* é € 😀 ’ */
    const char *mixed = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE2\x80\x99";
    CHECK_INT(tx_utf8_validate(mixed, strlen(mixed)), strlen(mixed));
    /* Table edges: U+0080 U+07FF U+0800 U+D7FF U+E000 U+FFFF U+10000 U+10FFFF. */
    const char *edges = "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
                        "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
    CHECK_INT(tx_utf8_validate(edges, strlen(edges)), strlen(edges));

    CHECK_INT(tx_utf8_validate("ab\x80" "cd", 5), 2);            /* lone continuation */
    CHECK_INT(tx_utf8_validate("ab\xE2\x82", 4), 2);             /* truncated at the end */
    CHECK_INT(tx_utf8_validate("ab\xE2\x82z", 5), 2);            /* truncated before ASCII */
    CHECK_INT(tx_utf8_validate("\xC0\x80", 2), 0);               /* overlong NUL */
    CHECK_INT(tx_utf8_validate("x\xC1\xBF", 3), 1);              /* overlong 2-byte */
    CHECK_INT(tx_utf8_validate("xy\xE0\x80\x80", 5), 2);         /* overlong 3-byte */
    CHECK_INT(tx_utf8_validate("\xF0\x80\x80\x80", 4), 0);       /* overlong 4-byte */
    CHECK_INT(tx_utf8_validate("abc\xED\xA0\x80", 6), 3);        /* surrogate U+D800 */
    CHECK_INT(tx_utf8_validate("\xED\xBF\xBF", 3), 0);           /* surrogate U+DFFF */
    CHECK_INT(tx_utf8_validate("\xF4\x90\x80\x80", 4), 0);       /* U+110000 */
    CHECK_INT(tx_utf8_validate("a\xF5\x80\x80\x80", 5), 1);      /* F5 never starts */
    CHECK_INT(tx_utf8_validate("a\xFF", 2), 1);
    CHECK_INT(tx_utf8_validate("a\xFE", 2), 1);
    CHECK_INT(tx_utf8_validate("ab\0cd", 5), 2);                 /* NUL is invalid too */

    /* Errors inside and right after the eight-byte ASCII fast path. */
    const char *long_text = "0123456789abcdefghij\x80";
    CHECK_INT(tx_utf8_validate(long_text, 21), 20);
    CHECK_INT(tx_utf8_validate("0123456789\0abcdefghij", 21), 10);
    CHECK_INT(tx_utf8_validate("01234567\xC3\xA9" "0123456\xC3", 18), 17);
}

static void test_repair(void)
{
    S_check_one("ab\x80" "cd", 5, "ab" FFFD "cd", 2, 1);
    S_check_one("ab\xE2\x82", 4, "ab" FFFD, 2, 2);
    S_check_one("ab\xE2\x82z", 5, "ab" FFFD "z", 2, 2);
    S_check_one("\xC0\x80", 2, FFFD, 0, 2);               /* one run, one replacement */
    S_check_one("x\xED\xA0\x80y", 5, "x" FFFD "y", 1, 3);  /* ED, A0 and 80 form one run */
    S_check_one("\xF5\x80\x80\x80" "A", 5, FFFD "A", 0, 4);
    S_check_one("ok\xFF\xFE\xFD", 5, "ok" FFFD, 2, 3);
    S_check_one("\xF0\x80\x80\x80", 4, FFFD, 0, 4);
    S_check_one("nul\0byte", 8, "nul" FFFD "byte", 3, 1);
    /* The run stops where a valid character starts: E1 then E1 80 80 (U+1000). */
    S_check_one("\xE1\xE1\x80\x80", 4, FFFD "\xE1\x80\x80", 0, 1);
    S_check_one("a\xC3", 2, "a" FFFD, 1, 1);

    /* Separate runs give separate reports, with offsets into the input. */
    tx_buf out = TX_BUF_INIT;
    reports r = {{0}, {0}, 0};
    const char *two = "\xE2\x80\x9Cx\x80y\xC3\xA9z\xC0\xAF\xE2\x80\x9D";
    CHECK_INT(tx_utf8_repair(two, strlen(two), &out, S_record, &r), 2);
    CHECK_STR(out.data, "\xE2\x80\x9Cx" FFFD "y\xC3\xA9z" FFFD "\xE2\x80\x9D");
    CHECK_INT(r.count, 2);
    CHECK_INT(r.offset[0], 4);
    CHECK_INT(r.length[0], 1);
    CHECK_INT(r.offset[1], 9);
    CHECK_INT(r.length[1], 2);

    /* Valid input is copied unchanged; the buffer is cleared first; report may be NULL. */
    const char *valid = "Mr Biden\xE2\x80\x99s aide";
    CHECK_INT(tx_utf8_repair(valid, strlen(valid), &out, NULL, NULL), 0);
    CHECK_STR(out.data, valid);
    CHECK_INT(out.len, strlen(valid));
    CHECK_INT(tx_utf8_repair("a\x80", 2, &out, NULL, NULL), 1);
    CHECK_STR(out.data, "a" FFFD);
    CHECK_INT(tx_utf8_repair("", 0, &out, NULL, NULL), 0);
    CHECK(out.data != NULL);
    CHECK_INT(out.len, 0);
    CHECK_STR(out.data, "");
    tx_buf_free(&out);

    tx_buf empty = TX_BUF_INIT;
    CHECK_INT(tx_utf8_repair("", 0, &empty, NULL, NULL), 0);
    CHECK(empty.data != NULL && empty.data[0] == '\0');
    tx_buf_free(&empty);
}

/* Binary junk: the repair is valid, idempotent, and one pass even for a long invalid run. */
static void test_junk(void)
{
    enum { SIZE = 1 << 20 };
    char *junk = malloc(SIZE);
    CHECK(junk != NULL);
    if (!junk)
        return;
    uint32_t state = 12345;
    for (size_t i = 0; i < SIZE; i++) {
        state = state * 1103515245u + 12345u;
        junk[i] = (char)(state >> 16);
    }
    tx_buf out = TX_BUF_INIT, again = TX_BUF_INIT;
    long replaced = tx_utf8_repair(junk, SIZE, &out, NULL, NULL);
    CHECK(replaced > 0);
    CHECK_INT(tx_utf8_validate(out.data, out.len), out.len);
    CHECK_INT(tx_utf8_repair(out.data, out.len, &again, NULL, NULL), 0);
    CHECK_INT(again.len, out.len);
    CHECK(memcmp(again.data, out.data, out.len) == 0);

    memset(junk, 0xFF, SIZE);  /* one megabyte of invalid bytes is one run */
    reports r = {{0}, {0}, 0};
    CHECK_INT(tx_utf8_repair(junk, SIZE, &out, S_record, &r), 1);
    CHECK_STR(out.data, FFFD);
    CHECK_INT(r.offset[0], 0);
    CHECK_INT(r.length[0], SIZE);

    memset(junk, 0x80, SIZE);
    memcpy(junk + SIZE - 3, "end", 3);
    CHECK_INT(tx_utf8_repair(junk, SIZE, &out, NULL, NULL), 1);
    CHECK_STR(out.data, FFFD "end");
    tx_buf_free(&out);
    tx_buf_free(&again);
    free(junk);
}

static void test_space(void)
{
    CHECK_INT(tx_utf8_space(" x", 2), 1);
    CHECK_INT(tx_utf8_space("\t", 1), 1);
    CHECK_INT(tx_utf8_space("\n", 1), 1);
    CHECK_INT(tx_utf8_space("\r", 1), 1);
    CHECK_INT(tx_utf8_space("x", 1), 0);
    CHECK_INT(tx_utf8_space("", 0), 0);
    CHECK_INT(tx_utf8_space("\xC2\xA0", 2), 2);      /* no-break space */
    CHECK_INT(tx_utf8_space("\xC2\x85", 2), 2);      /* NEL */
    CHECK_INT(tx_utf8_space("\xC2\xA9", 2), 0);      /* © */
    CHECK_INT(tx_utf8_space("\xC2", 1), 0);          /* truncated: not read past n */
    CHECK_INT(tx_utf8_space("\xE2\x80\x89", 3), 3);  /* thin space */
    CHECK_INT(tx_utf8_space("\xE2\x80\x8B", 3), 3);  /* zero-width space */
    CHECK_INT(tx_utf8_space("\xE2\x80\xAF", 3), 3);  /* narrow no-break space */
    CHECK_INT(tx_utf8_space("\xE2\x80\xA8", 3), 3);  /* line separator */
    CHECK_INT(tx_utf8_space("\xE2\x81\x9F", 3), 3);
    CHECK_INT(tx_utf8_space("\xE3\x80\x80", 3), 3);  /* ideographic space */
    CHECK_INT(tx_utf8_space("\xEF\xBB\xBF", 3), 3);  /* BOM */
    CHECK_INT(tx_utf8_space("\xE1\x9A\x80", 3), 3);
    CHECK_INT(tx_utf8_space("\xE2\x80\x99", 3), 0);  /* ’ */
    CHECK_INT(tx_utf8_space("\xE2\x80\x94", 3), 0);  /* — */
    CHECK_INT(tx_utf8_space("\xE2\x80", 2), 0);
}

int main(void)
{
    test_validate();
    test_repair();
    test_junk();
    test_space();
    return test_report("test_utf8");
}
