/* lexicon.h: interns folded words as dense integer ids so phrase tries compare integers. */
#ifndef TX_LEXICON_H
#define TX_LEXICON_H

#include "arena.h"

typedef struct tx_lexicon tx_lexicon;

/* Id 0 means "not in the lexicon": such a word can never be part of a dictionary phrase. */
#define TX_WORD_NONE 0u

tx_lexicon *tx_lexicon_new(void);
void tx_lexicon_free(tx_lexicon *lex);
/* Returns the id of the folded word s[0..n), adding it if new; TX_WORD_NONE when out of memory. */
uint32_t tx_lexicon_intern(tx_lexicon *lex, const char *s, size_t n);
/* Returns the id of s[0..n), or TX_WORD_NONE.  Never allocates. */
uint32_t tx_lexicon_find(const tx_lexicon *lex, const char *s, size_t n);
/* Looks up every prefix s[0..m) for min <= m < n in one pass over s (the hash is computed
 * incrementally): ids[m - min] receives each prefix's id or TX_WORD_NONE.  For stem matching. */
void tx_lexicon_find_prefixes(const tx_lexicon *lex, const char *s, size_t n, size_t min,
                              uint32_t *ids);
/* The word of an id; owned by the lexicon.  *len may be NULL. */
const char *tx_lexicon_word(const tx_lexicon *lex, uint32_t id, size_t *len);
size_t tx_lexicon_count(const tx_lexicon *lex);

uint64_t tx_hash_bytes(const void *data, size_t n);

#endif
