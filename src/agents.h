/* agents.h: the agent dictionary: role nouns ("police", "foreign minister") to code parts. */
#ifndef TX_AGENTS_H
#define TX_AGENTS_H

#include "diag.h"
#include "lexicon.h"
#include "token.h"

typedef struct tx_agents tx_agents;

typedef struct {
    const char *code;  /* the code blocks without the ~: "GOV", "GOVFRM", "NGO"; owned */
    int prefix;        /* 1 for XXX~ (goes before the actor code), 0 for ~XXX (after) */
} tx_agent;

tx_agents *tx_agents_new(tx_lexicon *lex);
void tx_agents_free(tx_agents *agents);

/* Reads a PETRARCH agent file (DICTIONARY_FORMATS.md §3: !SET! substitutions, {} plurals,
 * automatic plurals on the last character, ~XXX suffix and XXX~ prefix codes).  Problems are
 * reported as "path:line: ..." and skipped.  Returns TX_ERR_IO, TX_ERR_NOMEM or TX_OK.
 * Details:
 *  - phrases with a !SET! marker expand to one phrase per item, without plurals (only the
 *    expansions are stored, not the literal marker); "FIRE!PERSON! {}" is allowed;
 *  - a phrase ending in '_' (TABARI's "whole word") gets no automatic plural;
 *  - a phrase written in the file overrides a plural generated from another line; a phrase
 *    written twice with another code keeps the first code and the second line is reported;
 *  - text after "[CODE]" is reported (the line still counts);
 *  - words are interned with tx_actors_intern_word() (possessives split as in the text). */
tx_status tx_agents_load(tx_agents *agents, const char *path, tx_diag *diag);
tx_status tx_agents_load_buffer(tx_agents *agents, const char *name, const char *data,
                                size_t len, tx_diag *diag);

/* Longest agent phrase at tokens->items[first]; returns its length in tokens (0 if none)
 * and its code in *agent (may be NULL).  Suffix: ARN + {"GOV", 0} → ARNGOV; prefix:
 * {"NGO", 1} + ARN → NGOARN. */
size_t tx_agents_match(const tx_agents *agents, const tx_tokens *tokens, size_t first,
                       tx_agent *agent);

/* The number of distinct agent phrases (with plurals and set expansions). */
size_t tx_agents_count(const tx_agents *agents);

/* Adds phrases with one code ("~GOV" or "NGO~") outside the PETRARCH format, no plurals
 * generated (tacitus's own dictionaries list them).  A malformed code is reported to diag as
 * name:line.  Returns TX_OK or TX_ERR_NOMEM. */
tx_status tx_agents_add(tx_agents *agents, const char *code, const char *const *phrases,
                        size_t n_phrases, const char *name, unsigned long line, tx_diag *diag);

#endif
