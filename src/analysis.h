/* analysis.h: one article through the whole pipeline: noise, sentences, events with their claims, quotes, entities. */
#ifndef TX_ANALYSIS_H
#define TX_ANALYSIS_H

#include "cameo.h"
#include "coder.h"
#include "entities.h"
#include "noise.h"
#include "sentence.h"

/* How sure the text is of an event (docs/claims.md). */
typedef enum {
    TX_CERTAINTY_ASSERTED = 0,  /* stated by the article as fact */
    TX_CERTAINTY_REPORTED,      /* attributed to a source: said, according to, is believed to */
    TX_CERTAINTY_HYPOTHETICAL,  /* modal, conditional, future or intended */
    TX_CERTAINTY_NEGATED        /* did not, declined to, failed to, denied that */
} tx_certainty;

/* "asserted", "reported", "hypothetical", "negated". */
const char *tx_certainty_name(tx_certainty certainty);

/* How precise an event's date is. */
typedef enum {
    TX_DATE_ARTICLE = 0,  /* no date in the text: the article's date */
    TX_DATE_DAY,          /* a day named in the text: "yesterday", "on Sunday", "on 26 February" */
    TX_DATE_WEEK,         /* "last week": the date is the Monday of that week (coarse) */
    TX_DATE_MONTH         /* "last month": the date is the first of that month (coarse) */
} tx_date_precision;

/* A place from the gazetteer, named in an event's clause or found as an entity. */
typedef struct {
    const char *name;     /* as in the dictionary; owned by the dictionaries */
    char country[4];      /* ISO 3166-1 alpha-3, or "" */
    uint8_t has_point;
    float latitude, longitude;
    uint32_t start, end;  /* byte span of the mention in the text */
} tx_place;

/* One coded event of an article. */
typedef struct {
    uint32_t id;            /* 1, 2, ... in order of the article: stable for the same text */
    uint32_t sentence;      /* index into the analysis's sentences */
    tx_event event;         /* actors, code, verb span, pattern */
    uint8_t certainty;      /* tx_certainty */
    uint8_t date_precision; /* tx_date_precision */
    uint8_t has_location;
    uint8_t disputing;      /* its sentence rejects or cannot confirm earlier claims */
    int32_t date;           /* YYYYMMDD */
    tx_event_actor attribution; /* who claims it (reported events); code "" when none */
    tx_place location;      /* valid when has_location */
    uint32_t disputes_first, disputes_count;       /* ids in analysis->links */
    uint32_t disputed_by_first, disputed_by_count; /* ids in analysis->links */
} tx_analysis_event;

/* A direct quotation. */
typedef struct {
    uint32_t start, end;          /* byte span of the quoted text, without the marks */
    uint8_t scare;                /* a short scare quote ("invasion"), not a statement */
    uint8_t has_speaker, has_cue;
    uint32_t speaker_start, speaker_end; /* the mention the speaker was found from */
    const char *speaker_name;     /* full name (the dictionary's, or the text's); owned by
                                   * the analysis or the dictionaries; NULL when unknown */
    char speaker_code[TX_CODE_MAX]; /* actor code, or "" */
    uint32_t cue_start, cue_end;  /* "told", "said", "according to" */
} tx_quote;

/* A person, organisation or place recognised in the text. */
typedef struct {
    uint32_t sentence;      /* index into the analysis's sentences */
    uint32_t start, end;
    const tx_entity *entity;   /* owned by the dictionaries */
    const char *code;          /* actor code on the article's date, or NULL */
} tx_mention_entity;

/* Everything tacitus found in one article.  Owned by the analyzer that produced it and
 * valid until its next tx_analyzer_run or tx_analyzer_free. */
typedef struct {
    const char *text;        /* the article text (borrowed from the caller) */
    size_t text_len;
    int32_t date;            /* the article's date, YYYYMMDD */
    tx_lines lines;          /* every non-blank line; kind != TX_NOISE_NONE marks noise */
    size_t noise_lines;
    tx_sentences sentences;  /* every sentence, also those on noise lines */
    uint8_t *sentence_noise; /* per sentence: TX_NOISE_LINKS for one dropped on its own, else 0 */
    size_t sentences_coded;  /* sentences the coder saw (not on noise lines) */
    tx_analysis_event *events;
    size_t event_count;      /* all events, whatever their certainty */
    uint32_t *links;         /* event ids referred to by disputes / disputed_by */
    size_t link_count;
    tx_quote *quotes;
    size_t quote_count;
    tx_mention_entity *entities;
    size_t entity_count;
} tx_analysis;

typedef struct {
    tx_coder_options coding;
    int keep_noise;          /* code noise lines too */
    int entities;            /* collect entity mentions (costs a little time) */
} tx_analyzer_options;

void tx_analyzer_options_default(tx_analyzer_options *options);

typedef struct tx_analyzer tx_analyzer;

/* Borrows the dictionaries (they must outlive it).  NULL when out of memory. */
tx_analyzer *tx_analyzer_new(const tx_dictionaries *dict, const tx_analyzer_options *options);
void tx_analyzer_free(tx_analyzer *analyzer);

/* Analyses text[0..len) (valid UTF-8, no NUL bytes) dated `date` (YYYYMMDD).  Returns
 * TX_OK with *out pointing at the analyzer's result, or TX_ERR_NOMEM. */
tx_status tx_analyzer_run(tx_analyzer *analyzer, const char *text, size_t len, int32_t date,
                          const tx_analysis **out);

/* The coder the analyzer drives (for tracing and the pattern file name). */
tx_coder *tx_analyzer_coder(tx_analyzer *analyzer);

#endif
