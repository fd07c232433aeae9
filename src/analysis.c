/* analysis.c: drives one article through noise filter, sentence split, coder, claims, dates, places and quotes. */
#include "analysis.h"

#include "claims.h"
#include "quotes.h"
#include "when.h"
#include "where.h"

#include <stdlib.h>
#include <string.h>

struct tx_analyzer {
    tx_dictionaries dict;
    tx_analyzer_options options;
    tx_coder *coder;
    tx_claims *claims;
    tx_quoter *quoter;
    tx_analysis result;
    size_t cap_events, cap_links, cap_entities, cap_sentence_noise;
    uint8_t *noisy;      /* per line number: the line is noise */
    size_t cap_noisy;
};

const char *tx_certainty_name(tx_certainty certainty)
{
    static const char *const names[] = {"asserted", "reported", "hypothetical", "negated"};
    return (unsigned)certainty < TX_ARRAY_SIZE(names) ? names[certainty] : "";
}

void tx_analyzer_options_default(tx_analyzer_options *options)
{
    memset(options, 0, sizeof(*options));
    tx_coder_options_default(&options->coding);
    options->coding.named_actors = 1;
    options->coding.passive_patient = 1;
    options->entities = 1;
}

tx_analyzer *tx_analyzer_new(const tx_dictionaries *dict, const tx_analyzer_options *options)
{
    tx_analyzer *a = calloc(1, sizeof(*a));
    if (!a)
        return NULL;
    a->dict = *dict;
    if (options)
        a->options = *options;
    else
        tx_analyzer_options_default(&a->options);
    a->coder = tx_coder_new(dict);
    a->claims = a->coder ? tx_claims_new(dict) : NULL;
    a->quoter = a->claims ? tx_quoter_new(dict) : NULL;
    if (!a->quoter) {
        tx_analyzer_free(a);
        return NULL;
    }
    return a;
}

void tx_analyzer_free(tx_analyzer *a)
{
    if (!a)
        return;
    tx_coder_free(a->coder);
    tx_claims_free(a->claims);
    tx_quoter_free(a->quoter);
    tx_lines_free(&a->result.lines);
    tx_sentences_free(&a->result.sentences);
    free(a->result.events);
    free(a->result.links);
    free(a->result.sentence_noise);
    /* result.quotes belong to the quoter */
    free(a->result.entities);
    free(a->noisy);
    free(a);
}

tx_coder *tx_analyzer_coder(tx_analyzer *a) { return a->coder; }

/* Classifies the lines and marks the noise ones in a->noisy. */
static tx_status S_filter_noise(tx_analyzer *a)
{
    tx_analysis *r = &a->result;
    if (tx_noise_classify(r->text, r->text_len, &r->lines) < 0)
        return TX_ERR_NOMEM;
    size_t last = r->lines.count ? r->lines.items[r->lines.count - 1].number : 0;
    if (last + 1 > a->cap_noisy) {
        uint8_t *noisy = realloc(a->noisy, last + 1);
        if (!noisy)
            return TX_ERR_NOMEM;
        a->noisy = noisy;
        a->cap_noisy = last + 1;
    }
    memset(a->noisy, 0, last + 1);
    for (size_t i = 0; i < r->lines.count; i++) {
        tx_line *l = &r->lines.items[i];
        if (a->options.keep_noise)
            l->kind = TX_NOISE_NONE;
        if (l->kind == TX_NOISE_NONE)
            continue;
        a->noisy[l->number] = 1;
        r->noise_lines++;
    }
    return TX_OK;
}

static tx_status S_add_entities(tx_analyzer *a, uint32_t sentence)
{
    tx_analysis *r = &a->result;
    tx_mention mentions[64];
    size_t n = tx_coder_mentions(a->coder, mentions, TX_ARRAY_SIZE(mentions));
    for (size_t i = 0; i < n; i++) {
        const tx_entity *e = tx_entities_of_phrase(a->dict.entities, a->dict.actors,
                                                   mentions[i].phrase);
        if (!e)
            continue;
        if (tx_reserve((void **)&r->entities, &a->cap_entities, r->entity_count,
                       sizeof(*r->entities)) < 0)
            return TX_ERR_NOMEM;
        const char *code = mentions[i].code;
        r->entities[r->entity_count++] = (tx_mention_entity){
            sentence, mentions[i].start, mentions[i].end, e,
            code && strcmp(code, "---") != 0 ? code : NULL};
    }
    return TX_OK;
}

/* Whether an actor of a role that wields no force is coded as using it ("MHI is fighting back
 * against South Korean competition", "Heineken bars in Moscow"): coercion and violence (roots
 * 17-20) by a company, news outlet, school, hospital or farm with no armed or state role
 * beside it is a metaphor or a misreading, not an event. */
static int S_implausible(const tx_event *e)
{
    static const char *const unarmed[] = {"BUS", "MED", "EDU", "HLH", "AGR", "ENV", "SPT"};
    static const char *const armed[] = {"GOV", "MIL", "COP", "REB", "INS", "SPY", "UAF", "SEP",
                                        "CRM", "IMG", "JUD"};
    if (strncmp(e->code, "17", 2) < 0 || strncmp(e->code, "20", 2) > 0 || strlen(e->code) < 2)
        return 0;
    int weak = 0, strong = 0;
    const char *code = e->source.code;
    for (size_t at = 0; code[at] && code[at + 1] && code[at + 2]; at += 3) {
        for (size_t i = 0; i < TX_ARRAY_SIZE(unarmed); i++)
            weak |= strncmp(code + at, unarmed[i], 3) == 0;
        for (size_t i = 0; i < TX_ARRAY_SIZE(armed); i++)
            strong |= strncmp(code + at, armed[i], 3) == 0;
    }
    return weak && !strong;
}

/* "Sullivan meets Yang in Rome": a meeting in a country that is neither side's is CAMEO 044,
 * "meet at a third location", which only the place can tell. */
static void S_third_location(tx_analysis_event *e)
{
    const char *where = e->location.country;
    if (!e->has_location || !where[0] || strcmp(e->event.code, "040") != 0 ||
        strlen(e->event.source.code) < 3 || strlen(e->event.target.code) < 3 ||
        strncmp(e->event.source.code, where, 3) == 0 || strncmp(e->event.target.code, where, 3) == 0)
        return;
    e->event.code = "044";
}

/* Appends the events of one sentence with their claims, dates and places. */
static tx_status S_add_events(tx_analyzer *a, uint32_t sentence, const tx_event *events,
                              size_t n, size_t first_entity)
{
    tx_analysis *r = &a->result;
    const tx_tokens *tokens = tx_coder_tokens(a->coder);
    for (size_t k = 0; k < n; k++) {
        if (S_implausible(&events[k]))
            continue;
        if (tx_reserve((void **)&r->events, &a->cap_events, r->event_count,
                       sizeof(*r->events)) < 0)
            return TX_ERR_NOMEM;
        tx_analysis_event *e = &r->events[r->event_count];
        memset(e, 0, sizeof(*e));
        e->id = (uint32_t)++r->event_count;
        e->sentence = sentence;
        e->event = events[k];
        tx_claims_judge(a->claims, tokens, r->date, r->entities, r->entity_count, e);
        e->date = tx_when_event(tokens, e->event.verb_start, r->date, &e->date_precision);
        e->has_location = (uint8_t)tx_where_event(tokens, e->event.verb_start,
                                                  r->entities + first_entity,
                                                  r->entity_count - first_entity, &e->location);
        S_third_location(e);
    }
    return TX_OK;
}

static tx_status S_code_sentences(tx_analyzer *a)
{
    tx_analysis *r = &a->result;
    int entities = a->options.entities && a->dict.entities && tx_entities_count(a->dict.entities);
    if (r->sentences.count > a->cap_sentence_noise) {
        uint8_t *marks = realloc(r->sentence_noise, r->sentences.count);
        if (!marks)
            return TX_ERR_NOMEM;
        r->sentence_noise = marks;
        a->cap_sentence_noise = r->sentences.count;
    }
    if (r->sentences.count)
        memset(r->sentence_noise, 0, r->sentences.count);
    for (size_t i = 0; i < r->sentences.count; i++) {
        const tx_sentence *s = &r->sentences.items[i];
        if (s->line < a->cap_noisy && a->noisy[s->line])
            continue;
        if (!a->options.keep_noise && tx_noise_link_junk(r->text + s->start, s->end - s->start)) {
            r->sentence_noise[i] = TX_NOISE_LINKS;
            continue;
        }
        tx_event events[TX_EVENTS_MAX];
        size_t n;
        tx_sentence_status status = tx_coder_code(a->coder, r->text, s->start, s->end, r->date,
                                                  &a->options.coding, events, &n);
        r->sentences_coded++;
        if (status == TX_SENTENCE_STORY_DISCARDED)
            break;
        size_t first_entity = r->entity_count;
        if ((entities && S_add_entities(a, (uint32_t)i) != TX_OK) ||
            S_add_events(a, (uint32_t)i, events, n, first_entity) != TX_OK)
            return TX_ERR_NOMEM;
    }
    return TX_OK;
}

static void S_reset(tx_analysis *r, const char *text, size_t len, int32_t date)
{
    r->text = text;
    r->text_len = len;
    r->date = date;
    r->noise_lines = r->sentences_coded = 0;
    r->event_count = r->link_count = r->quote_count = r->entity_count = 0;
}

tx_status tx_analyzer_run(tx_analyzer *a, const char *text, size_t len, int32_t date,
                          const tx_analysis **out)
{
    tx_analysis *r = &a->result;
    S_reset(r, text, len, date);
    *out = r;
    tx_status status = S_filter_noise(a);
    if (status != TX_OK)
        return status;
    if (tx_split_sentences(text, len, &r->sentences) < 0)
        return TX_ERR_NOMEM;
    tx_coder_begin_article(a->coder);
    if ((status = S_code_sentences(a)) != TX_OK)
        return status;
    if ((status = tx_quoter_find(a->quoter, r, a->noisy, a->cap_noisy)) != TX_OK)
        return status;
    tx_claims_attribute_quoted(r);
    return tx_claims_link_disputes(r, &a->cap_links);
}
