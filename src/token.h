/* token.h: splits sentence text into word tokens that keep their byte offsets. */
#ifndef TX_TOKEN_H
#define TX_TOKEN_H

#include "buffer.h"

typedef enum {
    TX_TOKEN_WORD,    /* letters, digits, and word-internal . ' - & (U.S., AL-QAEDA, O'NEILL) */
    TX_TOKEN_NUMBER,  /* 50,000  11.8  1990  26 */
    TX_TOKEN_PUNCT,   /* one punctuation character: , ; : ( ) ? ! . - and quotes as '"'
                       * (a run of dashes is one "-", a run of periods one "...") */
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

/* Longest word token in bytes; longer runs of letters are cut (pathological input). */
#define TX_TOKEN_MAX_BYTES 1024

void tx_tokens_clear(tx_tokens *tokens);
void tx_tokens_free(tx_tokens *tokens);
/* The folded form of token i; owned by `tokens`, valid until the next clear or tokenize. */
static inline const char *tx_tokens_key(const tx_tokens *tokens, size_t i)
{
    return tokens->keys.data + tokens->items[i].key;
}

/* Appends the tokens of text[start..end) to `tokens`.  Offsets are into `text`: a token's
 * text[t.start..t.end) is exactly its original bytes.  Bytes outside [start, end) are never
 * read, so the last token never has TX_TOKEN_SPACE_AFTER.  Keys are made by tx_fold()
 * (punctuation keys are the canonical ASCII shown below).
 * The text must be valid UTF-8 (utf8.h repairs it first).  Splitting rules:
 *  - white space (incl. no-break spaces), control characters and '_' separate words;
 *  - ' " “ ” ‘ ’ « » ( ) [ ] , ; : ? ! are tokens of their own, except that an apostrophe
 *    inside a word stays (O'NEILL) and clitics split off Treebank-style: "China's" → CHINA 'S,
 *    "didn't" → DID N'T, "can't" → CA N'T, "won't" → WO N'T (also 'LL 'RE 'VE 'D 'M);
 *    ’ and ʼ count as apostrophes.  A bare trailing apostrophe ("countries'") splits off as
 *    a CLITIC with key "'" when the word ends in s and no single quote is open; otherwise it
 *    is a closing quote;
 *  - quotation marks are PUNCT tokens with key "\"" (“ ” „ « » ") or "'" (‘ ’ ‛ ‹ › ').
 *    Typographic ones open or close by their shape (“ „ ‘ « open, ” ’ » close; but a ’ that
 *    stands before a word, after a space, with no single quote open, opens); a straight one
 *    opens after white space / an opening bracket / a dash and before a non-space, closes
 *    in the mirror case, and otherwise closes the quote left open or else opens one.  The
 *    open/closed state lives for one tx_tokenize() call (one sentence);
 *  - a period ends a word and becomes a token unless the word is an abbreviation or
 *    initialism (U.S., U.N., Mr., Gen., Feb., No., Inc., K.U., single initials "J.").
 *    Such a period stays in the token AND its key: "U.S." → key "U.S.", "e.g." → "E.G.",
 *    "Mr." → "MR.", "Gen." → "GEN.", "Inc." → "INC.", "J." → "J." (the spelling of the
 *    dictionaries).  Abbreviations are those of tx_token_abbreviation() ("No." only before a
 *    number); initialisms are letters joined by periods in segments of one or two letters
 *    (U.S., Ph.D., a.m.).  A single capital initial that ends the text gives its period back
 *    ("Plan B." → PLAN B .), but an initialism or abbreviation ending the text keeps it and
 *    no separate "." follows ("... in the U.S." ends with the token "U.S.").  Every other
 *    period is a PUNCT token "."; a run of periods or "…" is one PUNCT token "...";
 *    letters around an inner period in longer segments split ("said.The" → SAID . THE);
 *  - numbers keep their inner , and . (50,000  11.8); digits glued to letters make a WORD
 *    (1990s, 26th, 5.5bn);
 *  - a hyphen (- ‐ ‑) between letters or digits stays inside the word (AL-QAEDA, COVID-19);
 *    any other hyphen or dash (- – — ―), and a run of them, is one PUNCT token whose key is
 *    "-"; likewise '&' between letters or digits stays inside the word (AT&T);
 *  - every other character that is not a letter, combining mark or digit (/ % $ © emoji,
 *    U+FFFD) is a PUNCT token of its own, keyed by tx_fold();
 *  - words longer than TX_TOKEN_MAX_BYTES are cut into pieces of at most that many bytes,
 *    so a key always fits key_len.
 * Returns 0, or -1 when out of memory or when end exceeds UINT32_MAX. */
int tx_tokenize(const char *text, size_t start, size_t end, tx_tokens *tokens);

/* Abbreviations whose period is not a full stop (shared with sentence.c). */
typedef enum {
    TX_ABBREV_NONE,
    TX_ABBREV_TITLE,   /* precedes a name, never ends a sentence: Mr Mrs Ms Dr Gen Sen vs ... */
    TX_ABBREV_NUMBER,  /* an abbreviation only before a number: No Nos */
    TX_ABBREV_OTHER    /* may also end a sentence: Inc Ltd Corp Co Jr Sr St etc, months, states */
} tx_abbrev;

/* The kind of abbreviation the word s[0..n) (without its period) is.  Case-insensitive,
 * but a capitalized entry needs a capital ("Gen" and "GEN" are; "gen" and "ore" are not). */
tx_abbrev tx_token_abbreviation(const char *s, size_t n);

#endif
