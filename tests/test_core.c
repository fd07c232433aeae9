/* test_core.c: buffer, arena, fold, lexicon and trie. */
#include "arena.h"
#include "buffer.h"
#include "fold.h"
#include "lexicon.h"
#include "test.h"
#include "trie.h"

static void test_buffer(void)
{
    tx_buf b = TX_BUF_INIT;
    CHECK_INT(tx_buf_puts(&b, "abc"), 0);
    CHECK_INT(tx_buf_printf(&b, "-%d", 42), 0);
    CHECK_STR(b.data, "abc-42");
    for (int i = 0; i < 1000; i++)
        tx_buf_putc(&b, 'x');
    CHECK_INT(b.len, 1006);
    tx_buf_clear(&b);
    CHECK_INT(b.len, 0);
    tx_buf_free(&b);
}

static void test_fold(void)
{
    tx_buf b = TX_BUF_INIT;
    const char *in = "Biden\xE2\x80\x99s \xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x94 x";
    CHECK_INT(tx_fold(in, strlen(in), &b), 0);
    CHECK_STR(b.data, "BIDEN'S \"CAF\xC3\x89\" - X");
    tx_buf_clear(&b);
    CHECK_INT(tx_fold("a\xFF" "b", 3, &b), 0);
    CHECK_STR(b.data, "A?B");
    tx_buf_free(&b);
}

static void test_lexicon_trie(void)
{
    tx_lexicon *lex = tx_lexicon_new();
    uint32_t a = tx_lexicon_intern(lex, "NEW", 3);
    uint32_t b = tx_lexicon_intern(lex, "ZEALAND", 7);
    uint32_t c = tx_lexicon_intern(lex, "YORK", 4);
    CHECK(a && b && c && a != b && b != c);
    CHECK_INT(tx_lexicon_intern(lex, "NEW", 3), a);
    CHECK_INT(tx_lexicon_find(lex, "YORK", 4), c);
    CHECK_INT(tx_lexicon_find(lex, "PARIS", 5), TX_WORD_NONE);
    char word[16];
    for (int i = 0; i < 5000; i++) {  /* forces rehashing */
        int n = snprintf(word, sizeof(word), "W%d", i);
        tx_lexicon_intern(lex, word, (size_t)n);
    }
    CHECK_INT(tx_lexicon_find(lex, "W4999", 5) != TX_WORD_NONE, 1);
    CHECK_INT(tx_lexicon_find(lex, "ZEALAND", 7), b);
    CHECK_STR(tx_lexicon_word(lex, c, NULL), "YORK");

    tx_trie *t = tx_trie_new();
    uint32_t nz[] = {a, b}, ny[] = {a, c}, n1[] = {a};
    tx_trie_set_value(t, tx_trie_insert(t, nz, 2), 1);
    tx_trie_set_value(t, tx_trie_insert(t, n1, 1), 2);
    uint32_t node = 0;
    CHECK_INT(tx_trie_longest(t, nz, 2, &node), 2);
    CHECK_INT(tx_trie_value(t, node), 1);
    CHECK_INT(tx_trie_longest(t, ny, 2, &node), 1);
    CHECK_INT(tx_trie_value(t, node), 2);
    CHECK_INT(tx_trie_longest(t, &c, 1, &node), 0);
    for (uint32_t i = 1; i < 3000; i++) {
        uint32_t p[] = {i, i + 1, i + 2};
        tx_trie_set_value(t, tx_trie_insert(t, p, 3), i);
    }
    uint32_t q[] = {1500, 1501, 1502, 9};
    CHECK_INT(tx_trie_longest(t, q, 4, &node), 3);
    CHECK_INT(tx_trie_value(t, node), 1500);
    tx_trie_free(t);
    tx_lexicon_free(lex);
}

static void test_arena(void)
{
    tx_arena a = TX_ARENA_INIT;
    char *s = tx_arena_strndup(&a, "hello", 5);
    CHECK_STR(s, "hello");
    void *big = tx_arena_alloc(&a, 200000);
    CHECK(big != NULL);
    char *t = tx_arena_strndup(&a, "world", 5);
    CHECK_STR(t, "world");
    tx_arena_free(&a);
}

int main(void)
{
    test_buffer();
    test_fold();
    test_lexicon_trie();
    test_arena();
    return test_report("test_core");
}
