/* storejson.h: a stored event's fields as JSON, shared by `tacitus query` and the HTTP API. */
#ifndef TX_STOREJSON_H
#define TX_STOREJSON_H

#include "jsonw.h"
#include "store.h"

/* Writes the fields of a stored event into the object `w` has open (the caller writes the
 * braces and its own identifying keys): sentence, sentence_text, source, target, code,
 * root, quad_class, goldstein, verb, pattern, certainty, attributed_to, disputes,
 * disputed_by, date, date_precision, location, num_mentions, num_sources, num_articles,
 * url.  The names and meanings are those of `tacitus code` event records. */
void tx_store_event_fields(tx_json_writer *w, const tx_store_event *event);

/* Writes "YYYY-MM-DD" of a YYYYMMDD date under `key`. */
void tx_json_key_date(tx_json_writer *w, const char *key, int32_t date);

#endif
