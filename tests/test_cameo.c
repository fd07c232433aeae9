/* test_cameo.c: the CAMEO code table in data/cameo.tsv and the code arithmetic. */
#include "cameo.h"
#include "test.h"

#include <math.h>

/* Collects diagnostics so tests can look at what was reported. */
typedef struct {
    char text[2048];
    size_t len;
} messages;

static void S_collect(void *ctx, const char *file, unsigned long line, const char *message)
{
    messages *m = ctx;
    int n = snprintf(m->text + m->len, sizeof(m->text) - m->len, "%s:%lu: %s\n", file, line,
                     message);
    if (n > 0)
        m->len = TX_MIN(m->len + (size_t)n, sizeof(m->text) - 1);
}

static void test_data_file(void)
{
    tx_status status = TX_ERR_USAGE;
    tx_diag diag = TX_DIAG_INIT;
    tx_cameo *cameo = tx_cameo_load("data/cameo.tsv", &diag, &status);
    CHECK(cameo != NULL);
    CHECK_INT(status, TX_OK);
    CHECK_INT(diag.count, 0);
    if (!cameo)
        return;
    CHECK_INT(tx_cameo_count(cameo), 311);

    const tx_cameo_code *c = tx_cameo_find(cameo, "0232");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->code, "0232");
        CHECK(fabs(c->goldstein - 3.4) < 1e-9);
        CHECK_STR(c->root, "02");
        CHECK_INT(c->quad_class, 1);
        CHECK_STR(c->name, "Appeal for military aid");
    }
    c = tx_cameo_find(cameo, "130");
    CHECK(c && c->quad_class == 3 && fabs(c->goldstein + 4.4) < 1e-9);
    c = tx_cameo_find(cameo, "190");
    CHECK(c && c->quad_class == 4 && fabs(c->goldstein + 10.0) < 1e-9);
    CHECK_STR(c ? c->root : NULL, "19");
    c = tx_cameo_find(cameo, "057");
    CHECK(c && c->quad_class == 1 && fabs(c->goldstein - 8.0) < 1e-9);
    CHECK_STR(c ? c->name : NULL, "Sign formal agreement");
    c = tx_cameo_find(cameo, "20");
    CHECK(c && c->quad_class == 4 && strcmp(c->root, "20") == 0);

    CHECK(tx_cameo_find(cameo, "0235") == NULL);
    CHECK(tx_cameo_find(cameo, "901") == NULL);
    CHECK(tx_cameo_find(cameo, "174K") == NULL);
    CHECK(tx_cameo_find(cameo, "02320") == NULL);
    CHECK(tx_cameo_find(cameo, "") == NULL);
    CHECK(tx_cameo_find(cameo, NULL) == NULL);

    /* Listed in code order, every entry consistent with the arithmetic. */
    int ordered = 1, consistent = 1;
    for (size_t i = 0; i < tx_cameo_count(cameo); i++) {
        const tx_cameo_code *e = tx_cameo_at(cameo, i);
        if (i > 0 && strcmp(tx_cameo_at(cameo, i - 1)->code, e->code) >= 0)
            ordered = 0;
        char root[3];
        tx_cameo_root(e->code, root);
        if (strcmp(root, e->root) != 0 || e->quad_class != tx_cameo_quad_class(e->code) ||
            e->quad_class < 1 || tx_cameo_find(cameo, e->code) != e)
            consistent = 0;
    }
    CHECK(ordered);
    CHECK(consistent);
    CHECK(tx_cameo_at(cameo, 311) == NULL);
    CHECK_STR(tx_cameo_at(cameo, 0)->code, "01");
    tx_cameo_free(cameo);
}

static void test_arithmetic(void)
{
    CHECK_INT(tx_cameo_quad_class("010"), 1);
    CHECK_INT(tx_cameo_quad_class("0551"), 1);
    CHECK_INT(tx_cameo_quad_class("061"), 2);
    CHECK_INT(tx_cameo_quad_class("094"), 2);
    CHECK_INT(tx_cameo_quad_class("100"), 3);
    CHECK_INT(tx_cameo_quad_class("145"), 3);
    CHECK_INT(tx_cameo_quad_class("150"), 4);
    CHECK_INT(tx_cameo_quad_class("174K"), 4);
    CHECK_INT(tx_cameo_quad_class("2042"), 4);
    CHECK_INT(tx_cameo_quad_class("901"), 0);
    CHECK_INT(tx_cameo_quad_class("000"), 0);
    CHECK_INT(tx_cameo_quad_class("210"), 0);
    CHECK_INT(tx_cameo_quad_class("---"), 0);
    CHECK_INT(tx_cameo_quad_class("1"), 0);
    CHECK_INT(tx_cameo_quad_class(""), 0);
    CHECK_INT(tx_cameo_quad_class(NULL), 0);

    char root[3] = "xx";
    tx_cameo_root("174K", root);
    CHECK_STR(root, "17");
    tx_cameo_root("0232", root);
    CHECK_STR(root, "02");
    tx_cameo_root("901", root);
    CHECK_STR(root, "");
    tx_cameo_root(NULL, root);
    CHECK_STR(root, "");
}

static void test_malformed(void)
{
    static const char table[] =
        "# a comment\n"                /* 1 */
        "\n"                           /* 2 */
        "01\t0.0\tStatement\n"         /* 3 */
        "0232\t3.4\n"                  /* 4: no name */
        "057\teight\tSign\n"           /* 5: weight not a number */
        "ABC\t1.0\tLetters\n"          /* 6: not digits */
        "2101\t1.0\tNo such root\n"    /* 7: root 21 */
        "190\t-11\tToo low\n"          /* 8: out of range */
        "01\t1.0\tTwice\n"             /* 9: duplicate */
        "190\t-10.0\tFight\t#x\n"      /* 10: a fourth field */
        "190\t-10.0\tFight #1\r\n";    /* 11: fine, CRLF, # in the name kept */
    messages m = {{0}, 0};
    tx_diag diag = {S_collect, &m, 0, 0};
    tx_status status = TX_ERR_USAGE;
    tx_cameo *cameo = tx_cameo_load_buffer("inline", table, sizeof(table) - 1, &diag, &status);
    CHECK(cameo != NULL);
    CHECK_INT(status, TX_OK);
    CHECK_INT(diag.count, 7);
    CHECK_INT(tx_cameo_count(cameo), 2);
    CHECK(strstr(m.text, "inline:4: expected three tab-separated fields") != NULL);
    CHECK(strstr(m.text, "inline:5: expected a Goldstein weight from -10 to 10, got \"eight\"") !=
          NULL);
    CHECK(strstr(m.text, "inline:6: expected a code of 2 to 4 digits") != NULL);
    CHECK(strstr(m.text, "inline:7: expected a code") != NULL);
    CHECK(strstr(m.text, "inline:8: expected a Goldstein weight") != NULL);
    CHECK(strstr(m.text, "inline:9: expected each code once; 01 is already defined") != NULL);
    CHECK(strstr(m.text, "inline:10: expected three tab-separated fields") != NULL);
    const tx_cameo_code *c = tx_cameo_find(cameo, "190");
    CHECK_STR(c ? c->name : NULL, "Fight #1");
    c = tx_cameo_find(cameo, "01");
    CHECK_STR(c ? c->name : NULL, "Statement");
    tx_cameo_free(cameo);

    /* Nothing usable at all is an error, not an empty table. */
    m.len = 0;
    diag.count = 0;
    cameo = tx_cameo_load_buffer("empty", "# only\n\nxx\n", 11, &diag, &status);
    CHECK(cameo == NULL);
    CHECK_INT(status, TX_ERR_SYNTAX);
    CHECK_INT(diag.count, 2);

    cameo = tx_cameo_load("no/such/file.tsv", NULL, &status);
    CHECK(cameo == NULL);
    CHECK_INT(status, TX_ERR_IO);
    tx_cameo_free(NULL);
}

int main(void)
{
    test_data_file();
    test_arithmetic();
    test_malformed();
    return test_report("test_cameo");
}
