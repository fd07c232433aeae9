/* test_jsonw.c: JSON string escaping, numbers, and the comma-placing writer. */
#include "jsonw.h"
#include "test.h"

#include <jansson.h>
#include <limits.h>
#include <math.h>

/* The JSON text of s[0..n) as tx_json_string writes it; valid until the next call. */
static const char *S_escaped(const char *s, size_t n)
{
    static tx_buf b = TX_BUF_INIT;
    if (!s) {  /* the end of the test: free the buffer */
        tx_buf_free(&b);
        return NULL;
    }
    tx_buf_clear(&b);
    if (tx_json_string(&b, s, n) < 0)
        return "(failed)";
    return b.data;
}

/* Whether jansson reads `json` (a string literal) back as exactly s[0..n). */
static int S_reads_back(const char *json, const char *s, size_t n)
{
    json_error_t error;
    json_t *value = json_loads(json, JSON_DECODE_ANY | JSON_ALLOW_NUL, &error);
    int same = value && json_is_string(value) && json_string_length(value) == n &&
               memcmp(json_string_value(value), s, n) == 0;
    json_decref(value);
    return same;
}

static void test_escaping(void)
{
    CHECK_STR(S_escaped("", 0), "\"\"");
    tx_buf empty = TX_BUF_INIT;
    CHECK_INT(tx_json_string(&empty, NULL, 0), 0);  /* no text at all is "" */
    CHECK_STR(empty.data, "\"\"");
    tx_buf_free(&empty);
    CHECK_STR(S_escaped("plain text", 10), "\"plain text\"");
    CHECK_STR(S_escaped("a\"b\\c/d", 7), "\"a\\\"b\\\\c/d\"");
    CHECK_STR(S_escaped("\b\f\n\r\t", 5), "\"\\b\\f\\n\\r\\t\"");
    CHECK_STR(S_escaped("x\0y", 3), "\"x\\u0000y\"");
    CHECK_STR(S_escaped("\x01\x1f\x0b", 3), "\"\\u0001\\u001f\\u000b\"");
    CHECK_STR(S_escaped("del\x7f", 4), "\"del\x7f\"");

    /* Every control character: short escapes where JSON has them, \u00XX otherwise. */
    int controls_ok = 1;
    for (int c = 0; c < 0x20; c++) {
        char in = (char)c;
        const char *out = S_escaped(&in, 1);
        const char *want_short = c == '\b'   ? "\"\\b\""
                                 : c == '\f' ? "\"\\f\""
                                 : c == '\n' ? "\"\\n\""
                                 : c == '\r' ? "\"\\r\""
                                 : c == '\t' ? "\"\\t\""
                                              : NULL;
        char want[16];
        if (want_short)
            snprintf(want, sizeof(want), "%s", want_short);
        else
            snprintf(want, sizeof(want), "\"\\u%04x\"", (unsigned)c);
        if (strcmp(out, want) != 0 || !S_reads_back(out, &in, 1)) {
            fprintf(stderr, "control %#x: got %s want %s\n", (unsigned)c, out, want);
            controls_ok = 0;
        }
    }
    CHECK(controls_ok);

    /* UTF-8 passes through, except the two JavaScript line terminators. */
    const char *utf8 = "caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \xE2\x80\x99 \xE2\x80\xA7";
    CHECK_STR(S_escaped(utf8, strlen(utf8)),
              "\"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \xE2\x80\x99 \xE2\x80\xA7\"");
    const char *separators = "a\xE2\x80\xA8" "b\xE2\x80\xA9";
    CHECK_STR(S_escaped(separators, strlen(separators)), "\"a\\u2028b\\u2029\"");
    CHECK(S_reads_back(S_escaped(separators, strlen(separators)), separators, strlen(separators)));
    /* A lone E2 at the very end is not a separator; it is not ours to repair. */
    CHECK_STR(S_escaped("x\xE2\x80", 3), "\"x\xE2\x80\"");

    /* Only n bytes are read. */
    CHECK_STR(S_escaped("abc\"def", 3), "\"abc\"");

    const char *mixed = "He said \"no\"\n\tC:\\path \x01 \xE2\x80\xA8 end";
    CHECK(S_reads_back(S_escaped(mixed, strlen(mixed)), mixed, strlen(mixed)));
    S_escaped(NULL, 0);
}

static const char *S_number(double value)
{
    static char text[64];
    tx_buf b = TX_BUF_INIT;
    tx_json_number(&b, value);
    snprintf(text, sizeof(text), "%s", b.data ? b.data : "(none)");
    tx_buf_free(&b);
    return text;
}

static void test_numbers(void)
{
    CHECK_STR(S_number(3.4), "3.4");
    CHECK_STR(S_number(-10.0), "-10");
    CHECK_STR(S_number(0.0), "0");
    CHECK_STR(S_number(-4.4), "-4.4");
    CHECK_STR(S_number(0.1 + 0.2), "0.30000000000000004");
    CHECK_STR(S_number(1.0 / 3.0), "0.3333333333333333");
    CHECK_STR(S_number(1e300), "1e+300");
    CHECK_STR(S_number(2.5e-8), "2.5e-08");
    CHECK_STR(S_number(NAN), "null");
    CHECK_STR(S_number(INFINITY), "null");
    CHECK_STR(S_number(-INFINITY), "null");
    CHECK(strtod(S_number(0.1 + 0.2), NULL) == 0.1 + 0.2);
}

static void test_writer(void)
{
    tx_buf b = TX_BUF_INIT;
    tx_json_writer w;
    tx_json_init(&w, &b);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "id", "a\"1");
    tx_json_key_int(&w, "date", 20260115);
    tx_json_key_double(&w, "goldstein", -4.4);
    tx_json_key_null(&w, "url");
    tx_json_key_cstr(&w, "missing", NULL);
    tx_json_key_bool(&w, "ok", 1);
    tx_json_key(&w, "source");
    tx_json_begin(&w);
    tx_json_key_str(&w, "code", "USAGOV", 3);
    tx_json_key(&w, "empty");
    tx_json_begin(&w);
    tx_json_end(&w);
    tx_json_end(&w);
    tx_json_key(&w, "list");
    tx_json_begin_array(&w);
    tx_json_value_int(&w, LLONG_MIN);
    tx_json_value_int(&w, LLONG_MAX);
    tx_json_value_str(&w, "x", 1);
    tx_json_begin(&w);
    tx_json_key_int(&w, "n", 0);
    tx_json_end(&w);
    tx_json_begin_array(&w);
    tx_json_end_array(&w);
    tx_json_value_null(&w);
    tx_json_value_bool(&w, 0);
    tx_json_value_double(&w, 0.5);
    tx_json_end_array(&w);
    tx_json_key_raw(&w, "raw", "{\"k\":[1,2]}", 11);
    CHECK_INT(tx_json_end(&w), 0);
    CHECK_INT(w.failed, 0);
    CHECK_INT(w.depth, 0);
    CHECK_STR(b.data, "{\"id\":\"a\\\"1\",\"date\":20260115,\"goldstein\":-4.4,\"url\":null,"
                      "\"missing\":null,\"ok\":true,\"source\":{\"code\":\"USA\",\"empty\":{}},"
                      "\"list\":[-9223372036854775808,9223372036854775807,\"x\",{\"n\":0},[],"
                      "null,false,0.5],\"raw\":{\"k\":[1,2]}}");
    json_error_t error;
    json_t *parsed = json_loads(b.data, 0, &error);
    CHECK(parsed != NULL);
    CHECK_INT(json_integer_value(json_object_get(parsed, "date")), 20260115);
    CHECK_INT(json_integer_value(json_array_get(json_object_get(json_object_get(parsed, "raw"),
                                                                "k"), 1)), 2);
    CHECK_STR(json_string_value(json_object_get(parsed, "id")), "a\"1");
    json_decref(parsed);

    /* JSON Lines: values follow one another at depth 0; the caller adds the newline. */
    tx_buf_clear(&b);
    tx_json_init(&w, &b);
    for (int i = 0; i < 3; i++) {
        tx_json_begin(&w);
        tx_json_key_int(&w, "i", i);
        tx_json_end(&w);
        tx_buf_putc(&b, '\n');
    }
    CHECK_INT(w.failed, 0);
    CHECK_STR(b.data, "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n");
    tx_buf_free(&b);
}

static void test_misuse(void)
{
    tx_buf b = TX_BUF_INIT;
    tx_json_writer w;

    tx_json_init(&w, &b);  /* a value in an object without a key */
    tx_json_begin(&w);
    CHECK_INT(tx_json_value_int(&w, 1), -1);
    CHECK_INT(w.failed, 1);
    CHECK_INT(tx_json_key_int(&w, "later", 2), -1);  /* sticky */

    tx_buf_clear(&b);
    tx_json_init(&w, &b);  /* a key outside an object */
    CHECK_INT(tx_json_key(&w, "k"), -1);

    tx_json_init(&w, &b);  /* a key inside an array */
    tx_json_begin_array(&w);
    CHECK_INT(tx_json_key(&w, "k"), -1);

    tx_json_init(&w, &b);  /* mismatched ends */
    CHECK_INT(tx_json_end(&w), -1);
    tx_json_init(&w, &b);
    tx_json_begin(&w);
    CHECK_INT(tx_json_end_array(&w), -1);
    tx_json_init(&w, &b);
    tx_json_begin(&w);
    tx_json_key(&w, "dangling");
    CHECK_INT(tx_json_end(&w), -1);
    tx_json_init(&w, &b);
    tx_json_begin(&w);
    tx_json_key(&w, "a");
    CHECK_INT(tx_json_key(&w, "b"), -1);

    tx_json_init(&w, &b);  /* nesting limit */
    int depth_ok = 1;
    for (int i = 0; i < TX_JSON_DEPTH_MAX; i++)
        if (tx_json_begin_array(&w) < 0)
            depth_ok = 0;
    CHECK(depth_ok);
    CHECK_INT(tx_json_begin_array(&w), -1);
    tx_buf_free(&b);
}

int main(void)
{
    test_escaping();
    test_numbers();
    test_writer();
    test_misuse();
    return test_report("test_jsonw");
}
