/* storejson.c: writes the JSON fields of a stored event once, for every output that shows one. */
#include "storejson.h"

#include "analysis.h"

#include <math.h>
#include <stdio.h>

void tx_json_key_date(tx_json_writer *w, const char *key, int32_t date)
{
    char text[16];
    snprintf(text, sizeof(text), "%04d-%02d-%02d", (int)(date / 10000 % 10000),
             (int)(date / 100 % 100), (int)(date % 100));
    tx_json_key_cstr(w, key, text);
}

static void S_span(tx_json_writer *w, const char *key, const tx_store_span *s, int coded)
{
    if (!s->present) {
        tx_json_key_null(w, key);
        return;
    }
    tx_json_key(w, key);
    tx_json_begin(w);
    if (coded)
        tx_json_key_cstr(w, "code", s->code);
    tx_json_key_cstr(w, "text", s->text);
    tx_json_key_int(w, "start", s->start);
    tx_json_key_int(w, "end", s->end);
    tx_json_end(w);
}

static void S_ids(tx_json_writer *w, const char *key, const int64_t *ids, size_t n)
{
    tx_json_key(w, key);
    tx_json_begin_array(w);
    for (size_t i = 0; i < n; i++)
        tx_json_value_int(w, ids[i]);
    tx_json_end_array(w);
}

static void S_location(tx_json_writer *w, const tx_store_event *e)
{
    if (!e->has_location) {
        tx_json_key_null(w, "location");
        return;
    }
    tx_json_key(w, "location");
    tx_json_begin(w);
    tx_json_key_cstr(w, "name", e->location);
    if (e->location_country[0])
        tx_json_key_cstr(w, "country", e->location_country);
    else
        tx_json_key_null(w, "country");
    if (e->has_point) {
        tx_json_key_double(w, "lat", e->latitude);
        tx_json_key_double(w, "lon", e->longitude);
    }
    tx_json_end(w);
}

void tx_store_event_fields(tx_json_writer *w, const tx_store_event *e)
{
    static const char *const precisions[] = {"article", "day", "week", "month"};
    int precision = e->date_precision >= 0 && e->date_precision < 4 ? e->date_precision : 0;
    tx_json_key_int(w, "sentence", e->sentence);
    tx_json_key_cstr(w, "sentence_text", e->sentence_text);
    S_span(w, "source", &e->source, 1);
    S_span(w, "target", &e->target, 1);
    tx_json_key_cstr(w, "code", e->code);
    tx_json_key_cstr(w, "root", e->root);
    tx_json_key_int(w, "quad_class", e->quad_class);
    tx_json_key_double(w, "goldstein", e->has_goldstein ? e->goldstein : NAN);  /* NaN → null */
    S_span(w, "verb", &e->verb, 0);
    tx_json_key_cstr(w, "pattern", e->pattern);
    tx_json_key_cstr(w, "certainty", tx_certainty_name((tx_certainty)e->certainty));
    S_span(w, "attributed_to", &e->attribution, 1);
    S_ids(w, "disputes", e->disputes, e->disputes_count);
    S_ids(w, "disputed_by", e->disputed_by, e->disputed_by_count);
    tx_json_key_date(w, "date", e->date);
    tx_json_key_cstr(w, "date_precision", precisions[precision]);
    S_location(w, e);
    tx_json_key_int(w, "num_mentions", e->num_mentions);
    tx_json_key_int(w, "num_sources", e->num_sources);
    tx_json_key_int(w, "num_articles", e->num_articles);
    if (e->url[0])
        tx_json_key_cstr(w, "url", e->url);
    else
        tx_json_key_null(w, "url");
}
