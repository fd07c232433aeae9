/* sentence.h: splits an article into sentences, news-style. */
#ifndef TX_SENTENCE_H
#define TX_SENTENCE_H

#include "common.h"

typedef struct {
    uint32_t start, end;  /* byte span in the article, without surrounding white space */
    uint32_t line;        /* 1-based line of the article on which the sentence starts */
    uint8_t headline;     /* the sentence is a whole line without final punctuation */
    uint8_t paragraph;    /* the sentence starts a paragraph (first of its line) */
} tx_sentence;

typedef struct {
    tx_sentence *items;  /* owned */
    size_t count, cap;
} tx_sentences;

#define TX_SENTENCES_INIT {NULL, 0, 0}

void tx_sentences_free(tx_sentences *list);

/* Appends the sentences of text[0..len) to `list` (cleared first).  Rules:
 *  - a line break ends a sentence (scraped news puts one paragraph or headline per line);
 *    a line without final punctuation is one sentence, flagged `headline`;
 *  - . ? ! end a sentence when followed by space and an upper-case letter, digit or opening
 *    quote, or by the end of the line; closing quotes and brackets after the mark belong to
 *    the sentence ('... he said."');
 *  - a period does not end a sentence after an honorific or abbreviation (Mr Mrs Ms Dr Gen
 *    Col Lt Sgt Capt Gov Sen Rep Rev Prof St Jr Sr Mt Ft Inc Ltd Corp Co No Nos vs etc, month
 *    abbreviations Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec), after an initialism
 *    (U.S. U.N. U.K. E.U.) unless the next word clearly starts a sentence, after a single
 *    initial (John F. Kennedy), or inside a number (11.8);
 *  - a dateline ("CLEVELAND, Feb 26 -", "MINGORA, Pakistan (Reuters) -",
 *    "WASHINGTON (AP) —") stays with the sentence it introduces.
 * Returns 0, or -1 when out of memory. */
int tx_split_sentences(const char *text, size_t len, tx_sentences *list);

/* Length in bytes of a dateline at the start of text[0..len), or 0 if there is none. */
size_t tx_dateline_length(const char *text, size_t len);

#endif
