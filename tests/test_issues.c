/* test_issues.c: the issue list: n:, v: and + expansions, ignore phrases, counting. */
#include "buffer.h"
#include "fold.h"
#include "issues.h"
#include "test.h"
#include "helpers.h"

static tx_tokens tokens = TX_TOKENS_INIT;
static tx_issue_count found[8];

/* The issues of `text` written as "CODE n, CODE n". */
static const char *S_issues(const tx_issues *is, const char *text)
{
    static char out[256];
    test_tokens(&tokens, NULL, text);
    size_t n = tx_issues_match(is, &tokens, found, TX_ARRAY_SIZE(found));
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s %u", i ? ", " : "",
                 found[i].code, found[i].count);
    return out;
}

static const char *const rules_list =
    "# invented issues\n"
    "<ISSUE CATEGORY=\"MAGIC\" TYPE=\"ALL\">\n"
    "n:wand [WANDS]\n"
    "n:academy [SCHOOLS]\n"
    "flying v:broom [TRANSPORT]\n"
    "v:apparate [TRANSPORT]\n"
    "floo+n:network [TRANSPORT]\n"
    "dark n:wizard [DARK_ARTS]\n"
    "dark arts [DARK_ARTS]\n"
    "wizard [WIZARDS]\n"
    "elder wand [WANDS]\n"
    "elder wand [LEGENDS]\n"
    "phoenix_feather wand[WANDS]\n"
    "~toy wand\n"
    "~~defence against the dark arts\n"
    "</ISSUE>\n";

static void test_rules(void)
{
    tx_issues *is = tx_issues_new();
    tx_diag diag = TX_DIAG_INIT;
    CHECK_INT(tx_issues_load_buffer(is, "rules", rules_list, strlen(rules_list), &diag), TX_OK);
    CHECK_INT(diag.count, 0);
    CHECK_STR(S_issues(is, "a wand"), "WANDS 1");
    CHECK_STR(S_issues(is, "two wands and a wand"), "WANDS 2");
    CHECK_STR(S_issues(is, "the academies"), "SCHOOLS 1");              /* Y -> IES */
    CHECK_STR(S_issues(is, "the academys"), "");
    CHECK_STR(S_issues(is, "flying brooms"), "TRANSPORT 1");            /* v: +S */
    CHECK_STR(S_issues(is, "flying broomed"), "TRANSPORT 1");           /* v: +ED */
    CHECK_STR(S_issues(is, "flying brooming"), "TRANSPORT 1");          /* v: +ING */
    CHECK_STR(S_issues(is, "they apparated"), "TRANSPORT 1");           /* E-final: +D */
    CHECK_STR(S_issues(is, "apparating"), "TRANSPORT 1");               /* E-final: -E +ING */
    CHECK_STR(S_issues(is, "apparateing"), "");
    CHECK_STR(S_issues(is, "the floo networks"), "TRANSPORT 1");        /* + as a blank */
    CHECK_STR(S_issues(is, "the Floo-network"), "TRANSPORT 1");         /* + as a hyphen */
    CHECK_STR(S_issues(is, "the floo-networks"), "TRANSPORT 1");
    CHECK_STR(S_issues(is, "dark wizards and dark arts"), "DARK_ARTS 2");
    CHECK_STR(S_issues(is, "a dark wizard"), "DARK_ARTS 1");  /* the longest phrase only */
    CHECK_STR(S_issues(is, "a wizard and a wand"), "WIZARDS 1, WANDS 1");  /* first seen */
    CHECK_STR(S_issues(is, "the elder wand"), "WANDS 1, LEGENDS 1");  /* two codes */
    CHECK_STR(S_issues(is, "a phoenix feather wand"), "WANDS 1");  /* '_' and no blank before [ */
    CHECK_STR(S_issues(is, "a toy wand and a wizard"), "");           /* ignore phrase */
    CHECK_STR(S_issues(is, "wizard teaching defence against the dark arts"), "");
    CHECK_STR(S_issues(is, ""), "");

    /* At most `max` codes are written. */
    test_tokens(&tokens, NULL, "wizard wand academy");
    CHECK_INT(tx_issues_match(is, &tokens, found, 2), 2);
    CHECK_STR(found[1].code, "WANDS");
    CHECK_INT(tx_issues_match(is, &tokens, found, 0), 0);
    tx_issues_free(is);

    is = tx_issues_new();
    problems seen = {{0}, 0, {0}};
    diag.report = S_record;
    diag.ctx = &seen;
    static const char bad[] =
        "goblin gold\n"                    /* 1: no code */
        "bank [BANKS\n"                    /* 2: no ']' */
        "vault []\n"                       /* 3: empty code */
        " [BANKS]\n"                       /* 4: no phrase */
        "gringotts [BANKS] gringotts [X]\n"  /* 5: two on one line: the first stands */
        "~\n"                              /* 6: empty ignore phrase */
        "galleon [COINS]\n";
    CHECK_INT(tx_issues_load_buffer(is, "bad", bad, sizeof(bad) - 1, &diag), TX_OK);
    CHECK_INT(seen.count, 6);
    for (size_t i = 0; i < 6 && i < seen.count; i++)
        CHECK_INT(seen.lines[i], i + 1);
    CHECK_STR(S_issues(is, "gringotts galleon"), "BANKS 1, COINS 1");
    CHECK_INT(tx_issues_load(is, "/nonexistent/issues.txt", &diag), TX_ERR_IO);
    tx_issues_free(is);
}

static void test_phoenix(void)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/Phoenix.IssueCoding.txt",
             test_shared_dir());
    tx_issues *is = tx_issues_new();
    tx_diag diag = TX_DIAG_INIT;
    diag.quiet = 1;
    tx_status st = tx_issues_load(is, path, &diag);
    if (st == TX_ERR_IO) {
        SKIP("Phoenix.IssueCoding.txt not found under $TACITUS_SHARED or ../shared");
        tx_issues_free(is);
        return;
    }
    CHECK_INT(st, TX_OK);
    /* 13 lines without a code (141-147, 1040, 1183, 1219-1221, 2250) and 4 with text after
     * the code (1198, 2521, 2889, 3053). */
    CHECK_INT(diag.count, 17);
    CHECK_STR(S_issues(is, "new kindergartens opened"), "EARLY_CHILDHOOD_EDUCATION 1");
    CHECK_STR(S_issues(is, "pre-k and pre k classes"), "EARLY_CHILDHOOD_EDUCATION 2");
    CHECK_STR(S_issues(is, "petroleum and kerosene prices rose"), "OIL 2");
    CHECK_STR(S_issues(is, "olive oil prices rose"), "");
    /* Line 296 "~~oil" (in CRIME) is an ignore phrase, and any ignore phrase cancels every
     * issue of the sentence (DICTIONARY_FORMATS.md §6), so "oil" never yields OIL. */
    CHECK_STR(S_issues(is, "oil prices rose"), "");
    tx_issues_free(is);
}

int main(void)
{
    test_rules();
    test_phoenix();
    free(tokens.items);
    tx_buf_free(&tokens.keys);
    return test_report("test_issues");
}
