/* test_analysis.c: certainty, attribution, disputes, dates, places and quotes on a fictional world. */
#include "analysis.h"
#include "dictset.h"
#include "test.h"
#include "when.h"

static const char actors[] =
    "country\tATL\t-\tAtlantis | Atlantean | Atlanteans\tATL\n"
    "country\tLEM\t-\tLemuria | Lemurian | Lemurians\tLEM\n"
    "person\tATLGOV\t-\tKira Vell\tATL\n"
    "person\tLEMGOV\t-\tOrla Brand\tLEM\n"
    "media\t-\t-\tTide News\tATL\n"
    "place\tATLGOV\t-\tPoseidonia\tATL\n"
    "org\tATLBUS\t-\tTrident Corp\tATL\n";
static const char places[] =
    "Poseidonia\tATL\t10.5\t20.25\tcapital\t100000\n"
    "Coral Bay\tLEM\t11\t21\tcity\t5000\n"
    "Mu Harbour\tMUX\t12\t22\tcity\t800\n";
static const char agents[] =
    "~GOV\tgovernment | officials | official | embassy | spokesperson | ministry\n";
static const char verbs[] =
    "--- ACCUSE [112] ---\n"
    "ACCUSE {ACCUSED ACCUSES ACCUSING}\n"
    "--- MEET [040] ---\n"
    "MEET {MET MEETS MEETING}\n"
    "--- ATTACK [190] ---\n"
    "ATTACK {ATTACKED ATTACKS ATTACKING}\n"
    "--- ASK [020] ---\n"
    "ASK {ASKED ASKS ASKING}\n";

typedef struct {
    tx_dictset set;
    tx_analyzer *analyzer;
    const tx_analysis *r;
} fixture;

static void S_setup(fixture *f)
{
    tx_diag diag = TX_DIAG_INIT;
    CHECK_INT(tx_dictset_init(&f->set), TX_OK);
    tx_dictionaries *d = &f->set.dict;
    CHECK_INT(tx_entities_load_actors_buffer(d->entities, d->actors, "a", actors, strlen(actors), &diag), TX_OK);
    CHECK_INT(tx_entities_load_places_buffer(d->entities, d->actors, "p", places, strlen(places), &diag), TX_OK);
    CHECK_INT(tx_entities_load_agents_buffer(d->agents, "g", agents, strlen(agents), &diag), TX_OK);
    CHECK_INT(tx_verbs_load_buffer(d->verbs, "v", verbs, strlen(verbs), &diag), TX_OK);
    CHECK_INT(diag.count, 0);
    f->analyzer = tx_analyzer_new(d, NULL);
    CHECK(f->analyzer != NULL);
}

static void S_teardown(fixture *f)
{
    tx_analyzer_free(f->analyzer);
    tx_dictset_free(&f->set);
}

static const tx_analysis *S_run(fixture *f, const char *text)
{
    CHECK_INT(tx_analyzer_run(f->analyzer, text, strlen(text), 20240515, &f->r), TX_OK);
    return f->r;
}

/* The certainty of the only event of `text`, or -1 when it codes no single event. */
static int S_certainty(fixture *f, const char *text)
{
    const tx_analysis *r = S_run(f, text);
    if (r->event_count != 1) {
        fprintf(stderr, "  %zu events in: %s\n", r->event_count, text);
        return -1;
    }
    return r->events[0].certainty;
}

static void test_certainty(fixture *f)
{
    CHECK_INT(S_certainty(f, "Atlantis attacked Lemuria."), TX_CERTAINTY_ASSERTED);
    CHECK_INT(S_certainty(f, "Atlantis did not attack Lemuria."), TX_CERTAINTY_NEGATED);
    CHECK_INT(S_certainty(f, "Atlantis never attacked Lemuria."), TX_CERTAINTY_NEGATED);
    CHECK_INT(S_certainty(f, "Atlantis declined to meet Lemuria."), TX_CERTAINTY_NEGATED);
    CHECK_INT(S_certainty(f, "Atlantis may attack Lemuria."), TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "Atlantis will meet Lemuria."), TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "Atlantis plans to meet Lemuria."), TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "If Atlantis attacks Lemuria, the region suffers."),
              TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "If last year someone had told you that Atlantis met Lemuria in "
                             "secret nobody would have believed it."),
              TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "If it rains, Atlantis meets Lemuria."), TX_CERTAINTY_ASSERTED);
    CHECK_INT(S_certainty(f, "Atlantis is considering attacking Lemuria."), TX_CERTAINTY_HYPOTHETICAL);
    CHECK_INT(S_certainty(f, "The inquiry did not establish that Atlantis attacked Lemuria."),
              TX_CERTAINTY_NEGATED);
    CHECK_INT(S_certainty(f, "There is no evidence that Atlantis attacked Lemuria."),
              TX_CERTAINTY_NEGATED);
    CHECK_INT(S_certainty(f, "Atlantis is believed to have attacked Lemuria."), TX_CERTAINTY_REPORTED);
    CHECK_INT(S_certainty(f, "Atlantis reportedly attacked Lemuria."), TX_CERTAINTY_REPORTED);
    CHECK_INT(S_certainty(f, "Atlantis attacked Lemuria, Lemurian officials said."),
              TX_CERTAINTY_REPORTED);
    CHECK_INT(S_certainty(f, "According to Tide News, Atlantis attacked Lemuria."),
              TX_CERTAINTY_REPORTED);
    const tx_analysis *r = S_run(f, "Atlantis attacked Lemuria, Lemurian officials said.");
    CHECK_STR(r->events[0].attribution.code, "LEMGOV");
    r = S_run(f, "According to Tide News, Atlantis attacked Lemuria.");
    CHECK_STR(r->events[0].attribution.code, "ATLMED");   /* a news outlet */
}

/* A passive verb: the "by" agent acts on the subject; without one nobody named acted. */
static void test_passive(fixture *f)
{
    const tx_analysis *r = S_run(f, "Atlantis was attacked by Lemuria.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1) {
        CHECK_STR(r->events[0].event.source.code, "LEM");
        CHECK_STR(r->events[0].event.target.code, "ATL");
    }
    r = S_run(f, "Atlantean soldiers were attacked in Lemuria.");
    CHECK_INT(r->event_count, 0);
    r = S_run(f, "Atlantis is attacking Lemuria.");   /* progressive, not passive */
    CHECK_INT(r->event_count, 1);
    /* a company wields no force: "attacked" is a metaphor there */
    r = S_run(f, "Trident Corp attacked Lemuria.");
    CHECK_INT(r->event_count, 0);
    r = S_run(f, "Trident Corp accused Lemuria.");
    CHECK_INT(r->event_count, 1);
}

static void test_disputes(fixture *f)
{
    const tx_analysis *r = S_run(f,
        "Atlantis is believed to have attacked Lemuria, Lemurian officials said.\n"
        "An Atlantean spokesperson accused Lemuria of spreading disinformation with the claims.\n");
    CHECK_INT(r->event_count, 2);
    if (r->event_count != 2)
        return;
    CHECK_INT(r->events[1].disputes_count, 1);
    CHECK_INT(r->links[r->events[1].disputes_first], r->events[0].id);
    CHECK_INT(r->events[0].disputed_by_count, 1);
    CHECK_INT(r->links[r->events[0].disputed_by_first], r->events[1].id);
}

static void test_dates_and_places(fixture *f)
{
    /* 2024-05-15 is a Wednesday */
    CHECK_INT(tx_when_weekday(20240515), 2);
    CHECK_INT(tx_when_date(tx_when_days(20240301) - 1), 20240229);
    CHECK_INT(tx_when_date(tx_when_days(19700101)), 19700101);
    static const struct { const char *text; int32_t date; uint8_t precision; } cases[] = {
        {"Atlantis attacked Lemuria.", 20240515, TX_DATE_ARTICLE},
        {"Atlantis attacked Lemuria yesterday.", 20240514, TX_DATE_DAY},
        {"Atlantis attacked Lemuria on Sunday.", 20240512, TX_DATE_DAY},
        {"Atlantis attacked Lemuria on Wednesday.", 20240515, TX_DATE_DAY},
        {"On 26 February, Atlantis attacked Lemuria.", 20240226, TX_DATE_DAY},
        {"Atlantis attacked Lemuria on December 3.", 20231203, TX_DATE_DAY},
        {"Atlantis attacked Lemuria last week.", 20240506, TX_DATE_WEEK},
        {"Atlantis attacked Lemuria last month.", 20240401, TX_DATE_MONTH},
    };
    for (size_t i = 0; i < TX_ARRAY_SIZE(cases); i++) {
        const tx_analysis *r = S_run(f, cases[i].text);
        CHECK_INT(r->event_count, 1);
        if (r->event_count != 1)
            continue;
        CHECK_INT(r->events[0].date, cases[i].date);
        CHECK_INT(r->events[0].date_precision, cases[i].precision);
    }
    const tx_analysis *r = S_run(f, "Kira Vell met Orla Brand in Coral Bay today.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1) {
        CHECK_INT(r->events[0].has_location, 1);
        CHECK_STR(r->events[0].location.name, "Coral Bay");
        CHECK_STR(r->events[0].location.country, "LEM");
    }
    /* a meeting in neither side's country is CAMEO 044 */
    r = S_run(f, "Kira Vell met Orla Brand in Mu Harbour.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1)
        CHECK_STR(r->events[0].event.code, "044");
    r = S_run(f, "Kira Vell met Orla Brand in Coral Bay.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1)
        CHECK_STR(r->events[0].event.code, "040");
    /* a place after "in" opening the sentence is where, not who */
    r = S_run(f, "In Poseidonia on Monday, a stranger accused Lemuria.");
    CHECK_INT(r->event_count, 0);
    r = S_run(f, "In Poseidonia, Lemuria accused Atlantis.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1) {
        CHECK_STR(r->events[0].event.source.code, "LEM");
        CHECK_STR(r->events[0].event.target.code, "ATL");
        CHECK_INT(r->events[0].has_location, 1);
    }
    /* the embassy's city is where the speaker sits, not where the event happened */
    r = S_run(f, "The Atlantean embassy in Poseidonia accused Lemuria.");
    CHECK_INT(r->event_count, 1);
    if (r->event_count == 1)
        CHECK_INT(r->events[0].has_location, 0);
}

static const tx_quote *S_quote(const tx_analysis *r, const char *starts)
{
    for (size_t q = 0; q < r->quote_count; q++)
        if (strncmp(r->text + r->quotes[q].start, starts, strlen(starts)) == 0)
            return &r->quotes[q];
    fprintf(stderr, "  no quote starting \"%s\"\n", starts);
    return NULL;
}

static void test_quotes(fixture *f)
{
    const char *text =
        "Kira Vell met Orla Brand on Monday.\n"
        "Ms Vell said: \xE2\x80\x9CWe talked for hours about the border.\n"
        "\xE2\x80\x9C" "And we will talk again.\xE2\x80\x9D\n"
        "\xC2\xABThe talks went well,\xC2\xBB said Orla Brand.\n"
        "She told Tide News: \"Lemuria wants peace with everyone.\"\n"
        "Atlantis called it an \xE2\x80\x98invasion\xE2\x80\x99 of its waters.\n";
    const tx_analysis *r = S_run(f, text);
    const tx_quote *q = S_quote(r, "We talked for hours");
    CHECK(q && q->has_speaker && q->speaker_name && strcmp(q->speaker_name, "Kira Vell") == 0);
    CHECK(q && q->has_cue && strncmp(text + q->cue_start, "said", 4) == 0);
    CHECK(q && strcmp(q->speaker_code, "ATLGOV") == 0);
    q = S_quote(r, "And we will talk again");  /* continues Ms Vell's remarks */
    CHECK(q && q->has_speaker && q->speaker_name && strcmp(q->speaker_name, "Kira Vell") == 0);
    q = S_quote(r, "The talks went well");
    CHECK(q && q->speaker_name && strcmp(q->speaker_name, "Orla Brand") == 0 && !q->scare);
    q = S_quote(r, "Lemuria wants peace");     /* "She" is the last person named */
    CHECK(q && q->speaker_name && strcmp(q->speaker_name, "Orla Brand") == 0);
    q = S_quote(r, "invasion");
    CHECK(q && q->scare && !q->has_speaker);
    CHECK_INT(r->quote_count, 5);

    /* a name the dictionaries lack, described by an apposition: the name speaks, with the
     * apposition's code */
    const char *apposition =
        "Ona Pell, an Atlantean spokesperson, told Tide News: \"We will keep talking to everyone.\"\n";
    r = S_run(f, apposition);
    q = S_quote(r, "We will keep talking");
    CHECK(q && q->has_speaker && strncmp(apposition + q->speaker_start, "Ona Pell", 8) == 0);
    CHECK(q && strcmp(q->speaker_code, "ATLGOV") == 0);

    /* less common speech verbs are cues too */
    const char *testified = "\"We never met them,\" Ona Pell testified.\n";
    r = S_run(f, testified);
    q = S_quote(r, "We never met them");
    CHECK(q && q->has_cue && strncmp(testified + q->cue_start, "testified", 9) == 0);
    CHECK(q && q->has_speaker && strncmp(testified + q->speaker_start, "Ona Pell", 8) == 0);
}

/* Quotation marks and quotes by the hundred thousand: no quadratic blow-up, no crash. */
static void test_pathological(fixture *f)
{
    size_t n = 200000;
    char *text = malloc(n * 4 + 64);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        static const char *const marks[] = {"\xE2\x80\x9C", "\"", "'", "\xC2\xAB a "};
        const char *m = marks[i % 4];
        memcpy(text + len, m, strlen(m));
        len += strlen(m);
    }
    memcpy(text + len, " Kira Vell said.", 16);
    len += 16;
    text[len] = '\0';
    const tx_analysis *r = S_run(f, text);
    CHECK(r->quote_count <= n);
    free(text);
    CHECK(tx_analyzer_run(f->analyzer, "", 0, 20240515, &r) == TX_OK && r->event_count == 0);
}

int main(void)
{
    fixture f;
    S_setup(&f);
    test_certainty(&f);
    test_passive(&f);
    test_disputes(&f);
    test_dates_and_places(&f);
    test_quotes(&f);
    test_pathological(&f);
    S_teardown(&f);
    return test_report("test_analysis");
}
