/* where.h: the place of an event: a gazetteer name in its clause ("in Rome", "at talks in Geneva"). */
#ifndef TX_WHERE_H
#define TX_WHERE_H

#include "analysis.h"

/* Finds the place of the event whose verb starts at byte `verb_start`, among the entity
 * mentions `mentions` of its sentence (text order): a place or country after "in", "at",
 * "near", "outside" — the nearest after the verb, or one opening the sentence ("In Rome,
 * ...").  A place that belongs to an actor before the verb ("the embassy in Washington
 * said") is not the event's.  Returns 1 and fills *place, or 0. */
int tx_where_event(const tx_tokens *tokens, uint32_t verb_start,
                   const tx_mention_entity *mentions, size_t n, tx_place *place);

#endif
