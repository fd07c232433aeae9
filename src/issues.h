/* issues.h: the issue dictionary: phrases that tag a sentence with topics. */
#ifndef TX_ISSUES_H
#define TX_ISSUES_H

#include "diag.h"
#include "token.h"

typedef struct tx_issues tx_issues;

typedef struct {
    const char *code;  /* owned by the dictionary */
    unsigned count;
} tx_issue_count;

tx_issues *tx_issues_new(void);
void tx_issues_free(tx_issues *issues);

/* Reads an issues file (DICTIONARY_FORMATS.md §6: n: and v: expansions, + joiners, ~ and ~~
 * ignore phrases, <ISSUE> grouping tags ignored).  A line that is neither "phrase [CODE]"
 * nor "~phrase" is reported and skipped; text after "[CODE]" is reported (the line still
 * counts).  A phrase listed with several codes counts for each. */
tx_status tx_issues_load(tx_issues *issues, const char *path, tx_diag *diag);
tx_status tx_issues_load_buffer(tx_issues *issues, const char *name, const char *data,
                                size_t len, tx_diag *diag);

/* Counts issue phrases among the tokens; writes up to `max` distinct codes with counts in
 * first-seen order and returns how many there are.  An ignore phrase anywhere → 0.
 * Every occurrence counts one: at each token the longest phrase, and a phrase inside an
 * occurrence already counted is not counted again.  Codes beyond `max` are dropped, so the
 * result is at most `max`.  Never allocates. */
size_t tx_issues_match(const tx_issues *issues, const tx_tokens *tokens, tx_issue_count *out,
                       size_t max);

#endif
