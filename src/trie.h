/* trie.h: tries of word ids for multi-word, longest-match phrase lookup. */
#ifndef TX_TRIE_H
#define TX_TRIE_H

#include "token.h"

typedef struct tx_trie tx_trie;

/* Node 0 is the root; since the root is never a child, 0 also means "no such node". */
#define TX_TRIE_ROOT 0u
#define TX_TRIE_NONE 0u
/* The value of a node that ends no phrase. */
#define TX_TRIE_NOVALUE UINT32_MAX

tx_trie *tx_trie_new(void);
void tx_trie_free(tx_trie *trie);
/* Adds the phrase words[0..n) (n > 0) and returns its final node; TX_TRIE_NONE when out of
 * memory.  Adding an existing phrase returns the existing node. */
uint32_t tx_trie_insert(tx_trie *trie, const uint32_t *words, size_t n);
/* The child of `node` along `word`, or TX_TRIE_NONE.  Never allocates. */
uint32_t tx_trie_child(const tx_trie *trie, uint32_t node, uint32_t word);
/* Each node carries one caller-defined value, TX_TRIE_NOVALUE until set. */
uint32_t tx_trie_value(const tx_trie *trie, uint32_t node);
void tx_trie_set_value(tx_trie *trie, uint32_t node, uint32_t value);
/* Longest phrase with a value that starts at words[0]: returns its length in words (0 if
 * none) and stores its node in *node. */
size_t tx_trie_longest(const tx_trie *trie, const uint32_t *words, size_t n, uint32_t *node);
size_t tx_trie_nodes(const tx_trie *trie);

/* The same over token words: the longest phrase with a value starting at
 * tokens->items[first]; returns its length in tokens (0 if none) and its value in *value. */
size_t tx_trie_longest_tokens(const tx_trie *trie, const tx_tokens *tokens, size_t first,
                              uint32_t *value);

/* Does some phrase start with `word`?  A bit test, cheaper than a probe of the edge table:
 * callers check it before walking. */
int tx_trie_starts(const tx_trie *trie, uint32_t word);

#endif
