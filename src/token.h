/* token.h: splits sentence text into word tokens that keep their byte offsets. */
#ifndef TX_TOKEN_H
#define TX_TOKEN_H

#include "buffer.h"

typedef enum {
    TX_TOKEN_WORD,    /* letters, digits, and word-internal . ' - & (U.S., AL-QAEDA, O'NEILL) */
    TX_TOKEN_NUMBER,  /* 50,000  11.8  1990  26 */
    TX_TOKEN_PUNCT,   /* one punctuation character: , ; : ( ) ? ! . - and quotes as '"' */
    TX_TOKEN_CLITIC   /* Treebank-style split-off clitic: 'S  N'T  'LL  'RE  'VE  'D  'M */
} tx_token_kind;

enum {
    TX_TOKEN_CAPITAL = 1 << 0,    /* the first letter is upper case in the original */
    TX_TOKEN_ALLCAPS = 1 << 1,    /* every letter is upper case (and there are two or more) */
    TX_TOKEN_SPACE_AFTER = 1 << 2,/* white space follows in the original */
    TX_TOKEN_QUOTE_OPEN = 1 << 3, /* a quotation mark that opens (“ ‘ « or a straight one judged opening) */
    TX_TOKEN_QUOTE_CLOSE = 1 << 4 /* a quotation mark that closes */
};

typedef struct {
    uint32_t start, end;  /* byte span in the original text */
    uint32_t key;         /* offset of the folded form (fold.h) in tx_tokens.keys; NUL-terminated */
    uint16_t key_len;     /* length of the folded form */
    uint8_t kind;         /* tx_token_kind */
    uint8_t flags;        /* TX_TOKEN_* bits */
    uint32_t word;        /* lexicon id, TX_WORD_NONE until the coder looks it up */
} tx_token;

/* A reusable token list: clear it per sentence, so tokenizing allocates only while it grows. */
typedef struct {
    tx_token *items;  /* owned */
    size_t count, cap;
    tx_buf keys;      /* folded forms, each NUL-terminated */
} tx_tokens;

#define TX_TOKENS_INIT {NULL, 0, 0, TX_BUF_INIT}

void tx_tokens_clear(tx_tokens *tokens);
void tx_tokens_free(tx_tokens *tokens);
/* The folded form of token i; owned by `tokens`, valid until the next clear or tokenize. */
static inline const char *tx_tokens_key(const tx_tokens *tokens, size_t i)
{
    return tokens->keys.data + tokens->items[i].key;
}

/* Appends the tokens of text[start..end) to `tokens`.  Offsets are into `text`.
 * The text must be valid UTF-8 (utf8.h repairs it first).  Splitting rules:
 *  - white space (incl. no-break spaces) and '_' separate words;
 *  - ' " “ ” ‘ ’ « » ( ) [ ] , ; : ? ! are tokens of their own, except that an apostrophe
 *    inside a word stays (O'NEILL) and clitics split off Treebank-style: "China's" → CHINA 'S,
 *    "didn't" → DID N'T, "can't" → CA N'T, "won't" → WO N'T; a bare trailing apostrophe
 *    ("countries'") splits off as ';
 *  - a period ends a word and becomes a token unless the word is an abbreviation or
 *    initialism (U.S., U.N., Mr., Gen., Feb., No., Inc., K.U., single initials "J.");
 *  - numbers keep their inner , and . (50,000  11.8);
 *  - a hyphen between letters stays inside the word; a dash (- – —) with space around is a
 *    PUNCT token whose key is "-".
 * Returns 0, or -1 when out of memory. */
int tx_tokenize(const char *text, size_t start, size_t end, tx_tokens *tokens);

#endif
