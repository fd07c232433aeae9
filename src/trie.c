/* trie.c: word-id trie stored as one hash table of (parent, word) -> child edges. */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t key;    /* parent << 32 | word; 0 = empty slot (the root has no word 0 edge) */
    uint32_t child;
} edge;

struct tx_trie {
    edge *edges;
    size_t nedges, nslots;  /* nslots is a power of two */
    uint32_t *values;       /* per node */
    size_t nnodes, cap_nodes;
    /* Bit per word id that starts a phrase: most tokens start none, and a bit test is
     * cheaper than a probe of the edge table. */
    uint64_t *first_words;
    size_t n_first_words;   /* in 64-bit units */
};

static uint64_t S_mix(uint64_t k)
{
    k ^= k >> 31;
    k *= 0x9e3779b97f4a7c15u;
    k ^= k >> 29;
    return k;
}

tx_trie *tx_trie_new(void)
{
    tx_trie *t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->nslots = 256;
    t->edges = calloc(t->nslots, sizeof(*t->edges));
    t->cap_nodes = 128;
    t->values = malloc(t->cap_nodes * sizeof(*t->values));
    if (!t->edges || !t->values) {
        tx_trie_free(t);
        return NULL;
    }
    t->values[0] = TX_TRIE_NOVALUE;
    t->nnodes = 1;
    return t;
}

void tx_trie_free(tx_trie *t)
{
    if (!t)
        return;
    free(t->edges);
    free(t->values);
    free(t->first_words);
    free(t);
}

static size_t S_slot(const edge *edges, size_t nslots, uint64_t key)
{
    size_t mask = nslots - 1;
    size_t i = S_mix(key) & mask;
    while (edges[i].key && edges[i].key != key)
        i = (i + 1) & mask;
    return i;
}

uint32_t tx_trie_child(const tx_trie *t, uint32_t node, uint32_t word)
{
    uint64_t key = (uint64_t)node << 32 | word;
    if (key == 0)
        return TX_TRIE_NONE;
    return t->edges[S_slot(t->edges, t->nslots, key)].child;
}

static int S_grow_edges(tx_trie *t)
{
    size_t nslots = t->nslots * 2;
    edge *edges = calloc(nslots, sizeof(*edges));
    if (!edges)
        return -1;
    for (size_t i = 0; i < t->nslots; i++)
        if (t->edges[i].key)
            edges[S_slot(edges, nslots, t->edges[i].key)] = t->edges[i];
    free(t->edges);
    t->edges = edges;
    t->nslots = nslots;
    return 0;
}

static uint32_t S_new_node(tx_trie *t)
{
    if (t->nnodes == t->cap_nodes) {
        uint32_t *values = realloc(t->values, 2 * t->cap_nodes * sizeof(*values));
        if (!values)
            return TX_TRIE_NONE;
        t->values = values;
        t->cap_nodes *= 2;
    }
    t->values[t->nnodes] = TX_TRIE_NOVALUE;
    return (uint32_t)t->nnodes++;
}

static int S_mark_first(tx_trie *t, uint32_t word)
{
    size_t unit = word / 64;
    if (unit >= t->n_first_words) {
        size_t n = t->n_first_words ? t->n_first_words : 64;
        while (n <= unit)
            n *= 2;
        uint64_t *bits = realloc(t->first_words, n * sizeof(*bits));
        if (!bits)
            return -1;
        memset(bits + t->n_first_words, 0, (n - t->n_first_words) * sizeof(*bits));
        t->first_words = bits;
        t->n_first_words = n;
    }
    t->first_words[unit] |= (uint64_t)1 << (word % 64);
    return 0;
}

uint32_t tx_trie_insert(tx_trie *t, const uint32_t *words, size_t n)
{
    assert(n > 0);
    if (S_mark_first(t, words[0]) < 0)
        return TX_TRIE_NONE;
    uint32_t node = TX_TRIE_ROOT;
    for (size_t i = 0; i < n; i++) {
        if (words[i] == 0)
            return TX_TRIE_NONE;
        uint64_t key = (uint64_t)node << 32 | words[i];
        size_t slot = S_slot(t->edges, t->nslots, key);
        if (t->edges[slot].key) {
            node = t->edges[slot].child;
            continue;
        }
        uint32_t child = S_new_node(t);
        if (child == TX_TRIE_NONE)
            return TX_TRIE_NONE;
        t->edges[slot] = (edge){key, child};
        t->nedges++;
        if (t->nedges * 2 > t->nslots && S_grow_edges(t) < 0)
            return TX_TRIE_NONE;
        node = child;
    }
    return node;
}

uint32_t tx_trie_value(const tx_trie *t, uint32_t node)
{
    assert(node < t->nnodes);
    return t->values[node];
}

void tx_trie_set_value(tx_trie *t, uint32_t node, uint32_t value)
{
    assert(node < t->nnodes);
    t->values[node] = value;
}

size_t tx_trie_longest(const tx_trie *t, const uint32_t *words, size_t n, uint32_t *node)
{
    size_t best = 0;
    uint32_t cur = TX_TRIE_ROOT;
    if (n == 0 || words[0] / 64 >= t->n_first_words ||
        !(t->first_words[words[0] / 64] & (uint64_t)1 << (words[0] % 64)))
        return 0;
    for (size_t i = 0; i < n; i++) {
        cur = tx_trie_child(t, cur, words[i]);
        if (cur == TX_TRIE_NONE)
            break;
        if (t->values[cur] != TX_TRIE_NOVALUE) {
            best = i + 1;
            *node = cur;
        }
    }
    return best;
}

size_t tx_trie_nodes(const tx_trie *t) { return t->nnodes; }

int tx_trie_starts(const tx_trie *t, uint32_t word)
{
    return word / 64 < t->n_first_words && (t->first_words[word / 64] >> (word % 64) & 1);
}

size_t tx_trie_longest_tokens(const tx_trie *t, const tx_tokens *tokens, size_t first,
                              uint32_t *value)
{
    if (first >= tokens->count || !tx_trie_starts(t, tokens->items[first].word))
        return 0;
    size_t best = 0;
    uint32_t node = TX_TRIE_ROOT;
    for (size_t i = first; i < tokens->count; i++) {
        node = tx_trie_child(t, node, tokens->items[i].word);
        if (node == TX_TRIE_NONE)
            break;
        if (t->values[node] != TX_TRIE_NOVALUE) {
            best = i - first + 1;
            *value = t->values[node];
        }
    }
    return best;
}
