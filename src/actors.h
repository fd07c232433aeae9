/* actors.h: the actor dictionary: phrases to date-restricted CAMEO actor codes. */
#ifndef TX_ACTORS_H
#define TX_ACTORS_H

#include "diag.h"
#include "lexicon.h"
#include "token.h"

typedef struct tx_actors tx_actors;

/* Dates are days written as the integer YYYYMMDD (19950101); 0 means "no date known". */

/* The actors share `lex` (not owned; it must outlive them). */
tx_actors *tx_actors_new(tx_lexicon *lex);
void tx_actors_free(tx_actors *actors);

/* Reads a PETRARCH/TABARI actor file (DICTIONARY_FORMATS.md §1-2, with the documented
 * semantics, not the [ref] quirks: entries flushed at EOF, inclusive date bounds, restricted
 * codes tried in file order before the default, a two-word primary line is one phrase,
 * A/B codes kept as written for the coder to split).  Each malformed line is reported to
 * `diag` as "path:line: what was expected" and skipped.  Returns TX_ERR_IO if the file
 * cannot be read, TX_ERR_NOMEM, else TX_OK (even with reported problems). */
tx_status tx_actors_load(tx_actors *actors, const char *path, tx_diag *diag);

/* Loads from memory; `name` is used in diagnostics. */
tx_status tx_actors_load_buffer(tx_actors *actors, const char *name, const char *data,
                                size_t len, tx_diag *diag);

/* The longest phrase starting at tokens->items[first] (words must have been looked up:
 * items[i].word set).  Returns its length in tokens (0 if none) and its entry in *entry. */
size_t tx_actors_match(const tx_actors *actors, const tx_tokens *tokens, size_t first,
                       uint32_t *entry);

/* The code of `entry` on `date`: the first restricted code whose range holds the date,
 * else the first unrestricted code, else NULL.  "---" (the null actor) is returned as is.
 * Owned by `actors`. */
const char *tx_actors_code(const tx_actors *actors, uint32_t entry, int32_t date);

/* The phrase of an entry as written in the file (primary line), for messages; owned. */
const char *tx_actors_phrase(const tx_actors *actors, uint32_t entry);

size_t tx_actors_count(const tx_actors *actors);

/* Parses a dictionary date: YYMMDD (00-30 → 20YY, else 19YY) or YYYYMMDD, calendar checked.
 * Returns the YYYYMMDD integer, or -1 when malformed. */
int32_t tx_actors_parse_date(const char *s, size_t n);

#endif
