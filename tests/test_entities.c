/* test_entities.c: tacitus's own dictionary format: actors, places, agents. */
#include "dictset.h"
#include "entities.h"
#include "test.h"

typedef struct {
    unsigned long lines[16];
    int n;
} seen;

static void S_report(void *ctx, const char *file, unsigned long line, const char *message)
{
    (void)file, (void)message;
    seen *s = ctx;
    if (s->n < 16)
        s->lines[s->n++] = line;
}

static const char actors[] =
    "# kind\tcode\tdates\tnames\tcountry\n"
    "country\tATL\t-\tAtlantis | Atlantean | Atlanteans\tATL\n"
    "place\tATLGOV\t-\tPoseidonia\tATL\n"
    "person\tATLGOV\t2020-01-01..2023-12-31\tKira Vell | Vell\tATL\n"
    "person\tATLELI\t-\tKira Vell | Vell\tATL\n"
    "org\tIGOOCE\t-\tOcean League | O.L. | OL\t-\n"
    "media\t-\t-\tTide News\tATL\n"
    "planet\tATL\t-\tBad Kind\tATL\n"            /* line 8: unknown kind */
    "person\tatl\t-\tBad Code\tATL\n"            /* line 9: lower-case code */
    "person\tATL\t2020-13-01..\tBad Date\tATL\n" /* line 10: no such month */
    "person\tATL\t-\tToo Few\n"                  /* fine: country is optional */
    "person\tATL\n"                              /* line 12: too few columns */
    "person\tATL\t2024-01-01..2020-01-01\tBackwards\tATL\n"  /* line 13 */
    "person\tATL\t-\tBad Country\tAtlantis\n";   /* line 14 */

static const char places[] =
    "Poseidonia\tATL\t10.5\t20.25\tcapital\t100000\n"
    "Coral Bay | Bay of Coral\tATL\t11\t21\tcity\t5000\n"
    "Nowhere\tATL\t95\t0\tcity\t1\n"             /* line 3: latitude out of range */
    "Elsewhere\tATL\t1\t2\tcity\n";              /* line 4: too few columns */

static const char agents[] =
    "~GOV\tgovernment | governments | foreign minister\n"
    "NGO~\tcharity\n"
    "GOV\tbroken\n";                             /* line 3: neither ~XXX nor XXX~ */

static uint32_t S_match(tx_dictset *set, const char *text, size_t *len)
{
    tx_tokens t = TX_TOKENS_INIT;
    tx_tokenize(text, 0, strlen(text), &t);
    for (size_t i = 0; i < t.count; i++)
        t.items[i].word = tx_lexicon_find(set->dict.lex, tx_tokens_key(&t, i), t.items[i].key_len);
    uint32_t phrase = UINT32_MAX;
    *len = tx_actors_match(set->dict.actors, &t, 0, &phrase);
    tx_tokens_free(&t);
    return phrase;
}

int main(void)
{
    tx_dictset set;
    CHECK_INT(tx_dictset_init(&set), TX_OK);
    seen s = {0};
    tx_diag diag = {S_report, &s, 0, 0};
    tx_dictionaries *d = &set.dict;
    CHECK_INT(tx_entities_load_actors_buffer(d->entities, d->actors, "a.tsv", actors,
                                             strlen(actors), &diag), TX_OK);
    CHECK_INT(s.n, 6);
    unsigned long want[] = {8, 9, 10, 12, 13, 14};
    for (int i = 0; i < 6 && i < s.n; i++)
        CHECK_INT(s.lines[i], want[i]);

    size_t len;
    uint32_t p = S_match(&set, "Atlanteans", &len);
    CHECK_INT(len, 1);
    CHECK_STR(tx_actors_code(d->actors, p, 20240101), "ATL");
    const tx_entity *e = tx_entities_of_phrase(d->entities, d->actors, p);
    CHECK(e && e->kind == TX_ENTITY_COUNTRY);
    CHECK_STR(e ? e->country : NULL, "ATL");
    CHECK_STR(e ? e->name : NULL, "Atlantis");

    /* dated office, then the undated line */
    p = S_match(&set, "Kira Vell", &len);
    CHECK_INT(len, 2);
    CHECK_STR(tx_actors_code(d->actors, p, 20210615), "ATLGOV");
    CHECK_STR(tx_actors_code(d->actors, p, 20231231), "ATLGOV");
    CHECK_STR(tx_actors_code(d->actors, p, 20240101), "ATLELI");
    e = tx_entities_of_phrase(d->entities, d->actors, p);
    CHECK(e && e->kind == TX_ENTITY_PERSON);

    /* a buffer that ends mid-line, with no newline and no NUL after it (found by fuzzing:
     * the reader looked for the end of the first name past the buffer) */
    {
        static const char line[] = "person\tATLGOV\t-\tNell Odo";
        char *exact = malloc(sizeof(line) - 1);
        memcpy(exact, line, sizeof(line) - 1);
        tx_diag quiet = {NULL, NULL, 0, 1};
        CHECK_INT(tx_entities_load_actors_buffer(d->entities, d->actors, "cut.tsv", exact,
                                                 sizeof(line) - 1, &quiet), TX_OK);
        free(exact);
        CHECK(S_match(&set, "Nell Odo", &len) != 0 && len == 2);
    }

    /* a lone surname after another first name is someone else; after a title it is them */
    static const struct { const char *text; size_t at; int other; } surnames[] = {
        {"Jon Vell said", 1, 1}, {"President Vell said", 1, 0}, {"Ms Vell said", 1, 0},
        {"Vell said", 0, 0}, {"the envoy, Vell, said", 3, 0},
    };
    for (size_t i = 0; i < TX_ARRAY_SIZE(surnames); i++) {
        tx_tokens t = TX_TOKENS_INIT;
        tx_tokenize(surnames[i].text, 0, strlen(surnames[i].text), &t);
        for (size_t k = 0; k < t.count; k++)
            t.items[k].word = tx_lexicon_find(d->lex, tx_tokens_key(&t, k), t.items[k].key_len);
        uint32_t phrase = 0;
        size_t n = tx_actors_match(d->actors, &t, surnames[i].at, &phrase);
        CHECK_INT(n, 1);
        CHECK_INT(tx_entities_other_person(d->entities, d->actors, &t, surnames[i].at, n, phrase),
                  surnames[i].other);
        tx_tokens_free(&t);
    }

    /* initialisms keep their periods, as the tokenizer does */
    p = S_match(&set, "O.L. said", &len);
    CHECK_INT(len, 1);
    CHECK_STR(tx_actors_code(d->actors, p, 0), "IGOOCE");

    /* an acronym written in capitals is marked, so lower-case "ol" in text is not it */
    CHECK(tx_entities_acronym(d->entities, tx_lexicon_find(d->lex, "OL", 2)));
    CHECK(!tx_entities_acronym(d->entities, tx_lexicon_find(d->lex, "ATLANTIS", 8)));

    /* media are recognised but are no actor */
    p = S_match(&set, "Tide News", &len);
    CHECK_INT(len, 2);
    CHECK_STR(tx_actors_code(d->actors, p, 0), "---");
    e = tx_entities_of_phrase(d->entities, d->actors, p);
    CHECK(e && e->kind == TX_ENTITY_MEDIA);

    /* places: a capital gains coordinates; another city becomes a place, no actor */
    s.n = 0;
    CHECK_INT(tx_entities_load_places_buffer(d->entities, d->actors, "g.tsv", places,
                                             strlen(places), &diag), TX_OK);
    CHECK_INT(s.n, 2);
    CHECK_INT(s.n > 0 ? s.lines[0] : 0, 3);
    CHECK_INT(s.n > 1 ? s.lines[1] : 0, 4);
    p = S_match(&set, "Poseidonia", &len);
    CHECK_STR(tx_actors_code(d->actors, p, 0), "ATLGOV");
    e = tx_entities_of_phrase(d->entities, d->actors, p);
    CHECK(e && e->kind == TX_ENTITY_PLACE && e->has_point);
    CHECK(e && e->latitude > 10.49 && e->latitude < 10.51);
    p = S_match(&set, "Bay of Coral", &len);
    CHECK_INT(len, 3);
    CHECK_STR(tx_actors_code(d->actors, p, 0), "---");
    e = tx_entities_of_phrase(d->entities, d->actors, p);
    CHECK(e && e->kind == TX_ENTITY_PLACE && e->has_point);
    CHECK_STR(e ? e->country : NULL, "ATL");
    CHECK_STR(e ? e->name : NULL, "Coral Bay");

    /* agents */
    s.n = 0;
    CHECK_INT(tx_entities_load_agents_buffer(d->agents, "ag.tsv", agents, strlen(agents), &diag),
              TX_OK);
    CHECK_INT(s.n, 1);
    CHECK_INT(s.n > 0 ? s.lines[0] : 0, 3);
    tx_tokens t = TX_TOKENS_INIT;
    const char *text = "foreign minister";
    tx_tokenize(text, 0, strlen(text), &t);
    for (size_t i = 0; i < t.count; i++)
        t.items[i].word = tx_lexicon_find(d->lex, tx_tokens_key(&t, i), t.items[i].key_len);
    tx_agent agent;
    CHECK_INT(tx_agents_match(d->agents, &t, 0, &agent), 2);
    CHECK_STR(agent.code, "GOV");
    tx_tokens_free(&t);

    tx_dictset_free(&set);

    /* the shipped dictionaries load without problems */
    tx_dictset shipped;
    CHECK_INT(tx_dictset_init(&shipped), TX_OK);
    tx_diag quiet = TX_DIAG_INIT;
    const char *failed = NULL;
    tx_status st = tx_dictset_load_default(&shipped, "data", &quiet, &failed);
    if (st == TX_OK) {
        CHECK_INT(quiet.count, 0);
        CHECK(tx_entities_count(shipped.dict.entities) > 1000);
    } else {
        fprintf(stderr, "cannot load %s\n", failed ? failed : "data");
        CHECK(st == TX_OK);
    }
    tx_dictset_free(&shipped);
    return test_report("test_entities");
}
