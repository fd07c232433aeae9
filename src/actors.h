/* actors.h: the actor dictionary: phrases to date-restricted CAMEO actor codes. */
#ifndef TX_ACTORS_H
#define TX_ACTORS_H

#include "buffer.h"
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
 * cannot be read, TX_ERR_NOMEM, else TX_OK (even with reported problems).
 * Details:
 *  - a malformed [CODE ...] group (bad or reversed dates, a date without <, > or -, no ']')
 *    is reported and left out; the rest of its line stands, so a primary line with a bad
 *    group still starts its entry and its synonyms do not slide into the previous one;
 *  - text after the code groups of a primary line is reported; the codes before it stand;
 *  - an entry that ends without any code is reported (at its primary line) and not stored:
 *    in the Phoenix files these are synonyms written without '+';
 *  - a line starting with "<!" is a comment (§1 rule 1);
 *  - phrase words are folded and interned with tx_actors_intern_word();
 *  - loading several files into one tx_actors appends their code lists like entries of one
 *    file (Phoenix: Countries, International, MilNonState). */
tx_status tx_actors_load(tx_actors *actors, const char *path, tx_diag *diag);

/* Loads from memory; `name` is used in diagnostics. */
tx_status tx_actors_load_buffer(tx_actors *actors, const char *name, const char *data,
                                size_t len, tx_diag *diag);

/* The longest phrase starting at tokens->items[first] (words must have been looked up:
 * items[i].word set).  Returns its length in tokens (0 if none) and its entry in *entry
 * (may be NULL).  An "entry" here is the phrase's record: an id below tx_actors_count()
 * standing for the codes of every dictionary entry that lists the phrase, in file order. */
size_t tx_actors_match(const tx_actors *actors, const tx_tokens *tokens, size_t first,
                       uint32_t *entry);

/* The code of `entry` on `date`: the first restricted code whose range holds the date,
 * else the first unrestricted code, else NULL.  "---" (the null actor) is returned as is.
 * Owned by `actors`.  Bounds are inclusive: <D holds on D, >D on D, D1-D2 on both ends.
 * date <= 0 (unknown) skips the restricted codes.  NULL means the phrase is known but has
 * no actor on that date (only restricted codes, none holding: ONODOHER [ONO <911226] in
 * 1992); the coder should consume the phrase without an actor.  A code with '/' (e.g.
 * "FRO/BIL/SAM") means several actors, one per '/'-separated member. */
const char *tx_actors_code(const tx_actors *actors, uint32_t entry, int32_t date);

/* The phrase of an entry as written in the file (primary line without its codes, e.g.
 * "KHAZAD_DUM_"), for messages; owned.  NULL for an id that is not an entry. */
const char *tx_actors_phrase(const tx_actors *actors, uint32_t entry);

/* The number of distinct phrases stored: entries are the ids below it. */
size_t tx_actors_count(const tx_actors *actors);

#define TX_ACTORS_NO_TAG UINT32_MAX

/* Adds one entry outside any file (tacitus's own dictionaries, tests): the phrases (words
 * separated by blanks or '_', folded like file phrases) get `code`, restricted to the days
 * from..to (YYYYMMDD, inclusive) when either is non-zero; 0 leaves that end open.  `tag` is
 * the caller's (an index into its own table); entries read from files have
 * TX_ACTORS_NO_TAG.  Returns TX_OK or TX_ERR_NOMEM. */
tx_status tx_actors_add(tx_actors *actors, const char *const *phrases, size_t n_phrases,
                        const char *code, int32_t from, int32_t to, uint32_t tag);

/* The lexicon the actors were created with (not owned by the caller). */
tx_lexicon *tx_actors_lexicon(const tx_actors *actors);

/* The tag of the first entry that defines `phrase` (an id from tx_actors_match). */
uint32_t tx_actors_tag(const tx_actors *actors, uint32_t phrase);

/* Parses a dictionary date: YYMMDD (00-30 → 20YY, else 19YY) or YYYYMMDD, calendar checked.
 * Returns the YYYYMMDD integer, or -1 when malformed. */
int32_t tx_actors_parse_date(const char *s, size_t n);

/* Interns the dictionary word w[0..n) (one word: no blank or '_') as the tokenizer keys text:
 * folded by tx_fold(), with a possessive split off as a token of its own ("PEOPLE'S" →
 * PEOPLE 'S, "JOURNALISTS'" → JOURNALISTS '), so phrases match token sequences.  Stores
 * one or two ids in ids[] and returns how many; 0 when out of memory.  `scratch` holds the
 * folded form.  Shared by the actor, agent, discard and issue readers. */
size_t tx_actors_intern_word(tx_lexicon *lex, const char *w, size_t n, tx_buf *scratch,
                             uint32_t ids[2]);

#endif
