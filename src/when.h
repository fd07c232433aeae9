/* when.h: the date of an event from the time words of its sentence ("yesterday", "on Sunday", "on 26 February"). */
#ifndef TX_WHEN_H
#define TX_WHEN_H

#include "token.h"

/* The date (YYYYMMDD) of the event whose verb starts at byte `verb_start` in a sentence of
 * `tokens`, of an article dated `article_date`: the time expression nearest the verb, read
 * relative to the article date (a weekday or a day without year is the latest one on or
 * before it).  *precision gets a tx_date_precision (analysis.h); the article date with
 * TX_DATE_ARTICLE when the sentence names no time. */
int32_t tx_when_event(const tx_tokens *tokens, uint32_t verb_start, int32_t article_date,
                      uint8_t *precision);

/* Days since 1970-01-01 of a YYYYMMDD date, and back; weekday 0 = Monday. */
long tx_when_days(int32_t date);
int32_t tx_when_date(long days);
int tx_when_weekday(int32_t date);

#endif
