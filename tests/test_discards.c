/* test_discards.c: the discard list: sentence and story phrases, stems, whole words. */
#include "buffer.h"
#include "discards.h"
#include "fold.h"
#include "test.h"
#include "helpers.h"

static tx_tokens tokens = TX_TOKENS_INIT;

static tx_discard_kind S_match(const tx_discards *d, const char *text)
{
    test_tokens(&tokens, NULL, text);
    return tx_discards_match(d, &tokens, NULL, NULL, NULL);
}

static void test_validate(void)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/PETR.Validate.discards.txt",
             test_shared_dir());
    tx_discards *d = tx_discards_new();
    tx_diag diag = TX_DIAG_INIT;
    tx_status st = tx_discards_load(d, path, &diag);
    if (st == TX_ERR_IO) {
        SKIP("PETR.Validate.discards.txt not found under $TACITUS_SHARED or ../shared");
        tx_discards_free(d);
        return;
    }
    CHECK_INT(st, TX_OK);
    CHECK_INT(diag.count, 0);
    CHECK_INT(S_match(d, "Reports say a typhoon trashed the village ."), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "Typhoons struck"), TX_DISCARD_STORY);  /* a stem */
    CHECK_INT(S_match(d, "the typhoon , which"), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "before the World Golf Championships"), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "a baseball competition"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "the African Nations Cup"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "at the end of the African Nations Cup ."), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "Months later"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "Manchester United won"), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "on ESPN2"), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "African Nations met"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, "World Golf"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, "the months were later"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, "Gondor protested"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, ""), TX_DISCARD_NONE);

    size_t first = 0, count = 0;
    const char *phrase = NULL;
    test_tokens(&tokens, NULL, "the baseball fans saw a typhoon");
    CHECK_INT(tx_discards_match(d, &tokens, &first, &count, &phrase), TX_DISCARD_STORY);
    CHECK_INT(first, 5);  /* the story phrase outranks the earlier sentence phrase */
    CHECK_INT(count, 1);
    CHECK_STR(phrase, "TYPHOON");
    test_tokens(&tokens, NULL, "the World Golf Championships");
    CHECK_INT(tx_discards_match(d, &tokens, &first, &count, &phrase), TX_DISCARD_STORY);
    CHECK_INT(first, 1);
    CHECK_INT(count, 3);
    CHECK_STR(phrase, "World Golf Championships");
    tx_discards_free(d);
}

static const char *const rules_list =
    "# invented discards\n"
    "QUIDDITCH\n"
    "+ TRIWIZARD TOURNAMENT\n"
    "POOL A_\n"
    "POOL B\n"
    "HOUSE_CUP_\n"
    "+WIZARDS'S CHESS\n"
    "LEAGUE MATCH\n"
    "+LEAGUE MATCH\n"
    "<!-- not a phrase -->\n";

static void test_rules(void)
{
    tx_discards *d = tx_discards_new();
    tx_diag diag = TX_DIAG_INIT;
    CHECK_INT(tx_discards_load_buffer(d, "rules", rules_list, strlen(rules_list), &diag), TX_OK);
    CHECK_INT(diag.count, 0);
    CHECK_INT(S_match(d, "quidditch"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "Quidditch-playing"), TX_DISCARD_SENTENCE);    /* prefix */
    CHECK_INT(S_match(d, "Triwizard Tournaments"), TX_DISCARD_STORY); /* blank after + */
    CHECK_INT(S_match(d, "Triwizards Tournament"), TX_DISCARD_NONE);  /* only the last word */
    CHECK_INT(S_match(d, "in Pool A ,"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "in Pool A"), TX_DISCARD_SENTENCE);          /* at the very end */
    CHECK_INT(S_match(d, "in Pool Alpha"), TX_DISCARD_NONE);          /* '_': whole word */
    CHECK_INT(S_match(d, "in Pool Beta"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "the house cup"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "the house cups"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, "Wizards 's chess"), TX_DISCARD_STORY);      /* possessive split */
    CHECK_INT(S_match(d, "a league match"), TX_DISCARD_STORY);        /* both: story wins */
    tx_discards_free(d);

    d = tx_discards_new();
    problems seen = {{0}, 0, {0}};
    diag.count = 0;
    diag.report = S_record;
    diag.ctx = &seen;
    static const char bad[] = "GOOD\n+\n+   \n_\n+_ _\n";
    CHECK_INT(tx_discards_load_buffer(d, "bad", bad, sizeof(bad) - 1, &diag), TX_OK);
    CHECK_INT(seen.count, 4);  /* "+   " is trimmed to "+" by the line reader */
    CHECK_INT(seen.lines[0], 2);
    CHECK_INT(seen.lines[1], 3);
    CHECK_INT(seen.lines[2], 4);
    CHECK_INT(seen.lines[3], 5);
    CHECK_INT(S_match(d, "good"), TX_DISCARD_SENTENCE);
    CHECK_INT(tx_discards_load(d, "/nonexistent/discards.txt", &diag), TX_ERR_IO);
    tx_discards_free(d);
}

static void test_phoenix(void)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/Phoenix.discards.txt",
             test_shared_dir());
    tx_discards *d = tx_discards_new();
    tx_diag diag = TX_DIAG_INIT;
    diag.quiet = 1;
    tx_status st = tx_discards_load(d, path, &diag);
    if (st == TX_ERR_IO) {
        SKIP("Phoenix.discards.txt not found under $TACITUS_SHARED or ../shared");
        tx_discards_free(d);
        return;
    }
    CHECK_INT(st, TX_OK);
    CHECK_INT(diag.count, 0);
    CHECK_INT(S_match(d, "in Group A"), TX_DISCARD_SENTENCE);
    CHECK_INT(S_match(d, "in Group Athens"), TX_DISCARD_NONE);
    CHECK_INT(S_match(d, "the women 's doubles final"), TX_DISCARD_STORY);
    CHECK_INT(S_match(d, "Minister Andre Agassi said"), TX_DISCARD_STORY);
    tx_discards_free(d);
}

int main(void)
{
    test_validate();
    test_rules();
    test_phoenix();
    free(tokens.items);
    tx_buf_free(&tokens.keys);
    return test_report("test_discards");
}
