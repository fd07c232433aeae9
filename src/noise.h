/* noise.h: tells article lines from the boilerplate scraped with them. */
#ifndef TX_NOISE_H
#define TX_NOISE_H

#include "common.h"

typedef enum {
    TX_NOISE_NONE = 0,  /* article text */
    TX_NOISE_PROMO,     /* "Read more:", "Follow us on ...", player and cookie notices */
    TX_NOISE_HEADLINE,  /* a headline of another story: no final punctuation, or "Topic: ..." */
    TX_NOISE_LABEL,     /* a short section or navigation label ("In other developments") */
    TX_NOISE_REPEATED,  /* the same line seen earlier in the article */
    TX_NOISE_LINKS      /* a sentence glued to the text of links ("Joe BidenBiden vows ... MORE") */
} tx_noise_kind;

typedef struct {
    uint32_t start, end;  /* byte span of the line, trimmed of white space */
    uint32_t number;      /* 1-based line number */
    uint8_t kind;         /* tx_noise_kind */
} tx_line;

typedef struct {
    tx_line *items;  /* owned */
    size_t count, cap;
} tx_lines;

#define TX_LINES_INIT {NULL, 0, 0}

void tx_lines_free(tx_lines *lines);

/* Splits text[0..len) into lines (blank lines are left out) and classifies each.  The first
 * line of an article may be its own headline: it is kept unless it is a promo.  Returns 0,
 * or -1 when out of memory. */
int tx_noise_classify(const char *text, size_t len, tx_lines *lines);

/* Is text[0..len) (a sentence) glued to the text of a list of links, as scrapers leave it
 * when they flatten inline "related" boxes: a word run into the next one's capital
 * ("BidenBiden", "PenceTop") and a lone "MORE" closing the list?  Such a sentence is not
 * coded: its headlines are other stories. */
int tx_noise_link_junk(const char *text, size_t len);

/* "promo", "headline", "label", "repeated", "links"; "" for article text. */
const char *tx_noise_name(tx_noise_kind kind);

#endif
