/* render.c: the JSON Lines records and the table of `tacitus code`, from an analysis. */
#include "render.h"

#include "jsonw.h"

#include <stdio.h>
#include <string.h>

void tx_render_options_default(tx_render_options *o)
{
    memset(o, 0, sizeof(*o));
    o->article = "";
    o->patterns = "";
}

int tx_render_keeps(const tx_analysis_event *e, const tx_render_options *o)
{
    return o->all_certainties || e->certainty == TX_CERTAINTY_ASSERTED ||
           e->certainty == TX_CERTAINTY_REPORTED;
}

void tx_render_date(int32_t d, char out[16])
{
    unsigned y = (unsigned)(d / 10000) % 10000u, m = (unsigned)(d / 100 % 100),
             day = (unsigned)(d % 100);
    snprintf(out, 16, "%04u-%02u-%02u", y, m % 100u, day % 100u);
}

static void S_span(tx_json_writer *w, const char *key, const char *text, uint32_t start,
                   uint32_t end)
{
    tx_json_key(w, key);
    tx_json_begin(w);
    tx_json_key_str(w, "text", text + start, end - start);
    tx_json_key_int(w, "start", start);
    tx_json_key_int(w, "end", end);
    tx_json_end(w);
}

static void S_actor(tx_json_writer *w, const char *key, const tx_event_actor *a, const char *text)
{
    if (strcmp(a->code, "---") == 0 && a->start == a->end) {
        tx_json_key_null(w, key);
        return;
    }
    tx_json_key(w, key);
    tx_json_begin(w);
    tx_json_key_cstr(w, "code", a->code);
    tx_json_key_str(w, "text", text + a->start, a->end - a->start);
    tx_json_key_int(w, "start", a->start);
    tx_json_key_int(w, "end", a->end);
    tx_json_end(w);
}

static void S_ids(tx_json_writer *w, const char *key, const tx_analysis *r, uint32_t first,
                  uint32_t count)
{
    tx_json_key(w, key);
    tx_json_begin_array(w);
    for (uint32_t i = 0; i < count; i++)
        tx_json_value_int(w, r->links[first + i]);
    tx_json_end_array(w);
}

static void S_location(tx_json_writer *w, const tx_place *p)
{
    tx_json_key(w, "location");
    tx_json_begin(w);
    tx_json_key_cstr(w, "name", p->name);
    if (p->country[0])
        tx_json_key_cstr(w, "country", p->country);
    if (p->has_point) {
        tx_json_key_double(w, "lat", p->latitude);
        tx_json_key_double(w, "lon", p->longitude);
    }
    tx_json_key_int(w, "start", p->start);
    tx_json_key_int(w, "end", p->end);
    tx_json_end(w);
}

static const char *S_precision_name(uint8_t precision)
{
    static const char *const names[] = {"article", "day", "week", "month"};
    return precision < TX_ARRAY_SIZE(names) ? names[precision] : "article";
}

int tx_render_event_json(tx_buf *out, const tx_analysis *r, const tx_analysis_event *ae,
                         const tx_render_options *o)
{
    const tx_event *e = &ae->event;
    const tx_sentence *s = &r->sentences.items[ae->sentence];
    const char *text = r->text;
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "event");
    tx_json_key_cstr(&w, "article", o->article);
    tx_json_key_int(&w, "id", ae->id);
    tx_json_key_int(&w, "sentence", (long long)ae->sentence + 1);
    tx_json_key_str(&w, "sentence_text", text + s->start, s->end - s->start);
    S_actor(&w, "source", &e->source, text);
    S_actor(&w, "target", &e->target, text);
    tx_json_key_cstr(&w, "code", e->code);
    char root[3];
    tx_cameo_root(e->code, root);
    tx_json_key_cstr(&w, "root", root);
    tx_json_key_int(&w, "quad_class", tx_cameo_quad_class(e->code));
    const tx_cameo_code *c = o->cameo ? tx_cameo_find(o->cameo, e->code) : NULL;
    if (c)
        tx_json_key_double(&w, "goldstein", c->goldstein);
    else
        tx_json_key_null(&w, "goldstein");
    S_span(&w, "verb", text, e->verb_start, e->verb_end);
    char pattern[4200];
    snprintf(pattern, sizeof(pattern), "%s:%u", o->patterns, e->pattern_line);
    tx_json_key_cstr(&w, "pattern", pattern);
    tx_json_key_cstr(&w, "certainty", tx_certainty_name((tx_certainty)ae->certainty));
    if (ae->attribution.end > ae->attribution.start) {
        tx_json_key(&w, "attributed_to");
        tx_json_begin(&w);
        tx_json_key_cstr(&w, "code", ae->attribution.code);
        tx_json_key_str(&w, "text", text + ae->attribution.start,
                        ae->attribution.end - ae->attribution.start);
        tx_json_key_int(&w, "start", ae->attribution.start);
        tx_json_key_int(&w, "end", ae->attribution.end);
        tx_json_end(&w);
    } else {
        tx_json_key_null(&w, "attributed_to");
    }
    S_ids(&w, "disputes", r, ae->disputes_first, ae->disputes_count);
    S_ids(&w, "disputed_by", r, ae->disputed_by_first, ae->disputed_by_count);
    char date[16];
    tx_render_date(ae->date, date);
    tx_json_key_cstr(&w, "date", date);
    tx_json_key_cstr(&w, "date_precision", S_precision_name(ae->date_precision));
    if (ae->has_location)
        S_location(&w, &ae->location);
    else
        tx_json_key_null(&w, "location");
    tx_json_end(&w);
    return w.failed ? -1 : 0;
}

static void S_noise_span(tx_buf *out, const tx_analysis *r, uint32_t start, uint32_t end,
                         uint8_t kind, const tx_render_options *o)
{
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "noise");
    tx_json_key_cstr(&w, "article", o->article);
    tx_json_key_str(&w, "text", r->text + start, end - start);
    tx_json_key_int(&w, "start", start);
    tx_json_key_int(&w, "end", end);
    tx_json_key_cstr(&w, "why", tx_noise_name((tx_noise_kind)kind));
    tx_json_end(&w);
    tx_buf_putc(out, '\n');
}

static void S_noise(tx_buf *out, const tx_analysis *r, const tx_line *l, const tx_render_options *o)
{
    S_noise_span(out, r, l->start, l->end, l->kind, o);
}

/* Entity kinds of the output contract: person, org, place. */
static const char *S_entity_kind(const tx_entity *e)
{
    switch ((tx_entity_kind)e->kind) {
    case TX_ENTITY_PERSON: return "person";
    case TX_ENTITY_ORG: case TX_ENTITY_MEDIA: return "org";
    default: return "place";
    }
}

static void S_entity(tx_buf *out, const tx_analysis *r, const tx_mention_entity *m,
                     const tx_render_options *o)
{
    const tx_entity *e = m->entity;
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "entity");
    tx_json_key_cstr(&w, "article", o->article);
    tx_json_key_int(&w, "sentence", (long long)m->sentence + 1);
    tx_json_key_cstr(&w, "kind", S_entity_kind(e));
    tx_json_key_str(&w, "text", r->text + m->start, m->end - m->start);
    tx_json_key_int(&w, "start", m->start);
    tx_json_key_int(&w, "end", m->end);
    tx_json_key_cstr(&w, "name", e->name);
    if (m->code)
        tx_json_key_cstr(&w, "actor", m->code);
    if (e->country[0])
        tx_json_key_cstr(&w, "country", e->country);
    if (e->has_point) {
        tx_json_key_double(&w, "lat", e->latitude);
        tx_json_key_double(&w, "lon", e->longitude);
    }
    tx_json_end(&w);
    tx_buf_putc(out, '\n');
}

static void S_quote(tx_buf *out, const tx_analysis *r, const tx_quote *q, const tx_render_options *o)
{
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "quote");
    tx_json_key_cstr(&w, "article", o->article);
    tx_json_key_str(&w, "text", r->text + q->start, q->end - q->start);
    tx_json_key_int(&w, "start", q->start);
    tx_json_key_int(&w, "end", q->end);
    tx_json_key_bool(&w, "scare", q->scare);
    if (q->has_speaker) {
        tx_json_key(&w, "speaker");
        tx_json_begin(&w);
        if (q->speaker_name)
            tx_json_key_cstr(&w, "name", q->speaker_name);
        else
            tx_json_key_str(&w, "name", r->text + q->speaker_start, q->speaker_end - q->speaker_start);
        if (q->speaker_code[0])
            tx_json_key_cstr(&w, "code", q->speaker_code);
        else
            tx_json_key_null(&w, "code");
        tx_json_key_int(&w, "start", q->speaker_start);
        tx_json_key_int(&w, "end", q->speaker_end);
        tx_json_end(&w);
    } else {
        tx_json_key_null(&w, "speaker");
    }
    if (q->has_cue)
        S_span(&w, "cue", r->text, q->cue_start, q->cue_end);
    else
        tx_json_key_null(&w, "cue");
    tx_json_end(&w);
    tx_buf_putc(out, '\n');
}

static void S_article(tx_buf *out, const tx_analysis *r, const tx_render_options *o, size_t events)
{
    char date[16];
    tx_render_date(r->date, date);
    tx_json_writer w;
    tx_json_init(&w, out);
    tx_json_begin(&w);
    tx_json_key_cstr(&w, "type", "article");
    tx_json_key_cstr(&w, "article", o->article);
    tx_json_key_cstr(&w, "date", date);
    if (o->source)
        tx_json_key_cstr(&w, "source", o->source);
    if (o->title)
        tx_json_key_cstr(&w, "title", o->title);
    if (o->url)
        tx_json_key_cstr(&w, "url", o->url);
    tx_json_key_int(&w, "bytes", (long long)r->text_len);
    tx_json_key_int(&w, "lines", (long long)r->lines.count);
    tx_json_key_int(&w, "noise_lines", (long long)r->noise_lines);
    tx_json_key_int(&w, "sentences", (long long)r->sentences_coded);
    tx_json_key_int(&w, "events", (long long)events);
    tx_json_key_int(&w, "quotes", (long long)r->quote_count);
    tx_json_end(&w);
    tx_buf_putc(out, '\n');
}

int tx_render_jsonl(tx_buf *out, const tx_analysis *r, const tx_render_options *o)
{
    for (size_t i = 0; i < r->lines.count; i++)
        if (r->lines.items[i].kind != TX_NOISE_NONE)
            S_noise(out, r, &r->lines.items[i], o);
    for (size_t i = 0; i < r->sentences.count; i++)
        if (r->sentence_noise && r->sentence_noise[i])
            S_noise_span(out, r, r->sentences.items[i].start, r->sentences.items[i].end,
                         r->sentence_noise[i], o);
    size_t events = 0, k = 0, m = 0;
    for (size_t s = 0; s < r->sentences.count; s++) {
        for (; k < r->event_count && r->events[k].sentence == s; k++)
            if (tx_render_keeps(&r->events[k], o)) {
                tx_render_event_json(out, r, &r->events[k], o);
                tx_buf_putc(out, '\n');
                events++;
            }
        for (; m < r->entity_count && r->entities[m].sentence == s; m++)
            S_entity(out, r, &r->entities[m], o);
    }
    for (size_t q = 0; q < r->quote_count; q++)
        S_quote(out, r, &r->quotes[q], o);
    S_article(out, r, o, events);
    return out->failed ? -1 : 0;
}

int tx_render_table_header(tx_buf *out)
{
    return tx_buf_printf(out, "%-4s  %-12s %-5s %-12s %6s  %-12s %s\n", "sent", "source", "code",
                         "target", "goldst", "certainty", "event");
}

int tx_render_table(tx_buf *out, const tx_analysis *r, const tx_render_options *o)
{
    for (size_t k = 0; k < r->event_count; k++) {
        const tx_analysis_event *ae = &r->events[k];
        if (!tx_render_keeps(ae, o))
            continue;
        const tx_event *e = &ae->event;
        const tx_cameo_code *c = o->cameo ? tx_cameo_find(o->cameo, e->code) : NULL;
        char goldstein[16] = "";
        if (c)
            snprintf(goldstein, sizeof(goldstein), "%+.1f", c->goldstein);
        tx_buf_printf(out, "%4zu  %-12s %-5s %-12s %6s  %-12s %s\n", (size_t)ae->sentence + 1,
                      e->source.code, e->code, e->target.code, goldstein,
                      tx_certainty_name((tx_certainty)ae->certainty), c ? c->name : "");
    }
    return out->failed ? -1 : 0;
}
