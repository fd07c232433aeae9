/* coder.h: codes one sentence into CAMEO events: actors, verbs, patterns, source and target. */
#ifndef TX_CODER_H
#define TX_CODER_H

#include <stdio.h>

#include "actors.h"
#include "agents.h"
#include "discards.h"
#include "lexicon.h"
#include "token.h"
#include "verbs.h"

/* The dictionaries a coder reads; the coder borrows them (they must outlive it). */
typedef struct tx_entities tx_entities;

typedef struct {
    tx_lexicon *lex;
    tx_actors *actors;
    tx_agents *agents;
    tx_discards *discards;  /* may be NULL */
    tx_verbs *verbs;
    tx_entities *entities;  /* kinds and countries of tacitus's own names; may be NULL */
} tx_dictionaries;

/* TABARI/PETRARCH coding options (VALIDATION_FORMAT.md §3). */
typedef struct {
    int require_dyad;      /* events need both source and target; else "---" fills a gap */
    int new_actor_length;  /* > 0: unknown noun phrases of at most N words become actors */
    int comma_min, comma_max;    /* delete comma clauses mid-sentence of this many words */
    int comma_bmin, comma_bmax;  /* ... at the beginning of the sentence */
    int comma_emin, comma_emax;  /* ... at the end of the sentence */
    int named_actors;      /* a role alone ("officials" → ---GOV) is no source or target */
    int passive_patient;   /* a passive verb without a "by" agent has no source: its subject
                            * is acted on ("X has been charged"); PETRARCH's records code the
                            * subject as source, so only tacitus's analyzer sets this */
} tx_coder_options;

void tx_coder_options_default(tx_coder_options *options);

#define TX_CODE_MAX 40
#define TX_EVENTS_MAX 64

typedef struct {
    char code[TX_CODE_MAX];   /* "RUSGOV", "---GOV"; "---" when the slot is empty */
    uint32_t start, end;      /* byte span of the phrase in the text; 0,0 when empty */
} tx_event_actor;

typedef struct {
    tx_event_actor source, target;
    const char *code;         /* CAMEO (or dictionary) event code; owned by the verbs */
    uint32_t verb_start, verb_end;
    uint32_t pattern_line;    /* dictionary line of the pattern or verb line that fired */
    uint32_t block;           /* verb block */
    uint8_t passive;          /* coded in the passive voice */
    uint8_t paired;           /* the reverse event of a paired [A:P] code */
} tx_event;

typedef enum {
    TX_SENTENCE_CODED = 0,    /* zero or more events */
    TX_SENTENCE_DISCARDED,    /* a sentence-level discard phrase matched */
    TX_SENTENCE_STORY_DISCARDED /* a story-level discard phrase matched: skip the rest too */
} tx_sentence_status;

typedef struct tx_coder tx_coder;

/* Returns NULL when out of memory.  Interns the few function words it needs into dict->lex. */
tx_coder *tx_coder_new(const tx_dictionaries *dict);
void tx_coder_free(tx_coder *coder);

/* Starts a new article: forgets the people named in the previous one. */
void tx_coder_begin_article(tx_coder *coder);

/* Codes text[start..end) (one sentence; valid UTF-8) as of `date` (YYYYMMDD).  Writes up to
 * TX_EVENTS_MAX events to events[] and their count to *count.  Event offsets are into text. */
tx_sentence_status tx_coder_code(tx_coder *coder, const char *text, size_t start, size_t end,
                                 int32_t date, const tx_coder_options *options,
                                 tx_event *events, size_t *count);

/* A name from the dictionaries found in the last sentence coded. */
typedef struct {
    uint32_t start, end;   /* byte span in the text */
    uint32_t phrase;       /* actor phrase id (tx_actors_match) */
    const char *code;      /* its actor code on the sentence's date; NULL or "---" for none */
} tx_mention;

/* Writes up to `max` (at most 64) mentions of dictionary names in the last sentence coded,
 * longest match first, left to right, including those inside clauses the coder set aside.
 * Names are found only with dictionaries that carry entities (tacitus's own), the ones the
 * entity output can describe.  A surname (perhaps after Mr, Mrs, Ms, Dr) of a person named
 * in full earlier in the article is a mention of that person's phrase.  Returns how many
 * were written. */
size_t tx_coder_mentions(const tx_coder *coder, tx_mention *out, size_t max);

/* Writes what the coder sees (kept tokens, actor phrases, verbs) to `trace`, or stops when NULL. */
void tx_coder_set_trace(tx_coder *coder, FILE *trace);

/* The path of the verb dictionary the coder's patterns came from (for "file:line"). */
const char *tx_coder_verbs_path(const tx_coder *coder);

/* The tokens of the last sentence coded (for callers that report on them); owned. */
const tx_tokens *tx_coder_tokens(const tx_coder *coder);

#endif
