/* lexicon.c: open-addressing hash table of interned words. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *text;
    uint32_t len;
} word_entry;

struct tx_lexicon {
    tx_arena arena;      /* word texts */
    word_entry *words;   /* indexed by id; words[0] unused */
    size_t count, cap_words;
    uint64_t *slots;     /* hash slots: id in the low half (0 = empty), hash tag above */
    size_t nslots;       /* power of two */
};

#define FNV_BASIS 0xcbf29ce484222325u
#define FNV_MULTIPLIER 0x100000001b3u

static uint64_t S_finish(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h;
}

uint64_t tx_hash_bytes(const void *data, size_t n)
{
    /* FNV-1a, then a final mix: words are short, so a simple hash is as fast as any, and
     * FNV can be extended byte by byte (tx_lexicon_find_prefixes). */
    const unsigned char *p = data;
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * FNV_MULTIPLIER;
    return S_finish(h);
}

tx_lexicon *tx_lexicon_new(void)
{
    tx_lexicon *lex = calloc(1, sizeof(*lex));
    if (!lex)
        return NULL;
    lex->nslots = 1024;
    lex->slots = calloc(lex->nslots, sizeof(*lex->slots));
    lex->cap_words = 512;
    lex->words = calloc(lex->cap_words, sizeof(*lex->words));
    if (!lex->slots || !lex->words) {
        tx_lexicon_free(lex);
        return NULL;
    }
    lex->count = 1;
    return lex;
}

void tx_lexicon_free(tx_lexicon *lex)
{
    if (!lex)
        return;
    tx_arena_free(&lex->arena);
    free(lex->words);
    free(lex->slots);
    free(lex);
}

/* The slot of s[0..n): the one holding it, or the empty one where it would go.  The upper
 * half of a slot keeps 32 bits of the word's hash, so most mismatches are rejected without
 * touching the word itself (a cache miss on a large lexicon). */
static size_t S_probe(const tx_lexicon *lex, const char *s, size_t n, uint64_t h)
{
    size_t mask = lex->nslots - 1;
    uint64_t tag = h >> 32;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t slot = lex->slots[i];
        uint32_t id = (uint32_t)slot;
        if (id == 0)
            return i;
        if ((slot >> 32) != tag)
            continue;
        const word_entry *w = &lex->words[id];
        if (w->len == n && memcmp(w->text, s, n) == 0)
            return i;
    }
}

uint32_t tx_lexicon_find(const tx_lexicon *lex, const char *s, size_t n)
{
    return (uint32_t)lex->slots[S_probe(lex, s, n, tx_hash_bytes(s, n))];
}

void tx_lexicon_find_prefixes(const tx_lexicon *lex, const char *s, size_t n, size_t min,
                              uint32_t *ids)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = FNV_BASIS;
    for (size_t m = 0; m < n; m++) {
        if (m >= min)
            ids[m - min] = (uint32_t)lex->slots[S_probe(lex, s, m, S_finish(h))];
        h = (h ^ p[m]) * FNV_MULTIPLIER;
    }
}

static int S_grow(tx_lexicon *lex)
{
    size_t nslots = lex->nslots * 2;
    uint64_t *slots = calloc(nslots, sizeof(*slots));
    if (!slots)
        return -1;
    for (size_t id = 1; id < lex->count; id++) {
        const word_entry *w = &lex->words[id];
        uint64_t h = tx_hash_bytes(w->text, w->len);
        size_t i = h & (nslots - 1);
        while (slots[i])
            i = (i + 1) & (nslots - 1);
        slots[i] = (h >> 32) << 32 | id;
    }
    free(lex->slots);
    lex->slots = slots;
    lex->nslots = nslots;
    return 0;
}

uint32_t tx_lexicon_intern(tx_lexicon *lex, const char *s, size_t n)
{
    uint64_t h = tx_hash_bytes(s, n);
    size_t slot = S_probe(lex, s, n, h);
    if (lex->slots[slot])
        return (uint32_t)lex->slots[slot];
    if (n > UINT32_MAX || lex->count >= UINT32_MAX)
        return TX_WORD_NONE;
    if (lex->count == lex->cap_words) {
        word_entry *words = realloc(lex->words, 2 * lex->cap_words * sizeof(*words));
        if (!words)
            return TX_WORD_NONE;
        lex->words = words;
        lex->cap_words *= 2;
    }
    char *text = tx_arena_strndup(&lex->arena, s, n);
    if (!text)
        return TX_WORD_NONE;
    uint32_t id = (uint32_t)lex->count++;
    lex->words[id] = (word_entry){text, (uint32_t)n};
    lex->slots[slot] = (h >> 32) << 32 | id;
    if (lex->count * 2 > lex->nslots && S_grow(lex) < 0)
        return TX_WORD_NONE;
    return id;
}

const char *tx_lexicon_word(const tx_lexicon *lex, uint32_t id, size_t *len)
{
    assert(id > 0 && id < lex->count);
    if (len)
        *len = lex->words[id].len;
    return lex->words[id].text;
}

size_t tx_lexicon_count(const tx_lexicon *lex) { return lex->count - 1; }
