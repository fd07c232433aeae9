/* quotes.h: finds direct quotations in an article and who said them. */
#ifndef TX_QUOTES_H
#define TX_QUOTES_H

#include "analysis.h"

typedef struct tx_quoter tx_quoter;

/* Borrows the dictionaries.  NULL when out of memory. */
tx_quoter *tx_quoter_new(const tx_dictionaries *dict);
void tx_quoter_free(tx_quoter *quoter);

/* Finds the quotations of analysis->text outside noise lines (noisy[line] set; lines past
 * n_noisy count as text) and points analysis->quotes at them (owned by the quoter, valid
 * until its next call).  Quotation marks: “ ” „ « » ‘ ’ and straight " and '.  A quotation
 * left open at the end of a paragraph ends there; a paragraph that opens with a quotation
 * mark and names no speaker continues the last speaker's remarks.  Speakers come from a cue
 * next to the quotation ("X said", "said X", "X told CNN:", "according to X"), with
 * pronouns resolved to the last person named before.  Quotations of four words or fewer that
 * are no sentence are scare quotes.  Needs analysis->entities.  Returns TX_OK or
 * TX_ERR_NOMEM. */
tx_status tx_quoter_find(tx_quoter *quoter, tx_analysis *analysis, const uint8_t *noisy,
                         size_t n_noisy);

#endif
