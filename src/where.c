/* where.c: picks the gazetteer place an event happened in from the mentions of its sentence. */
#include "where.h"

#include <string.h>

static const char *const S_prepositions[] = {"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", NULL};

static size_t S_token_starting(const tx_tokens *t, uint32_t at)
{
    size_t i = 0;
    while (i < t->count && t->items[i].start < at)
        i++;
    return i;
}

static int S_preposition(const tx_tokens *t, size_t i)
{
    if (i >= t->count)
        return 0;
    for (const char *const *p = S_prepositions; *p; p++)
        if (strcmp(tx_tokens_key(t, i), *p) == 0)
            return 1;
    return 0;
}

int tx_where_event(const tx_tokens *t, uint32_t verb_start, const tx_mention_entity *mentions,
                   size_t n, tx_place *place)
{
    const tx_mention_entity *best = NULL;
    for (size_t k = 0; k < n; k++) {
        const tx_mention_entity *m = &mentions[k];
        if (m->entity->kind != TX_ENTITY_PLACE && m->entity->kind != TX_ENTITY_COUNTRY)
            continue;
        size_t i = S_token_starting(t, m->start);
        if (i == 0 || i >= t->count || !S_preposition(t, i - 1))
            continue;
        /* before the verb only when it opens the sentence: "In Rome, ..." */
        if (m->start < verb_start && i - 1 != 0)
            continue;
        if (m->start >= verb_start) {
            best = m;   /* the nearest after the verb */
            break;
        }
        best = m;
    }
    if (!best)
        return 0;
    memset(place, 0, sizeof(*place));
    place->name = best->entity->name;
    memcpy(place->country, best->entity->country, sizeof(place->country));
    place->has_point = best->entity->has_point;
    place->latitude = best->entity->latitude;
    place->longitude = best->entity->longitude;
    place->start = best->start;
    place->end = best->end;
    return 1;
}
