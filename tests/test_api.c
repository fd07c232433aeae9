/* test_api.c: the JSON API of `tacitus serve` without HTTP: every endpoint, its filters and paging, bad parameters, unknown paths and methods, the time limit. */
#include "api.h"
#include "store.h"
#include "test.h"

#include <jansson.h>
#include <math.h>
#include <unistd.h>

static char temp_dir[64];
static char db_path[128];

/* ---- two articles made by hand, independently of the analyzer ---- */

static const char text_a[] =
    "Atlantis accused Lemuria of spying.\n"
    "Read more: nothing\n"
    "Lemuria met Atlantis in Rome.\n"
    "The envoy said \"We will talk again soon with them.\"";

static const char text_b[] =
    "Mu threatened Atlantis.\n"
    "Mu did not attack Lemuria.\n"
    "Mu called it \"defence\".";

static const char codes_tsv[] =
    "112\t-2.0\tAccuse\n040\t1.0\tConsult\n130\t-4.4\tThreaten\n190\t-10.0\tFight\n";

typedef struct {
    tx_line lines[8];
    tx_sentence sentences[8];
    tx_analysis_event events[4];
    tx_quote quotes[2];
    tx_mention_entity mentions[2];
    tx_analysis a;
} fixture;

static const tx_entity rome = {TX_ENTITY_PLACE, 1, "ITA", 41.9f, 12.5f, "Rome"};

static uint32_t S_at(const char *text, uint32_t from, const char *word)
{
    const char *p = strstr(text + from, word);
    assert(p);
    return (uint32_t)(p - text);
}

/* One line per sentence; `noise_line` (1-based, 0 for none) is a promo. */
static void S_lines(fixture *f, const char *text, int32_t date, uint32_t noise_line)
{
    memset(f, 0, sizeof(*f));
    size_t n = 0, len = strlen(text);
    for (uint32_t start = 0; start < len; n++) {
        const char *nl = strchr(text + start, '\n');
        uint32_t end = nl ? (uint32_t)(nl - text) : (uint32_t)len;
        uint8_t kind = n + 1 == noise_line ? TX_NOISE_PROMO : TX_NOISE_NONE;
        f->lines[n] = (tx_line){start, end, (uint32_t)n + 1, kind};
        f->sentences[n] = (tx_sentence){start, end, (uint32_t)n + 1, 0, 1};
        start = end + 1;
    }
    tx_analysis *a = &f->a;
    a->text = text;
    a->text_len = len;
    a->date = date;
    a->lines = (tx_lines){f->lines, n, 8};
    a->noise_lines = noise_line ? 1 : 0;
    a->sentences = (tx_sentences){f->sentences, n, 8};
    a->sentences_coded = n;
    a->events = f->events;
    a->quotes = f->quotes;
    a->entities = f->mentions;
}

static tx_event_actor S_actor(const char *text, uint32_t from, const char *code, const char *word)
{
    tx_event_actor actor;
    memset(&actor, 0, sizeof(actor));
    snprintf(actor.code, sizeof(actor.code), "%s", code);
    actor.start = S_at(text, from, word);
    actor.end = actor.start + (uint32_t)strlen(word);
    return actor;
}

static tx_analysis_event *S_event(fixture *f, uint32_t sentence, const char *source,
                                  const char *source_word, const char *code, const char *verb,
                                  const char *target, const char *target_word, uint8_t certainty)
{
    tx_analysis_event *e = &f->events[f->a.event_count++];
    const char *text = f->a.text;
    uint32_t from = f->sentences[sentence].start;
    e->id = (uint32_t)f->a.event_count;
    e->sentence = sentence;
    e->event.source = S_actor(text, from, source, source_word);
    e->event.target = S_actor(text, from, target, target_word);
    e->event.code = code;
    e->event.verb_start = S_at(text, from, verb);
    e->event.verb_end = e->event.verb_start + (uint32_t)strlen(verb);
    e->event.pattern_line = 7;
    e->date = f->a.date;
    e->certainty = certainty;
    snprintf(e->attribution.code, sizeof(e->attribution.code), "%s", "");
    return e;
}

static void S_quote(fixture *f, const char *quoted, int scare, const char *speaker,
                    const char *code, const char *cue)
{
    tx_quote *q = &f->quotes[f->a.quote_count++];
    q->start = S_at(f->a.text, 0, quoted);
    q->end = q->start + (uint32_t)strlen(quoted);
    q->scare = (uint8_t)scare;
    q->speaker_name = speaker;
    snprintf(q->speaker_code, sizeof(q->speaker_code), "%s", code ? code : "");
    if (cue) {
        q->has_cue = 1;
        q->cue_start = S_at(f->a.text, 0, cue);
        q->cue_end = q->cue_start + (uint32_t)strlen(cue);
    }
}

/* Article a1 (2024-05-06): ATL accuses LEM (112), LEMGOV meets ATL in Rome (040, reported),
 * a promo line, a quote of Envoy Smith.  Article b1 (2024-06-10): MUS threatens ATL (130),
 * MUS does not attack LEM (190, negated), a scare quote. */
static int S_build_db(const tx_cameo *cameo)
{
    char why[256];
    tx_store *s = tx_store_open(db_path, TX_STORE_WRITE, NULL, why, sizeof(why));
    if (!s) {
        fprintf(stderr, "%s: %s\n", db_path, why);
        return -1;
    }
    tx_store_set_cameo(s, cameo);
    fixture f;
    S_lines(&f, text_a, 20240506, 2);
    S_event(&f, 0, "ATL", "Atlantis", "112", "accused", "LEM", "Lemuria", TX_CERTAINTY_ASSERTED);
    tx_analysis_event *met = S_event(&f, 2, "LEMGOV", "Lemuria", "040", "met", "ATL", "Atlantis",
                                     TX_CERTAINTY_REPORTED);
    met->has_location = 1;
    met->location = (tx_place){"Rome", "ITA", 1, 41.9f, 12.5f, 0, 0};
    met->location.start = S_at(text_a, 0, "Rome");
    met->location.end = met->location.start + 4;
    S_quote(&f, "We will talk again soon with them.", 0, "Envoy Smith", "LEMGOV", "said");
    uint32_t at = S_at(text_a, 0, "Rome");
    f.mentions[0] = (tx_mention_entity){2, at, at + 4, &rome, "ITA"};
    f.a.entity_count = 1;
    tx_store_article meta_a = {"a1", "wire", "Atlantis and Lemuria", "http://example.org/a1",
                               "verbs.txt"};
    tx_status status = tx_store_add(s, &meta_a, &f.a, NULL);
    S_lines(&f, text_b, 20240610, 0);
    S_event(&f, 0, "MUS", "Mu", "130", "threatened", "ATL", "Atlantis", TX_CERTAINTY_ASSERTED);
    S_event(&f, 1, "MUS", "Mu", "190", "attack", "LEM", "Lemuria", TX_CERTAINTY_NEGATED);
    S_quote(&f, "defence", 1, NULL, NULL, NULL);
    tx_store_article meta_b = {"b1", NULL, NULL, NULL, "verbs.txt"};
    if (status == TX_OK)
        status = tx_store_add(s, &meta_b, &f.a, NULL);
    if (tx_store_close(s) != TX_OK || status != TX_OK) {
        fprintf(stderr, "could not build %s\n", db_path);
        return -1;
    }
    return 0;
}

/* ---- asking ---- */

static tx_api *api;

/* Answers `method` on `path` with query "a=1&b=2" (no decoding: tests use plain values);
 * returns the parsed body (the caller frees it) and the status in *status. */
static json_t *S_ask_method(const char *method, const char *path, const char *query, int *status)
{
    tx_api_param params[40];
    size_t n = 0;
    char copy[1024];
    snprintf(copy, sizeof(copy), "%s", query ? query : "");
    for (char *p = copy; *p && n < TX_ARRAY_SIZE(params);) {
        char *amp = strchr(p, '&'), *next = amp ? amp + 1 : p + strlen(p);
        if (amp)
            *amp = '\0';
        char *eq = strchr(p, '=');
        if (eq)
            *eq = '\0';
        params[n++] = (tx_api_param){p, eq ? eq + 1 : ""};
        p = next;
    }
    tx_buf body = TX_BUF_INIT;
    *status = 0;
    tx_status rc = tx_api_handle(api, method, path, params, n, status, &body);
    json_error_t error;
    json_t *json = rc == TX_OK && body.data ? json_loadb(body.data, body.len, 0, &error) : NULL;
    if (!json)
        fprintf(stderr, "%s %s?%s: no JSON: %s\n", method, path, query ? query : "",
                body.data ? body.data : "(nothing)");
    tx_buf_free(&body);
    return json;
}

static json_t *S_ask(const char *path, const char *query, int *status)
{
    return S_ask_method("GET", path, query, status);
}

static long S_int(const json_t *object, const char *key)
{
    return (long)json_integer_value(json_object_get(object, key));
}

static const char *S_str(const json_t *object, const char *key)
{
    return json_string_value(json_object_get(object, key));
}

/* The total of /api/events with `query`, or -1 when the answer is not a 200. */
static long S_total(const char *query)
{
    int status;
    json_t *j = S_ask("/api/events", query, &status);
    long total = j && status == 200 ? S_int(j, "total") : -1;
    if (status != 200)
        fprintf(stderr, "events?%s: status %d\n", query, status);
    json_decref(j);
    return total;
}

/* Expects a 400 naming `parameter` (NULL: none named) in the documented error shape. */
static void S_bad(const char *path, const char *query, const char *parameter)
{
    int status;
    json_t *j = S_ask(path, query, &status);
    json_t *error = json_object_get(j, "error");
    CHECK_INT(status, 400);
    CHECK_STR(S_str(error, "code"), "bad_parameter");
    CHECK(S_str(error, "message") && strlen(S_str(error, "message")) > 5);
    if (parameter)
        CHECK_STR(S_str(error, "parameter"), parameter);
    else
        CHECK(json_object_get(error, "parameter") == NULL);
    if (status != 400)
        fprintf(stderr, "  (asked %s?%s)\n", path, query);
    json_decref(j);
}

static void S_status(const char *method, const char *path, int want, const char *code)
{
    int status;
    json_t *j = S_ask_method(method, path, NULL, &status);
    CHECK_INT(status, want);
    CHECK_STR(S_str(json_object_get(j, "error"), "code"), code);
    json_decref(j);
}

/* ---- endpoints ---- */

static void test_events(void)
{
    int status;
    json_t *j = S_ask("/api/events", NULL, &status);
    CHECK_INT(status, 200);
    CHECK_INT(S_int(j, "total"), 3);  /* the negated 190 does not count by default */
    CHECK_INT(S_int(j, "offset"), 0);
    CHECK_INT(S_int(j, "limit"), 100);
    json_t *events = json_object_get(j, "events");
    CHECK_INT(json_array_size(events), 3);
    json_t *first = json_array_get(events, 0), *last = json_array_get(events, 2);
    CHECK_STR(S_str(first, "date"), "2024-06-10");  /* newest first */
    CHECK_STR(S_str(first, "code"), "130");
    CHECK_STR(S_str(first, "code_name"), "Threaten");
    CHECK_STR(S_str(first, "root"), "13");
    CHECK_INT(S_int(first, "quad_class"), 3);
    CHECK(fabs(json_real_value(json_object_get(first, "goldstein")) + 4.4) < 1e-9);
    CHECK_STR(S_str(first, "certainty"), "asserted");
    CHECK_STR(S_str(json_object_get(first, "source"), "code"), "MUS");
    CHECK_STR(S_str(json_object_get(first, "source"), "text"), "Mu");
    CHECK_STR(S_str(json_object_get(first, "target"), "code"), "ATL");
    CHECK_STR(S_str(first, "article_ext"), "b1");
    CHECK_STR(S_str(first, "sentence_text"), "Mu threatened Atlantis.");
    CHECK_INT(S_int(first, "sentence"), 1);
    CHECK_INT(S_int(first, "sentence_start"), 0);
    CHECK_INT(S_int(first, "num_mentions"), 1);
    CHECK(json_is_null(json_object_get(first, "location")));
    CHECK(json_is_null(json_object_get(first, "attributed_to")));
    json_t *verb = json_object_get(first, "verb");
    CHECK_STR(S_str(verb, "text"), "threatened");
    CHECK_INT(S_int(verb, "start"), 3);
    CHECK_INT(S_int(verb, "end"), 13);
    json_t *middle = json_array_get(events, 1);  /* same day as `last`: higher id first */
    CHECK_STR(S_str(middle, "code"), "040");
    CHECK_STR(S_str(middle, "certainty"), "reported");
    CHECK_STR(S_str(json_object_get(middle, "location"), "name"), "Rome");
    CHECK_STR(S_str(json_object_get(middle, "location"), "country"), "ITA");
    CHECK_STR(S_str(middle, "url"), "http://example.org/a1");
    long start = S_int(middle, "sentence_start");
    CHECK_INT(start, strstr(text_a, "Lemuria met") - text_a);
    CHECK_INT(S_int(json_object_get(middle, "verb"), "start"), strstr(text_a, "met") - text_a);
    CHECK_STR(S_str(last, "code"), "112");
    CHECK(S_int(last, "article") > 0 && S_int(last, "article") != S_int(first, "article"));
    CHECK(json_is_array(json_object_get(last, "disputes")));
    json_decref(j);
}

static void test_event_filters(void)
{
    CHECK_INT(S_total("certainty=all"), 4);
    CHECK_INT(S_total("certainty=negated"), 1);
    CHECK_INT(S_total("certainty=asserted"), 2);
    CHECK_INT(S_total("source=atl"), 1);            /* prefixes are upper-cased */
    CHECK_INT(S_total("source=LEM"), 1);            /* LEM matches LEMGOV */
    CHECK_INT(S_total("target=ATL"), 2);
    CHECK_INT(S_total("actor=LEM"), 2);             /* either side */
    CHECK_INT(S_total("actor=LEM&certainty=all"), 3);
    CHECK_INT(S_total("code=11"), 1);
    CHECK_INT(S_total("root=13"), 1);
    CHECK_INT(S_total("root=4"), 1);                /* 4 is 04 */
    CHECK_INT(S_total("quad=3"), 2);
    CHECK_INT(S_total("quad=4&certainty=all"), 1);
    CHECK_INT(S_total("from=2024-06-01"), 1);
    CHECK_INT(S_total("to=2024-05-31"), 2);
    CHECK_INT(S_total("from=2024-05-06&to=2024-05-06"), 2);
    CHECK_INT(S_total("text=spying"), 1);
    CHECK_INT(S_total("dyad=ATL,MUS"), 1);
    CHECK_INT(S_total("dyad=LEM,ATL"), 2);
    CHECK_INT(S_total("source=&target="), 3);       /* empty values: left out */
    CHECK_INT(S_total("source=ZZZ"), 0);

    int status;
    json_t *j = S_ask("/api/events", "limit=1&offset=1", &status);
    CHECK_INT(status, 200);
    CHECK_INT(S_int(j, "total"), 3);
    CHECK_INT(S_int(j, "limit"), 1);
    CHECK_INT(S_int(j, "offset"), 1);
    CHECK_INT(json_array_size(json_object_get(j, "events")), 1);
    CHECK_STR(S_str(json_array_get(json_object_get(j, "events"), 0), "code"), "040");
    json_decref(j);
    j = S_ask("/api/events", "offset=10", &status);
    CHECK_INT(json_array_size(json_object_get(j, "events")), 0);
    CHECK_INT(S_int(j, "total"), 3);
    json_decref(j);
}

static void test_bad_parameters(void)
{
    S_bad("/api/events", "root=21", "root");
    S_bad("/api/events", "root=xx", "root");
    S_bad("/api/events", "root=013", "root");
    S_bad("/api/events", "quad=5", "quad");
    S_bad("/api/events", "quad=0", "quad");
    S_bad("/api/events", "from=2024-13-01", "from");
    S_bad("/api/events", "from=20240506", "from");
    S_bad("/api/events", "to=2024-02-30", "to");
    S_bad("/api/events", "from=2024-06-01&to=2024-05-01", "to");
    S_bad("/api/events", "certainty=maybe", "certainty");
    S_bad("/api/events", "limit=0", "limit");
    S_bad("/api/events", "limit=1001", "limit");
    S_bad("/api/events", "limit=ten", "limit");
    S_bad("/api/events", "offset=-1", "offset");
    S_bad("/api/events", "text=\"unclosed", "text");
    S_bad("/api/events", "source=US A", "source");
    S_bad("/api/events", "source=USA'--", "source");
    S_bad("/api/events", "code=1%", "code");
    S_bad("/api/events", "dyad=USA", "dyad");
    S_bad("/api/events", "dyad=USA,CHN,RUS", "dyad");
    S_bad("/api/events", "foo=1", "foo");
    S_bad("/api/events", "Source=USA", "Source");
    S_bad("/api/events", "root=13&root=14", "root");
    S_bad("/api/events", "level=full", "level");        /* not a parameter of events */
    S_bad("/api/events", "by=day", "by");
    S_bad("/api/dyads", "level=country2", "level");
    S_bad("/api/actors", "level=all", "level");
    S_bad("/api/timeline", "by=year", "by");
    S_bad("/api/timeline", "dyad=ATL", "dyad");
    S_bad("/api/quotes", "group=actor", "group");
    S_bad("/api/quotes", "article=abc", "article");
    S_bad("/api/quotes", "article=0", "article");
    S_bad("/api/quotes", "root=13", "root");
    S_bad("/api/codes", "limit=5", "limit");
    S_bad("/api/articles/1", "x=1", "x");
    S_bad("/api/articles/x1", NULL, "id");
    S_bad("/api/articles/-1", NULL, "id");
    /* too many parameters */
    char many[512] = "";
    for (int i = 0; i < TX_API_PARAMS_MAX + 1; i++)
        strcat(many, i ? "&x=1" : "x=1");
    S_bad("/api/events", many, NULL);
    /* a name that is not UTF-8 still gives a valid JSON answer */
    S_bad("/api/events", "\xff\xfe=1", "...");
}

static void test_dyads(void)
{
    int status;
    json_t *j = S_ask("/api/dyads", NULL, &status);
    CHECK_INT(status, 200);
    CHECK_STR(S_str(j, "level"), "country");
    json_t *dyads = json_object_get(j, "dyads");
    CHECK_INT(json_array_size(dyads), 3);
    int found = 0;
    for (size_t i = 0; i < json_array_size(dyads); i++) {
        json_t *d = json_array_get(dyads, i);
        CHECK_INT(S_int(d, "events"), 1);
        CHECK_INT(json_array_size(json_object_get(d, "quad")), 4);
        if (strcmp(S_str(d, "source"), "LEM") == 0 && strcmp(S_str(d, "target"), "ATL") == 0) {
            found = 1;  /* LEMGOV at the country level */
            CHECK_INT(json_integer_value(json_array_get(json_object_get(d, "quad"), 0)), 1);
            CHECK(fabs(json_number_value(json_object_get(d, "goldstein")) - 1.0) < 1e-9);
        }
    }
    CHECK(found);
    json_decref(j);
    j = S_ask("/api/dyads", "level=full&certainty=all", &status);
    dyads = json_object_get(j, "dyads");
    CHECK_INT(json_array_size(dyads), 4);
    found = 0;
    for (size_t i = 0; i < json_array_size(dyads); i++)
        found += strcmp(S_str(json_array_get(dyads, i), "source"), "LEMGOV") == 0;
    CHECK_INT(found, 1);
    json_decref(j);
    j = S_ask("/api/dyads", "limit=1&root=13", &status);
    dyads = json_object_get(j, "dyads");
    CHECK_INT(json_array_size(dyads), 1);
    CHECK_STR(S_str(json_array_get(dyads, 0), "source"), "MUS");
    json_decref(j);
}

static void test_timeline(void)
{
    int status;
    json_t *j = S_ask("/api/timeline", "by=month", &status);
    CHECK_INT(status, 200);
    CHECK_STR(S_str(j, "by"), "month");
    CHECK(json_is_false(json_object_get(j, "truncated")));
    json_t *periods = json_object_get(j, "periods");
    CHECK_INT(json_array_size(periods), 2);
    json_t *may = json_array_get(periods, 0), *june = json_array_get(periods, 1);
    CHECK_STR(S_str(may, "period"), "2024-05");
    CHECK_INT(S_int(may, "events"), 2);
    json_t *quad = json_object_get(may, "quad");
    CHECK_INT(json_integer_value(json_array_get(quad, 0)), 1);
    CHECK_INT(json_integer_value(json_array_get(quad, 2)), 1);
    CHECK(fabs(json_number_value(json_object_get(may, "goldstein")) + 0.5) < 1e-9);
    CHECK_STR(S_str(june, "period"), "2024-06");
    json_decref(j);
    j = S_ask("/api/timeline", NULL, &status);  /* by day by default */
    CHECK_STR(S_str(j, "by"), "day");
    CHECK_STR(S_str(json_array_get(json_object_get(j, "periods"), 0), "period"), "2024-05-06");
    json_decref(j);
    j = S_ask("/api/timeline", "by=week&dyad=ATL,LEM", &status);
    periods = json_object_get(j, "periods");
    CHECK_INT(json_array_size(periods), 1);
    CHECK_STR(S_str(json_array_get(periods, 0), "period"), "2024-05-06");  /* a Monday */
    json_decref(j);
    j = S_ask("/api/timeline", "limit=1", &status);
    CHECK_INT(json_array_size(json_object_get(j, "periods")), 1);
    CHECK(json_is_true(json_object_get(j, "truncated")));
    json_decref(j);
}

static void test_actors(void)
{
    int status;
    json_t *j = S_ask("/api/actors", NULL, &status);
    CHECK_INT(status, 200);
    json_t *actors = json_object_get(j, "actors");
    CHECK_INT(json_array_size(actors), 3);
    json_t *first = json_array_get(actors, 0);
    CHECK_STR(S_str(first, "code"), "ATL");
    CHECK_INT(S_int(first, "events"), 3);
    CHECK_INT(S_int(first, "as_source"), 1);
    CHECK_INT(S_int(first, "as_target"), 2);
    json_decref(j);
    j = S_ask("/api/actors", "level=full&limit=10", &status);
    actors = json_object_get(j, "actors");
    int lemgov = 0;
    for (size_t i = 0; i < json_array_size(actors); i++)
        lemgov += strcmp(S_str(json_array_get(actors, i), "code"), "LEMGOV") == 0;
    CHECK_INT(lemgov, 1);
    json_decref(j);
}

static void test_quotes(void)
{
    int status;
    json_t *j = S_ask("/api/quotes", NULL, &status);
    CHECK_INT(status, 200);
    CHECK_INT(S_int(j, "total"), 1);  /* the scare quote is left out */
    json_t *q = json_array_get(json_object_get(j, "quotes"), 0);
    CHECK_STR(S_str(q, "text"), "We will talk again soon with them.");
    CHECK_INT(S_int(q, "start"), strstr(text_a, "We will") - text_a);
    CHECK_STR(S_str(json_object_get(q, "speaker"), "name"), "Envoy Smith");
    CHECK_STR(S_str(json_object_get(q, "speaker"), "code"), "LEMGOV");
    CHECK_STR(S_str(q, "cue"), "said");
    CHECK_STR(S_str(q, "date"), "2024-05-06");
    long article = S_int(q, "article");
    json_decref(j);
    char query[64];
    struct {
        const char *query;
        long total;
    } cases[] = {{"speaker=envoy smith", 1}, {"speaker=Nobody", 0}, {"actor=LEM", 1},
                 {"actor=MUS", 0}, {"from=2024-06-01", 0}, {"to=2024-05-06", 1}, {NULL, 1}};
    snprintf(query, sizeof(query), "article=%ld", article);
    cases[6].query = query;
    for (size_t i = 0; i < TX_ARRAY_SIZE(cases); i++) {
        j = S_ask("/api/quotes", cases[i].query, &status);
        CHECK_INT(status, 200);
        CHECK_INT(S_int(j, "total"), cases[i].total);
        json_decref(j);
    }
    j = S_ask("/api/quotes", "group=speaker", &status);
    json_t *speakers = json_object_get(j, "speakers");
    CHECK_INT(json_array_size(speakers), 1);
    CHECK_STR(S_str(json_array_get(speakers, 0), "name"), "Envoy Smith");
    CHECK_INT(S_int(json_array_get(speakers, 0), "quotes"), 1);
    json_decref(j);
}

/* The article of the event with code `code`. */
static long S_article_of(const char *code)
{
    int status;
    char query[64];
    snprintf(query, sizeof(query), "code=%s&certainty=all", code);
    json_t *j = S_ask("/api/events", query, &status);
    long id = S_int(json_array_get(json_object_get(j, "events"), 0), "article");
    json_decref(j);
    return id;
}

static void test_article(void)
{
    long a = S_article_of("112"), b = S_article_of("130");
    char path[64];
    snprintf(path, sizeof(path), "/api/articles/%ld", a);
    int status;
    json_t *j = S_ask(path, NULL, &status);
    CHECK_INT(status, 200);
    CHECK_INT(S_int(j, "id"), a);
    CHECK_STR(S_str(j, "ext_id"), "a1");
    CHECK_STR(S_str(j, "title"), "Atlantis and Lemuria");
    CHECK_STR(S_str(j, "source"), "wire");
    CHECK_STR(S_str(j, "date"), "2024-05-06");
    CHECK_STR(S_str(j, "text"), text_a);
    json_t *spans = json_object_get(j, "spans");
    int kinds[7] = {0};
    static const char *const names[] = {"event", "verb", "source", "target",
                                        "quote", "entity", "noise"};
    long previous = 0, len = (long)strlen(text_a);
    int ordered = 1, inside = 1, events_named = 1;
    for (size_t i = 0; i < json_array_size(spans); i++) {
        json_t *s = json_array_get(spans, i);
        const char *kind = S_str(s, "kind");
        long start = S_int(s, "start"), end = S_int(s, "end");
        for (size_t k = 0; k < TX_ARRAY_SIZE(names); k++)
            kinds[k] += strcmp(kind, names[k]) == 0;
        ordered &= start >= previous;
        inside &= start >= 0 && start <= end && end <= len;
        previous = start;
        CHECK(json_is_string(json_object_get(s, "label")));
        if (strcmp(kind, "quote") != 0 && strcmp(kind, "entity") != 0 && strcmp(kind, "noise") != 0)
            events_named &= S_int(s, "event") > 0;
        if (strcmp(kind, "verb") == 0 && strcmp(S_str(s, "code"), "112") == 0)
            CHECK(end - start == 7 && strncmp(text_a + start, "accused", 7) == 0);
        if (strcmp(kind, "noise") == 0) {
            CHECK(strncmp(text_a + start, "Read more: nothing", (size_t)(end - start)) == 0);
            CHECK_STR(S_str(s, "label"), "promo");
        }
        if (strcmp(kind, "entity") == 0)
            CHECK_STR(S_str(s, "label"), "Rome");
        if (strcmp(kind, "quote") == 0)
            CHECK_STR(S_str(s, "label"), "Envoy Smith");
    }
    CHECK(ordered);
    CHECK(inside);
    CHECK(events_named);
    for (size_t k = 0; k < 4; k++)
        CHECK_INT(kinds[k], 2);  /* two events, each with sentence, verb, source, target */
    CHECK_INT(kinds[4], 1);
    CHECK_INT(kinds[5], 1);
    CHECK_INT(kinds[6], 1);
    json_decref(j);

    snprintf(path, sizeof(path), "/api/articles/%ld", b);
    j = S_ask(path, NULL, &status);
    CHECK_INT(status, 200);
    CHECK(json_is_null(json_object_get(j, "title")));
    CHECK(json_is_null(json_object_get(j, "url")));
    spans = json_object_get(j, "spans");
    int negated = 0, scare = 0;
    for (size_t i = 0; i < json_array_size(spans); i++) {
        json_t *s = json_array_get(spans, i);
        negated += strcmp(S_str(s, "kind"), "event") == 0 && S_str(s, "certainty") &&
                   strcmp(S_str(s, "certainty"), "negated") == 0;
        scare += json_is_true(json_object_get(s, "scare"));
    }
    CHECK_INT(negated, 1);  /* every mention, whatever its certainty */
    CHECK_INT(scare, 1);
    json_decref(j);

    S_status("GET", "/api/articles/999", 404, "not_found");
}

static void test_codes(const tx_cameo *cameo)
{
    int status;
    json_t *j = S_ask("/api/codes", NULL, &status);
    CHECK_INT(status, 200);
    json_t *codes = json_object_get(j, "codes");
    CHECK_INT(json_array_size(codes), tx_cameo_count(cameo));
    json_t *first = json_array_get(codes, 0);
    CHECK_STR(S_str(first, "code"), "040");
    CHECK_STR(S_str(first, "name"), "Consult");
    CHECK_STR(S_str(first, "root"), "04");
    CHECK_INT(S_int(first, "quad_class"), 1);
    json_decref(j);
}

static void test_paths_and_methods(void)
{
    S_status("GET", "/api/", 404, "not_found");
    S_status("GET", "/api", 404, "not_found");
    S_status("GET", "/api/events/", 404, "not_found");
    S_status("GET", "/api/nothing", 404, "not_found");
    S_status("GET", "/api/articles/", 404, "not_found");
    S_status("GET", "/index.html", 404, "not_found");
    S_status("POST", "/api/events", 405, "method_not_allowed");
    S_status("DELETE", "/api/nothing", 405, "method_not_allowed");
    int status;
    json_t *j = S_ask_method("HEAD", "/api/events", NULL, &status);
    CHECK_INT(status, 200);
    json_decref(j);
}

static void test_time_limit(void)
{
    tx_api_set_time_limit(api, 0);
    /* recounting every certainty takes SQLite well over one progress period, even here */
    const char *const paths[] = {"/api/events", "/api/timeline", "/api/dyads", "/api/actors"};
    for (size_t i = 0; i < TX_ARRAY_SIZE(paths); i++) {
        int status;
        json_t *j = S_ask(paths[i], "certainty=all", &status);
        CHECK_INT(status, 503);
        CHECK_STR(S_str(json_object_get(j, "error"), "code"), "timeout");
        json_decref(j);
    }
    tx_api_set_time_limit(api, TX_API_TIME_LIMIT_MS);
    CHECK_INT(S_total(NULL), 3);
}

/* Events as a string of "id:mentions/sources/articles@first mention" items. */
static int S_describe(void *ctx, const tx_store_event *e)
{
    tx_buf_printf(ctx, "%lld:%ld/%ld/%ld@%lld,%lld,%ld ", (long long)e->id, e->num_mentions,
                  e->num_sources, e->num_articles, (long long)e->mention,
                  (long long)e->article_row, e->sentence_start);
    return 0;
}

/* The counts kept in `events` give what recounting the mentions gives. */
static void test_use_counts(void)
{
    tx_store *s = tx_store_open(db_path, TX_STORE_READ, NULL, NULL, 0);
    const char *const sources[] = {NULL, "ATL", "MUS", "LEM"};
    for (size_t i = 0; s && i < TX_ARRAY_SIZE(sources); i++) {
        tx_buf slow = TX_BUF_INIT, fast = TX_BUF_INIT;
        tx_store_filter f = {0};
        f.source = sources[i];
        f.newest_first = 1;
        CHECK_INT(tx_store_events(s, &f, S_describe, &slow), TX_OK);
        f.use_counts = 1;
        CHECK_INT(tx_store_events(s, &f, S_describe, &fast), TX_OK);
        CHECK_STR(fast.data ? fast.data : "", slow.data ? slow.data : "");
        long counted = -1, recounted = -2;
        CHECK_INT(tx_store_count(s, &f, &counted), TX_OK);
        f.use_counts = 0;
        CHECK_INT(tx_store_count(s, &f, &recounted), TX_OK);
        CHECK_INT(counted, recounted);
        tx_buf_free(&slow);
        tx_buf_free(&fast);
    }
    CHECK(s != NULL);
    tx_store_close(s);
}

static void test_open_errors(void)
{
    char why[256] = "";
    tx_status status;
    char missing[160];
    snprintf(missing, sizeof(missing), "%s/missing.db", temp_dir);
    CHECK(tx_api_open(missing, NULL, &status, why, sizeof(why)) == NULL);
    CHECK_INT(status, TX_ERR_IO);
    CHECK(strstr(why, "cannot open") != NULL);
    CHECK(access(missing, F_OK) != 0);  /* read-only: nothing created */
}

int main(void)
{
    snprintf(temp_dir, sizeof(temp_dir), "%s", "/tmp/tacitus-api-XXXXXX");
    if (!mkdtemp(temp_dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(db_path, sizeof(db_path), "%s/api.db", temp_dir);
    tx_cameo *cameo = tx_cameo_load_buffer("codes.tsv", codes_tsv, strlen(codes_tsv), NULL, NULL);
    char why[256];
    if (cameo && S_build_db(cameo) == 0 &&
        (api = tx_api_open(db_path, cameo, NULL, why, sizeof(why))) != NULL) {
        test_events();
        test_event_filters();
        test_bad_parameters();
        test_dyads();
        test_timeline();
        test_actors();
        test_quotes();
        test_article();
        test_codes(cameo);
        test_paths_and_methods();
        test_time_limit();
        test_use_counts();
        test_open_errors();
    } else {
        CHECK(!"the test database could be built and opened");
    }
    tx_api_close(api);
    tx_cameo_free(cameo);
    char command[128];
    snprintf(command, sizeof(command), "rm -rf '%s'", temp_dir);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", temp_dir);
    return test_report("test_api");
}
