/* discards.h: phrases that mark a sentence or a whole story as not to be coded. */
#ifndef TX_DISCARDS_H
#define TX_DISCARDS_H

#include "diag.h"
#include "token.h"

typedef struct tx_discards tx_discards;

typedef enum {
    TX_DISCARD_NONE = 0,
    TX_DISCARD_SENTENCE,  /* plain phrase: skip this sentence */
    TX_DISCARD_STORY      /* "+phrase": skip this sentence and the rest of the story */
} tx_discard_kind;

tx_discards *tx_discards_new(void);
void tx_discards_free(tx_discards *discards);

/* Reads a discard file (DICTIONARY_FORMATS.md §5), documented semantics: case-insensitive
 * match on words of the text; punctuation does not block a match; a phrase ending in _ must
 * end at a word boundary, otherwise its last word may be a prefix (TYPHOON matches TYPHOONS).
 * Only the last word may be a prefix; the others match whole tokens.  Words are separated
 * by blanks or '_' and interned with tx_actors_intern_word() (possessives split as in the
 * text).  A line with no phrase ("+" alone) is reported. */
tx_status tx_discards_load(tx_discards *discards, const char *path, tx_diag *diag);
tx_status tx_discards_load_buffer(tx_discards *discards, const char *name, const char *data,
                                  size_t len, tx_diag *diag);

/* Looks for a discard phrase among the tokens (by their folded keys).  On a match returns
 * its kind and stores the matched token range [*first, *first + *count) and the phrase
 * (owned by `discards`, as written without the '+') in *phrase; any output pointer may be
 * NULL.  A story phrase anywhere outranks a sentence phrase; otherwise the first match wins,
 * the longest at its position.  Never allocates. */
tx_discard_kind tx_discards_match(const tx_discards *discards, const tx_tokens *tokens,
                                  size_t *first, size_t *count, const char **phrase);

#endif
