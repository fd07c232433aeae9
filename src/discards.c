/* discards.c: reads the discard list and finds its phrases in a sentence's tokens. */
#include "discards.h"

#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "buffer.h"
#include "dictfile.h"
#include "lexicon.h"
#include "trie.h"

typedef struct {
    const char *phrase;  /* as written, without the '+' */
    uint8_t kind;        /* tx_discard_kind */
    uint8_t stem;        /* the last word also matches as a prefix of a token */
} discard_rec;

/* The phrase words live in a private lexicon: matching compares the tokens' folded keys, so
 * the discards need no shared word ids. */
struct tx_discards {
    tx_lexicon *lex;
    tx_trie *trie;
    tx_arena arena;
    discard_rec *recs;
    size_t nrecs, caprecs;
    size_t min_stem;  /* length of the shortest last word that may be a stem */
    /* A cheap filter in front of the prefix look-ups every token would otherwise need: the
     * first two bytes and the lengths (below 64) of the words that may be stems. */
    uint8_t stem_starts[65536 / 8];
    uint64_t stem_lengths;
    int short_stem;  /* a one-letter stem exists: the two-byte filter cannot be used */
};

static unsigned S_bigram(const char *s) { return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1]; }

typedef struct {
    tx_discards *discards;
    const char *name;
    tx_diag *diag;
    unsigned long line;
    uint32_t *words;
    size_t nwords, capwords;
    tx_buf fold;
} loader;

static int S_blank(char c) { return c == ' ' || c == '\t'; }

tx_discards *tx_discards_new(void)
{
    tx_discards *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->lex = tx_lexicon_new();
    d->trie = tx_trie_new();
    d->min_stem = SIZE_MAX;
    if (!d->lex || !d->trie) {
        tx_discards_free(d);
        return NULL;
    }
    return d;
}

void tx_discards_free(tx_discards *d)
{
    if (!d)
        return;
    tx_lexicon_free(d->lex);
    tx_trie_free(d->trie);
    tx_arena_free(&d->arena);
    free(d->recs);
    free(d);
}

/* Appends one dictionary word (one or two ids, see tx_actors_intern_word) to l->words;
 * *last_len gets the length of the last piece. */
static tx_status S_add_word(loader *l, const char *w, size_t n, size_t *last_len)
{
    uint32_t ids[2];
    size_t count = tx_actors_intern_word(l->discards->lex, w, n, &l->fold, ids);
    if (count == 0)
        return TX_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        if (tx_reserve((void **)&l->words, &l->capwords, l->nwords, sizeof(*l->words)) < 0)
            return TX_ERR_NOMEM;
        l->words[l->nwords++] = ids[i];
    }
    tx_lexicon_word(l->discards->lex, ids[count - 1], last_len);
    return TX_OK;
}

/* Stores the phrase p[0..n): words separated by blanks or '_'; a trailing '_' means the last
 * word must match a whole token. */
static tx_status S_phrase(loader *l, const char *p, size_t n, tx_discard_kind kind)
{
    tx_discards *d = l->discards;
    int stem = !(n > 0 && p[n - 1] == '_');
    size_t last_len = 0;
    l->nwords = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (S_blank(p[i]) || p[i] == '_'))
            i++;
        size_t start = i;
        while (i < n && !S_blank(p[i]) && p[i] != '_')
            i++;
        if (i > start) {
            tx_status st = S_add_word(l, p + start, i - start, &last_len);
            if (st != TX_OK)
                return st;
        }
    }
    if (l->nwords == 0) {
        tx_diag_report(l->diag, l->name, l->line, "expected a phrase");
        return TX_OK;
    }
    uint32_t node = tx_trie_insert(d->trie, l->words, l->nwords);
    if (node == TX_TRIE_NONE)
        return TX_ERR_NOMEM;
    if (stem && last_len < d->min_stem)
        d->min_stem = last_len;
    if (stem) {
        size_t len;
        const char *last = tx_lexicon_word(d->lex, l->words[l->nwords - 1], &len);
        if (len >= 2) {
            unsigned b = S_bigram(last);
            d->stem_starts[b / 8] |= (uint8_t)(1u << (b % 8));
        } else {
            d->short_stem = 1;
        }
        d->stem_lengths |= len < 64 ? (uint64_t)1 << len : 0;
    }
    uint32_t old = tx_trie_value(d->trie, node);
    if (old != TX_TRIE_NOVALUE) {
        /* The same phrase twice: the wider reading of both wins. */
        discard_rec *r = &d->recs[old];
        r->stem |= (uint8_t)stem;
        if (kind > r->kind)
            r->kind = (uint8_t)kind;
        return TX_OK;
    }
    const char *copy = tx_arena_strndup(&d->arena, p, n);
    if (!copy || d->nrecs >= UINT32_MAX - 1 ||
        tx_reserve((void **)&d->recs, &d->caprecs, d->nrecs, sizeof(*d->recs)) < 0)
        return TX_ERR_NOMEM;
    d->recs[d->nrecs] = (discard_rec){copy, (uint8_t)kind, (uint8_t)stem};
    tx_trie_set_value(d->trie, node, (uint32_t)d->nrecs++);
    return TX_OK;
}

static tx_status S_line(loader *l, const char *s, size_t n)
{
    if (n >= 2 && s[0] == '<' && s[1] == '!')
        return TX_OK;  /* §1: a line starting with <! is a comment */
    tx_discard_kind kind = TX_DISCARD_SENTENCE;
    if (s[0] == '+') {
        kind = TX_DISCARD_STORY;
        s++;
        n--;
        while (n > 0 && S_blank(*s)) {  /* "+ TYPHOON" */
            s++;
            n--;
        }
    }
    return S_phrase(l, s, n, kind);
}

static tx_status S_each_line(void *ctx, const char *s, size_t n, unsigned long number)
{
    loader *l = ctx;
    l->line = number;
    return S_line(l, s, n);
}

tx_status tx_discards_load_buffer(tx_discards *discards, const char *name, const char *data,
                                  size_t len, tx_diag *diag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.discards = discards;
    l.name = name;
    l.diag = diag;
    tx_status st = tx_dictfile_each(data, len, S_each_line, &l);
    free(l.words);
    tx_buf_free(&l.fold);
    return st;
}

static tx_status S_load_buffer(void *target, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    return tx_discards_load_buffer(target, name, data, len, diag);
}

tx_status tx_discards_load(tx_discards *discards, const char *path, tx_diag *diag)
{
    return tx_file_load(path, S_load_buffer, discards, diag);
}

/* ---- matching ---- */

/* The phrase ending at `node` if it may end with the token key[0..n) of which it matched
 * only the first m bytes (m == n: the whole token). */
static const discard_rec *S_ending(const tx_discards *d, uint32_t node, size_t m, size_t n)
{
    if (node == TX_TRIE_NONE)
        return NULL;
    uint32_t value = tx_trie_value(d->trie, node);
    if (value == TX_TRIE_NOVALUE)
        return NULL;
    const discard_rec *r = &d->recs[value];
    return m == n || r->stem ? r : NULL;
}

/* The longest phrase starting at token `first`; returns its length in tokens (0 if none). */
static size_t S_match_at(const tx_discards *d, const tx_tokens *tokens, size_t first,
                         const discard_rec **rec)
{
    size_t best = 0;
    uint32_t node = TX_TRIE_ROOT;
    for (size_t i = first; i < tokens->count; i++) {
        const char *key = tx_tokens_key(tokens, i);
        size_t n = tokens->items[i].key_len;
        /* The last word of a phrase may be a stem: try each proper prefix of the token,
         * hashing them all in one pass. */
        uint32_t prefix_ids[64];
        size_t top = TX_MIN(n, 64);
        if (!d->short_stem &&
            (n < 2 || !(d->stem_starts[S_bigram(key) / 8] & (1u << (S_bigram(key) % 8)))))
            top = 0;  /* no stem starts like this token */
        if (d->min_stem < top)
            tx_lexicon_find_prefixes(d->lex, key, top, d->min_stem, prefix_ids);
        for (size_t m = d->min_stem; m < top; m++) {
            if (!(d->stem_lengths & (uint64_t)1 << m))
                continue;
            uint32_t id = prefix_ids[m - d->min_stem];
            const discard_rec *r = id ? S_ending(d, tx_trie_child(d->trie, node, id), m, n) : NULL;
            if (r) {
                best = i - first + 1;
                *rec = r;
            }
        }
        uint32_t id = tx_lexicon_find(d->lex, key, n);
        node = id ? tx_trie_child(d->trie, node, id) : TX_TRIE_NONE;
        if (node == TX_TRIE_NONE)
            break;
        const discard_rec *r = S_ending(d, node, n, n);
        if (r) {
            best = i - first + 1;
            *rec = r;
        }
    }
    return best;
}

tx_discard_kind tx_discards_match(const tx_discards *discards, const tx_tokens *tokens,
                                  size_t *first, size_t *count, const char **phrase)
{
    const discard_rec *found = NULL;
    size_t at = 0, len = 0;
    for (size_t i = 0; i < tokens->count; i++) {
        const discard_rec *r = NULL;
        size_t n = S_match_at(discards, tokens, i, &r);
        if (n == 0 || (found && r->kind <= found->kind))
            continue;
        found = r;
        at = i;
        len = n;
        if (r->kind == TX_DISCARD_STORY)
            break;  /* nothing outranks a story discard */
    }
    if (!found)
        return TX_DISCARD_NONE;
    if (first)
        *first = at;
    if (count)
        *count = len;
    if (phrase)
        *phrase = found->phrase;
    return (tx_discard_kind)found->kind;
}
