/* helpers.h: what the dictionary tests share: a problem recorder and hand-made token lists. */
#ifndef TX_TEST_HELPERS_H
#define TX_TEST_HELPERS_H

#include "buffer.h"
#include "fold.h"
#include "lexicon.h"
#include "token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Collects the line numbers (and the last message) of reported problems. */
typedef struct {
    unsigned long lines[64];
    size_t count;
    char last[512];
} problems;

static inline void S_record(void *ctx, const char *file, unsigned long line, const char *message)
{
    problems *p = ctx;
    (void)file;
    if (p->count < TX_ARRAY_SIZE(p->lines))
        p->lines[p->count] = line;
    p->count++;
    snprintf(p->last, sizeof(p->last), "%s", message);
}

/* Builds tokens by hand, independently of the tokenizer: split on spaces, fold, and look
 * each word up in `lex` when it is given.  Tests write "Gondor 's" for "Gondor's". */
static inline void test_tokens(tx_tokens *t, const tx_lexicon *lex, const char *text)
{
    t->count = 0;
    tx_buf_clear(&t->keys);
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p == start)
            break;
        if (t->count == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 16;
            t->items = realloc(t->items, t->cap * sizeof(*t->items));
        }
        tx_token *k = &t->items[t->count++];
        memset(k, 0, sizeof(*k));
        k->kind = TX_TOKEN_WORD;
        k->key = (uint32_t)t->keys.len;
        tx_fold(start, (size_t)(p - start), &t->keys);
        k->key_len = (uint16_t)(t->keys.len - k->key);
        if (lex)
            k->word = tx_lexicon_find(lex, t->keys.data + k->key, k->key_len);
        tx_buf_putc(&t->keys, '\0');
    }
}

/* A long single line made of `unit` repeated up to `size` bytes; the caller frees it. */
static inline char *test_repeat(const char *unit, size_t size)
{
    size_t n = strlen(unit);
    char *text = malloc(size + 1);
    if (!text)
        return NULL;
    for (size_t i = 0; i < size; i += n)
        memcpy(text + i, unit, TX_MIN(n, size - i));
    text[size] = '\0';
    return text;
}

/* Random text from tricky pieces, so that every text rule meets every other; the caller
 * frees it. */
static inline char *test_shuffle(size_t pieces, uint32_t seed, size_t *len)
{
    static const char *const alphabet[] = {"a", "U", "S", ".", "'", "\xE2\x80\x99", "\"",
        "\xE2\x80\x9C", "\xE2\x80\x9D", " ", " ", "-", "\xE2\x80\x94", "n't", "'s", "_", "1",
        ",", "(", ")", "?", "\xE2\x80\xA6", "\n", "Mr", "No", "\xC3\xA9", "\xC2\xA0", "&", "The",
        "CLEVELAND, Feb 26 - ", "\r", ":"};
    tx_buf buf = TX_BUF_INIT;
    for (size_t i = 0; i < pieces; i++) {
        seed = seed * 1103515245u + 12345u;
        tx_buf_puts(&buf, alphabet[(seed >> 16) % TX_ARRAY_SIZE(alphabet)]);
    }
    return tx_buf_detach(&buf, len);
}

#endif
