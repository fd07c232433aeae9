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
 *  - a line break (\n, \r\n, \r, U+2028, U+2029) ends a sentence (scraped news puts one
 *    paragraph or headline per line); a line without final punctuation is one sentence,
 *    flagged `headline`; blank lines give nothing but still count for `line`;
 *  - . ? ! … end a sentence when followed by space and an upper-case (or caseless) letter,
 *    digit, opening quote or bracket, or by the end of the line; a run of them ("?!", "...")
 *    is one mark; closing quotes and brackets after the mark belong to the sentence
 *    ('... he said."'); a lower-case word after the mark continues it ('"Why?" he asked.');
 *  - a period does not end a sentence after an honorific or abbreviation (Mr Mrs Ms Dr Gen
 *    Col Lt Sgt Capt Gov Sen Rep Rev Prof St Jr Sr Mt Ft Inc Ltd Corp Co No Nos vs etc, month
 *    abbreviations Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec: tx_token_abbreviation()),
 *    after an initialism (U.S. U.N. U.K. E.U.) unless the next word clearly starts a sentence,
 *    after a single initial (John F. Kennedy), or inside a number (11.8).  "Clearly starts"
 *    means an opening double quote or a capitalized function word (The, He, It, In, But ...):
 *    "in the U.S. The ..." splits, "the U.S. Senate" does not; titles (Mr.) never split, and
 *    "No." only before a number;
 *  - a dateline ("CLEVELAND, Feb 26 -", "MINGORA, Pakistan (Reuters) -",
 *    "WASHINGTON (AP) —") stays with the sentence it introduces, and no full stop inside it
 *    ("ST. LOUIS, Mo. -") ends a sentence.
 * Each sentence spans from its first to its last non-space byte.  The work is linear in len
 * (look-arounds are bounded), whatever the input.
 * Returns 0, or -1 when out of memory or when len exceeds UINT32_MAX. */
int tx_split_sentences(const char *text, size_t len, tx_sentences *list);

/* Length in bytes of a dateline at the start of text[0..len), or 0 if there is none.  The
 * length runs through the dash and the white space after it, so text + length is where the
 * story starts.  A dateline is at most 120 bytes: a place of at most four capitalized
 * words (the first all capitals, unless a comma or a parenthesized source follows), then
 * capitalized words and numbers after commas, an optional "(Source)", then a dash
 * (- -- – —) after a space or ')' and before a space.  An all-capital place may end in a
 * colon before the dash ("CEBU CITY: --", PETRARCH's dateline error).  A leading "(CNN) "
 * before a capital also counts. */
size_t tx_dateline_length(const char *text, size_t len);

#endif
