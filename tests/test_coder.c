/* test_coder.c: the coder on sentences written for these tests, with a small dictionary. */
#include "dictset.h"
#include "test.h"

static const char actors[] =
    "ATLANTIS [ATL]\n"
    "+ATLANTEAN\n"
    "LEMURIA [LEM]\n"
    "+LEMURIAN\n"
    "MU [MUX]\n"
    "THE_SEVEN_ISLES [SVA/SVB]\n"
    "PRESIDENT_ORLA [LEMGOV >20200101] [LEMELI]\n";
static const char agents[] =
    "GOVERNMENT [~GOV]\n"
    "FOREIGN_MINISTER [~GOVFRM]\n"
    "DIPLOMAT [~GOV]\n"
    "SECURITY_ADVISER [~GOV]\n"
    "POLICE {} [~COP]\n"
    "STUDENT [~EDU]\n"
    "LAWMAKER [~LEG]\n";
static const char verbs[] =
    "--- ACCUSE [112] ---\n"
    "ACCUSE\n"
    "--- MEET [040:040] ---\n"
    "MEET {MET MEETS MEETING}\n"
    "- * WITH + IN $ [044]\n"
    "--- ARREST [173] ---\n"
    "ARREST\n"
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n"
    "--- PROMISE [050] ---\n"
    "PROMISE\n"
    "- * AID [0331]\n"
    "--- SAY [010] ---\n"
    "SAY {SAID SAYS SAYING}\n"
    "--- AGREE [030] ---\n"
    "AGREE\n"
    "- % * [030:030]\n";

typedef struct {
    tx_dictset set;
    tx_coder *coder;
    tx_coder_options options;
    tx_event events[TX_EVENTS_MAX];
    size_t n;
} fixture;

static void S_setup(fixture *f)
{
    tx_diag diag = TX_DIAG_INIT;
    CHECK_INT(tx_dictset_init(&f->set), TX_OK);
    tx_dictionaries *d = &f->set.dict;
    CHECK_INT(tx_actors_load_buffer(d->actors, "actors", actors, strlen(actors), &diag), TX_OK);
    CHECK_INT(tx_agents_load_buffer(d->agents, "agents", agents, strlen(agents), &diag), TX_OK);
    CHECK_INT(tx_verbs_load_buffer(d->verbs, "verbs", verbs, strlen(verbs), &diag), TX_OK);
    CHECK_INT(diag.count, 0);
    f->coder = tx_coder_new(d);
    CHECK(f->coder != NULL);
    tx_coder_options_default(&f->options);
}

static const char *S_text;

/* Codes one sentence; returns how many events came out. */
static size_t S_code(fixture *f, const char *text, int32_t date)
{
    S_text = text;
    tx_coder_code(f->coder, text, 0, strlen(text), date, &f->options, f->events, &f->n);
    return f->n;
}

/* Is there an event source -> target with this code? */
static int S_has(const fixture *f, const char *source, const char *target, const char *code)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->events[i].source.code, source) == 0 &&
            strcmp(f->events[i].target.code, target) == 0 && strcmp(f->events[i].code, code) == 0)
            return 1;
    fprintf(stderr, "  no %s %s %s in \"%s\"; got:", source, target, code, S_text);
    for (size_t i = 0; i < f->n; i++)
        fprintf(stderr, " [%s %s %s]", f->events[i].source.code, f->events[i].target.code,
                f->events[i].code);
    fprintf(stderr, "\n");
    return 0;
}

static void test_basic(fixture *f)
{
    CHECK_INT(S_code(f, "Atlantis accused Lemuria of piracy.", 20240101), 1);
    CHECK(S_has(f, "ATL", "LEM", "112"));
    const tx_event *e = &f->events[0];
    CHECK_INT(e->source.start, 0);
    CHECK_INT(e->source.end, 8);
    CHECK_INT(e->verb_start, 9);
    CHECK_INT(e->verb_end, 16);
    CHECK_INT(e->target.start, 17);
    CHECK_INT(e->target.end, 24);
    /* no target: no event while a dyad is required */
    CHECK_INT(S_code(f, "Atlantis accused nobody.", 20240101), 0);
    f->options.require_dyad = 0;
    CHECK_INT(S_code(f, "Atlantis accused nobody.", 20240101), 1);
    CHECK(S_has(f, "ATL", "---", "112"));
    f->options.require_dyad = 1;
}

/* A verb form after a determiner and an adjective is a noun: no event. */
static void test_nouns(fixture *f)
{
    CHECK_INT(S_code(f, "Atlantis condemned the brutal arrest of Lemuria.", 20240101), 1);
    CHECK(S_has(f, "ATL", "LEM", "122"));
    CHECK_INT(S_code(f, "Atlantis saw their deadliest arrest of Lemurians.", 20240101), 0);
    /* after a preposition only a gerund is a verb */
    CHECK_INT(S_code(f, "Atlantis answered with arrests in Lemuria.", 20240101), 0);
    S_code(f, "Atlantis condemned Lemuria after arresting students in Mu.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "122"));
    CHECK_INT(S_code(f, "The Atlantean police arrested Lemurian students.", 20240101), 1);
    CHECK(S_has(f, "ATLCOP", "LEMEDU", "173"));
}

static void test_agents(fixture *f)
{
    S_code(f, "The Atlantean government condemned Lemuria.", 20240101);
    CHECK(S_has(f, "ATLGOV", "LEM", "122"));
    S_code(f, "Atlantis's foreign minister accused Lemuria.", 20240101);
    CHECK(S_has(f, "ATLGOVFRM", "LEM", "112"));
    /* adjectives between the possessive and the role */
    S_code(f, "Atlantis's most senior diplomat accused Lemuria.", 20240101);
    CHECK(S_has(f, "ATLGOV", "LEM", "112"));
    /* an agent of a place: the agent goes with each member */
    S_code(f, "Lawmakers in Atlantis and Mu condemned Lemuria.", 20240101);
    CHECK(S_has(f, "ATLLEG", "LEM", "122"));
    CHECK(S_has(f, "MUXLEG", "LEM", "122"));
    /* an agent with no actor */
    S_code(f, "Police arrested Lemurian students.", 20240101);
    CHECK(S_has(f, "---COP", "LEMEDU", "173"));
}

static void test_compounds(fixture *f)
{
    CHECK_INT(S_code(f, "Atlantis and Mu condemned Lemuria.", 20240101), 2);
    CHECK(S_has(f, "ATL", "LEM", "122"));
    CHECK(S_has(f, "MUX", "LEM", "122"));
    S_code(f, "Lemuria condemned Atlantis, Mu and the Seven Isles.", 20240101);
    CHECK_INT(f->n, 4);
    CHECK(S_has(f, "LEM", "SVB", "122"));
    /* "%" patterns: members act on each other */
    S_code(f, "Atlantis and Lemuria agree.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "030"));
    CHECK(S_has(f, "LEM", "ATL", "030"));
    /* a comma alone is an apposition, not a list */
    S_code(f, "Atlantis accused Lemuria, a rival, of piracy.", 20240101);
    CHECK_INT(f->n, 1);
}

static void test_patterns(fixture *f)
{
    /* paired code [A:P] and a pattern binding target and source */
    S_code(f, "Atlantis met Lemuria.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "040"));
    CHECK(S_has(f, "LEM", "ATL", "040"));
    S_code(f, "Atlantis met with Lemuria in Mu.", 20240101);
    CHECK(S_has(f, "MUX", "LEM", "044"));
    S_code(f, "Atlantis promised more aid to Lemuria.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "0331"));
}

static void test_clauses(fixture *f)
{
    /* a conjoined verb keeps the subject */
    S_code(f, "Atlantis condemned Lemuria and promised aid to Mu.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "122"));
    CHECK(S_has(f, "ATL", "MUX", "0331"));
    /* passive voice with an agent */
    S_code(f, "Lemuria was condemned by Atlantis.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "122"));
    /* a short clause between commas is set aside */
    S_code(f, "Atlantis, together with Mu, accused Lemuria.", 20240101);
    CHECK_INT(f->n, 1);
    CHECK(S_has(f, "ATL", "LEM", "112"));
    /* an adverbial clause with both actors is an event of its own */
    S_code(f, "Atlantis accused Lemuria after Mu condemned Atlantis.", 20240101);
    CHECK(S_has(f, "ATL", "LEM", "112"));
    CHECK(S_has(f, "MUX", "ATL", "122"));
    /* an apposition names the person before it */
    S_code(f, "Kira Vell, the Atlantean foreign minister, accused Lemuria.", 20240101);
    CHECK(S_has(f, "ATLGOVFRM", "LEM", "112"));
    if (f->n == 1)
        CHECK_INT(f->events[0].source.start, 0);
    /* a dateline is not an actor */
    S_code(f, "ATLANTIS, May 3 (Wire) - Mu accused Lemuria.", 20240101);
    CHECK_INT(f->n, 1);
    CHECK(S_has(f, "MUX", "LEM", "112"));
}

static void test_dates(fixture *f)
{
    S_code(f, "President Orla accused Atlantis.", 20240101);
    CHECK(S_has(f, "LEMGOV", "ATL", "112"));
    S_code(f, "President Orla accused Atlantis.", 20100101);
    CHECK(S_has(f, "LEMELI", "ATL", "112"));
}

static void test_pathological(fixture *f)
{
    /* a long sentence of actors and verbs: bounded work, no crash */
    tx_buf b = TX_BUF_INIT;
    for (int i = 0; i < 5000; i++)
        tx_buf_puts(&b, "Atlantis and Mu met with Lemuria in Mu , ");
    tx_buf_puts(&b, ".");
    tx_coder_code(f->coder, b.data, 0, b.len, 20240101, &f->options, f->events, &f->n);
    CHECK(f->n <= TX_EVENTS_MAX);
    tx_buf_free(&b);
}

int main(void)
{
    fixture f;
    memset(&f, 0, sizeof(f));
    S_setup(&f);
    if (f.coder) {
        test_basic(&f);
        test_agents(&f);
    test_nouns(&f);
        test_compounds(&f);
        test_patterns(&f);
        test_clauses(&f);
        test_dates(&f);
        test_pathological(&f);
    }
    tx_coder_free(f.coder);
    tx_dictset_free(&f.set);
    return test_report("test_coder");
}
