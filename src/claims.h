/* claims.h: how sure the text is of each event, who claims it, and which later statements dispute it. */
#ifndef TX_CLAIMS_H
#define TX_CLAIMS_H

#include "analysis.h"

/* Someone who says something: the phrase found in the text and what it stands for. */
typedef struct {
    uint32_t start, end;       /* span of the phrase ("US officials", "He", "Mr Sullivan") */
    char code[TX_CODE_MAX];    /* actor code ("USAGOV"), or "" when not a known actor */
    const char *name;          /* a person's full name (owned by the dictionaries), else NULL */
    uint8_t found;             /* a speaker phrase was found at all */
} tx_speaker;

typedef struct tx_claims tx_claims;

/* Borrows the dictionaries.  NULL when out of memory. */
tx_claims *tx_claims_new(const tx_dictionaries *dict);
void tx_claims_free(tx_claims *claims);

/* Sets e->certainty, e->attribution and e->disputing from the words around e's verb in
 * `tokens` (the coded sentence's tokens, words looked up).  `known` are the entity mentions
 * of the article so far (in text order), used to resolve "he" or "it" in a reporting
 * clause to a person or an organisation. */
void tx_claims_judge(const tx_claims *claims, const tx_tokens *tokens,
                     int32_t date, const tx_mention_entity *known, size_t n_known,
                     tx_analysis_event *e);

/* What a speaker is resolved against. */
typedef struct {
    int32_t date;                    /* for actor codes */
    const tx_mention_entity *known;  /* entity mentions of the article, in text order */
    size_t n_known;
    const tx_speaker *recent;        /* the last speaker named, also one the dictionaries
                                      * lack ("Mr. Sondland"); may be NULL */
} tx_speaker_context;

/* Reads who speaks in tokens[from, to): the first person, actor, medium or role phrase
 * there, else a run of capitalised words (a name the dictionaries lack: code "", name NULL,
 * the text is the name); the phrase ends at a comma.  "he"/"she" opening the range is the
 * later of the last known person and ctx->recent; "it"/"they" the last organisation or
 * country.  Returns 1 when a speaker was found. */
int tx_claims_speaker(const tx_claims *claims, const tx_tokens *tokens, size_t from, size_t to,
                      const tx_speaker_context *ctx, tx_speaker *out);

/* Tokenizes text[start, end) into the claims' own token list and looks its words up, as the
 * coder does; the list is owned by `claims` and valid until the next call.  NULL when out of
 * memory. */
const tx_tokens *tx_claims_tokenize(tx_claims *claims, const char *text, size_t start,
                                    size_t end);

/* A verb that introduces speech ("said", "told", "asked", "according" of "according to")? */
int tx_claims_is_cue(const tx_tokens *tokens, size_t pos);

/* A run of capitalised words at tokens[i] (before `to`) that may be a name: its length or 0. */
size_t tx_claims_name_at(const tx_tokens *tokens, size_t i, size_t to);

/* A word that opens a new clause ("and", "that", "when", "if")? */
int tx_claims_is_clause_word(const tx_tokens *tokens, size_t pos);

/* Events inside a direct quotation become `reported`, attributed to the quote's speaker. */
void tx_claims_attribute_quoted(tx_analysis *analysis);

/* Links events of sentences that dispute earlier claims ("could not confirm the claims",
 * "denied the report", "amount to disinformation") to the earlier reported events they
 * dispute, filling disputes_* and disputed_by_* through analysis->links (grown as needed;
 * *cap is its capacity).  Returns TX_OK or TX_ERR_NOMEM. */
tx_status tx_claims_link_disputes(tx_analysis *analysis, size_t *cap);

#endif
