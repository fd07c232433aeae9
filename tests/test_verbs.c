/* test_verbs.c: the verb dictionary reader: blocks, forms, multi-word verbs, synsets, patterns. */
#include "fold.h"
#include "lexicon.h"
#include "test.h"
#include "helpers.h"
#include "verbs.h"

#include <stdlib.h>

static const char *const S_dict =
    "<!-- a comment\n"
    "   spanning lines -->\n"
    "&MONEY\n"
    "+DOLLAR\n"
    "+SWISS FRANCS\n"
    "+GOLD_COIN_\n"
    "&NESTED_\n"
    "+&MONEY\n"
    "+CRATE\n"
    "\n"
    "--- DONATE  [070]  ---\n"
    "DONATE   # a comment\n"
    "GIVE {GAVE, GIVEN}\n"
    "+HAND_OVER [071]\n"
    "- * &MONEY [903]\n"
    "- * FOOD_AID [072]\n"
    "- + WAS_* BY $ [073:074]\n"
    "- NOT * [---]\n"
    "--- STUDY [---] ---\n"
    "STUDY\n"
    "- * &NESTED [011]\n"
    "- * &UNDEFINED [012]\n"
    "- * TWO * STARS [013]\n"
    "PATTERN_OUTSIDE [x\n";

typedef struct {
    unsigned long lines[8];
    int n;
} seen;

static void S_report(void *ctx, const char *file, unsigned long line, const char *message)
{
    (void)file, (void)message;
    seen *s = ctx;
    if (s->n < 8)
        s->lines[s->n++] = line;
}

static const tx_verb_form *S_form(tx_verbs *v, tx_lexicon *lex, const char *text, size_t *len)
{
    tx_tokens t = TX_TOKENS_INIT;
    test_tokens(&t, lex, text);
    uint32_t form = 0;
    *len = tx_verbs_match(v, &t, 0, &form);
    tx_tokens_free(&t);
    return *len ? &v->forms[form] : NULL;
}

int main(void)
{
    tx_lexicon *lex = tx_lexicon_new();
    tx_verbs *v = tx_verbs_new(lex);
    seen s = {0};
    tx_diag diag = {S_report, &s, 0, 0};
    CHECK_INT(tx_verbs_load_buffer(v, "inline", S_dict, strlen(S_dict), &diag), TX_OK);
    CHECK_INT(v->n_blocks, 2);
    CHECK_STR(v->blocks[0].name, "DONATE");
    CHECK_STR(v->blocks[0].code, "070");

    size_t len;
    const tx_verb_form *f = S_form(v, lex, "donated", &len);
    CHECK(f && f->kind == TX_FORM_PAST && f->block == 0);
    CHECK((f = S_form(v, lex, "donates", &len)) && f->kind == TX_FORM_THIRD);
    CHECK((f = S_form(v, lex, "donating", &len)) && f->kind == TX_FORM_GERUND);
    CHECK((f = S_form(v, lex, "given", &len)) && f->kind == TX_FORM_EXPLICIT);
    CHECK(S_form(v, lex, "gives", &len) == NULL);  /* explicit forms replace regular ones */
    f = S_form(v, lex, "handed over", &len);
    CHECK(f && len == 2 && f->head == 0);
    CHECK_STR(f ? f->code : NULL, "071");
    CHECK((f = S_form(v, lex, "studied", &len)) && f->block == 1);

    /* patterns: heaviest first within the block; elements and connectors */
    const tx_verb_block *b = &v->blocks[0];
    CHECK_INT(b->n_patterns, 4);
    const tx_pattern *p = &v->patterns[b->first_pattern];
    CHECK_STR(p->code, "073");
    CHECK_STR(p->pair_code, "074");
    CHECK_INT(p->n_upper, 2);
    CHECK_INT(p->n_lower, 2);
    const tx_pattern_elem *e = v->elems + p->first;
    CHECK_INT(e[0].kind, TX_ELEM_WORD);  /* WAS, touching the verb */
    CHECK_INT(e[0].adjacent, 1);
    CHECK_INT(e[1].kind, TX_ELEM_TARGET);
    CHECK_INT(e[1].adjacent, 0);
    CHECK_INT(e[3].kind, TX_ELEM_SOURCE);

    /* synsets: plurals, multi-word members, no-plural markers, nesting */
    tx_tokens t = TX_TOKENS_INIT;
    long money = -1, nested = -1;
    for (size_t i = 0; i < v->n_synsets; i++) {
        if (strcmp(v->synsets[i].name, "MONEY") == 0) money = (long)i;
        if (strcmp(v->synsets[i].name, "NESTED") == 0) nested = (long)i;
    }
    CHECK(money >= 0 && nested >= 0);
    test_tokens(&t, lex, "dollars swiss francs gold coin gold coins crates");
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)money, &t, 0), 1);
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)money, &t, 1), 2);
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)money, &t, 3), 2);
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)money, &t, 5), 0);  /* GOLD_COIN_: no plural */
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)nested, &t, 1), 2);
    CHECK_INT(tx_verbs_synset_match(v, (uint32_t)nested, &t, 7), 0);  /* NESTED_: no plural */
    CHECK_INT(tx_verbs_synset_match_back(v, (uint32_t)money, &t, 2), 2);
    tx_tokens_free(&t);

    /* problems: two stars (line 23), an undefined synset, the unclosed code */
    CHECK(s.n >= 2);
    int two_stars = 0;
    for (int i = 0; i < s.n; i++)
        two_stars |= s.lines[i] == 23;
    CHECK(two_stars);

    tx_verbs_free(v);
    tx_lexicon_free(lex);

    /* the shared dictionaries load with few problems */
    char path[512];
    snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/CAMEO.2.0.txt", test_shared_dir());
    FILE *probe = fopen(path, "r");
    if (!probe) {
        SKIP("../shared/peer/petrarch2 is absent: CAMEO.2.0.txt not loaded");
    } else {
        fclose(probe);
        lex = tx_lexicon_new();
        v = tx_verbs_new(lex);
        tx_diag quiet = {NULL, NULL, 0, 1};
        CHECK_INT(tx_verbs_load(v, path, &quiet), TX_OK);
        CHECK(v->n_blocks > 300);
        CHECK(v->n_patterns > 4000);
        CHECK(quiet.count < 50);
        tx_verbs_free(v);
        tx_lexicon_free(lex);
    }
    return test_report("test_verbs");
}
