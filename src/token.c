/* token.c: one-pass tokenizer turning sentence text into folded tokens that keep their offsets. */
#include "token.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "lexicon.h"

/* What a character does for tokenizing; quotes keep their typographic direction. */
enum {
    CHAR_OTHER,        /* punctuation or symbol that stands alone */
    CHAR_SPACE,        /* white space and control characters */
    CHAR_UNDERSCORE,   /* separates words, like a space, but is not white space */
    CHAR_LETTER,       /* letters and combining marks */
    CHAR_DIGIT,
    CHAR_APOSTROPHE,   /* ' ’ ʼ: inside a word, a clitic, or a single quote */
    CHAR_DOUBLE,       /* " ″: direction judged from context */
    CHAR_DOUBLE_OPEN,  /* “ „ ‟ « */
    CHAR_DOUBLE_CLOSE, /* ” » */
    CHAR_SINGLE_OPEN,  /* ‘ ‛ ‹ */
    CHAR_SINGLE_CLOSE, /* › */
    CHAR_HYPHEN,       /* - ‐ ‑: inside a word, or a dash */
    CHAR_DASH,         /* ‒ – — ― − */
    CHAR_PERIOD,
    CHAR_ELLIPSIS,     /* … */
    CHAR_COMMA,
    CHAR_AMPERSAND,
    CHAR_OPEN_BRACKET, /* ( [ { */
    CHAR_CLOSING       /* ) ] } ; : ? ! -- marks after which a quote closes */
};

typedef struct {
    int32_t cp;
    uint8_t len;
    uint8_t type;  /* CHAR_* */
} S_char;

typedef struct {
    const char *text;
    size_t start, end;
    tx_tokens *tokens;
    int double_open, single_open;  /* quotation state, for straight quotes and apostrophes */
} S_scanner;

static uint8_t S_ascii_type(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return CHAR_LETTER;
    if (c >= '0' && c <= '9')
        return CHAR_DIGIT;
    if (c <= ' ' || c == 0x7F)
        return CHAR_SPACE;
    switch (c) {
    case '_': return CHAR_UNDERSCORE;
    case '\'': return CHAR_APOSTROPHE;
    case '"': return CHAR_DOUBLE;
    case '-': return CHAR_HYPHEN;
    case '.': return CHAR_PERIOD;
    case ',': return CHAR_COMMA;
    case '&': return CHAR_AMPERSAND;
    case '(': case '[': case '{': return CHAR_OPEN_BRACKET;
    case ')': case ']': case '}': case ';': case ':': case '?': case '!': return CHAR_CLOSING;
    default: return CHAR_OTHER;
    }
}

static uint8_t S_unicode_type(int32_t cp)
{
    switch (cp) {
    case 0x2019: case 0x02BC: return CHAR_APOSTROPHE;
    case 0x2033: return CHAR_DOUBLE;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: return CHAR_DOUBLE_OPEN;
    case 0x201D: case 0x00BB: return CHAR_DOUBLE_CLOSE;
    case 0x2018: case 0x201B: case 0x2039: return CHAR_SINGLE_OPEN;
    case 0x203A: return CHAR_SINGLE_CLOSE;
    case 0x2010: case 0x2011: return CHAR_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return CHAR_DASH;
    case 0x2026: return CHAR_ELLIPSIS;
    case 0x200B: case 0x2060: case 0xFEFF: return CHAR_SPACE;  /* invisible word breaks */
    default: break;
    }
    if (cp < 0)
        return CHAR_OTHER;  /* invalid byte: the caller was to repair, but stay safe */
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:  /* soft hyphen, joiners: keep the word together */
        return CHAR_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return CHAR_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return CHAR_SPACE;
    default:
        return CHAR_OTHER;
    }
}

/* The character at text[i..end); i < end. */
static S_char S_read(const char *text, size_t i, size_t end)
{
    assert(i < end);
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80)
        return (S_char){c, 1, S_ascii_type(c)};
    int32_t cp;
    size_t len = tx_utf8_decode(text + i, end - i, &cp);
    return (S_char){cp, (uint8_t)len, S_unicode_type(cp)};
}

/* The character that ends at text[i], or a space when i is the start. */
static S_char S_read_before(const char *text, size_t start, size_t i)
{
    if (i <= start)
        return (S_char){' ', 0, CHAR_SPACE};
    size_t j = i - 1;
    while (j > start && i - j < 4 && ((unsigned char)text[j] & 0xC0) == 0x80)
        j--;
    S_char c = S_read(text, j, i);
    if (j + c.len != i)  /* not a character boundary: only on unrepaired input */
        return (S_char){-1, 1, CHAR_OTHER};
    return c;
}

static S_char S_read_after(const S_scanner *sc, size_t i)
{
    if (i >= sc->end)
        return (S_char){' ', 0, CHAR_SPACE};
    return S_read(sc->text, i, sc->end);
}

static int S_alnum(S_char c) { return c.type == CHAR_LETTER || c.type == CHAR_DIGIT; }

static int S_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

static char S_ascii_toupper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }

/* ---- the token list ---- */

void tx_tokens_clear(tx_tokens *tokens)
{
    tokens->count = 0;
    tx_buf_clear(&tokens->keys);
}

void tx_tokens_free(tx_tokens *tokens)
{
    free(tokens->items);
    tokens->items = NULL;
    tokens->count = tokens->cap = 0;
    tx_buf_free(&tokens->keys);
}

static int S_grow(tx_tokens *tokens)
{
    if (tokens->count < tokens->cap)
        return 0;
    size_t cap = tokens->cap ? tokens->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof(tx_token))
        return -1;
    tx_token *items = realloc(tokens->items, cap * sizeof(tx_token));
    if (!items)
        return -1;
    tokens->items = items;
    tokens->cap = cap;
    return 0;
}

/* CAPITAL and ALLCAPS from the letters of text[start..end). */
static uint8_t S_case_flags(const char *text, size_t start, size_t end)
{
    size_t letters = 0, upper = 0;
    int first_upper = -1;
    for (size_t i = start; i < end;) {
        unsigned char c = (unsigned char)text[i];
        int is_letter, is_upper;
        if (c < 0x80) {
            is_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            is_upper = c >= 'A' && c <= 'Z';
            i++;
        } else {
            int32_t cp;
            i += tx_utf8_decode(text + i, end - i, &cp);
            utf8proc_category_t category = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
            is_upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
            is_letter = is_upper || category == UTF8PROC_CATEGORY_LL ||
                        category == UTF8PROC_CATEGORY_LM || category == UTF8PROC_CATEGORY_LO;
        }
        if (!is_letter)
            continue;
        letters++;
        upper += (size_t)is_upper;
        if (first_upper < 0)
            first_upper = is_upper;
    }
    uint8_t flags = 0;
    if (first_upper > 0)
        flags |= TX_TOKEN_CAPITAL;
    if (letters >= 2 && upper == letters)
        flags |= TX_TOKEN_ALLCAPS;
    return flags;
}

/* Appends token text[start..end) with the folded key, or with `key` when given. */
static int S_emit(S_scanner *sc, size_t start, size_t end, int kind, const char *key, uint8_t flags)
{
    assert(sc->start <= start && start < end && end <= sc->end);
    tx_tokens *tokens = sc->tokens;
    if (S_grow(tokens) < 0)
        return -1;
    tx_buf *keys = &tokens->keys;
    size_t key_start = keys->len;
    int status = key ? tx_buf_puts(keys, key) : tx_fold(sc->text + start, end - start, keys);
    size_t key_len = keys->len - key_start;
    if (status < 0 || tx_buf_putc(keys, '\0') < 0 || key_start > UINT32_MAX)
        return -1;
    assert(key_len <= UINT16_MAX);  /* words are cut at TX_TOKEN_MAX_BYTES */
    if (kind != TX_TOKEN_PUNCT)
        flags |= S_case_flags(sc->text, start, end);
    if (end < sc->end && S_read(sc->text, end, sc->end).type == CHAR_SPACE)
        flags |= TX_TOKEN_SPACE_AFTER;
    tokens->items[tokens->count++] = (tx_token){
        .start = (uint32_t)start,
        .end = (uint32_t)end,
        .key = (uint32_t)key_start,
        .key_len = (uint16_t)key_len,
        .kind = (uint8_t)kind,
        .flags = flags,
        .word = TX_WORD_NONE,
    };
    return 0;
}

/* ---- abbreviations ---- */

/* Sorted by their upper-case form for binary search.  Titles precede names; "No" counts
 * only before a number; the others may also end a sentence (Inc. Jr. etc., months, and US
 * states in AP style, leaving out those that are also words: Ill. Miss. Wash.).  A
 * capitalized entry matches only a capitalized word. */
static const struct {
    const char *word;
    uint8_t kind;
} S_abbreviations[] = {
    {"Adm", TX_ABBREV_TITLE}, {"Ala", TX_ABBREV_OTHER}, {"Amb", TX_ABBREV_TITLE},
    {"approx", TX_ABBREV_OTHER}, {"Apr", TX_ABBREV_OTHER}, {"Ariz", TX_ABBREV_OTHER},
    {"Ark", TX_ABBREV_OTHER}, {"Assn", TX_ABBREV_OTHER}, {"Atty", TX_ABBREV_TITLE},
    {"Aug", TX_ABBREV_OTHER}, {"Ave", TX_ABBREV_OTHER}, {"Blvd", TX_ABBREV_OTHER},
    {"Brig", TX_ABBREV_TITLE}, {"Bros", TX_ABBREV_OTHER}, {"Calif", TX_ABBREV_OTHER},
    {"Capt", TX_ABBREV_TITLE}, {"Cmdr", TX_ABBREV_TITLE}, {"Co", TX_ABBREV_OTHER},
    {"Col", TX_ABBREV_TITLE}, {"Colo", TX_ABBREV_OTHER}, {"Conn", TX_ABBREV_OTHER},
    {"Corp", TX_ABBREV_OTHER}, {"Cos", TX_ABBREV_OTHER}, {"Cpl", TX_ABBREV_TITLE},
    {"Dec", TX_ABBREV_OTHER}, {"Dept", TX_ABBREV_OTHER}, {"Dr", TX_ABBREV_TITLE},
    {"etc", TX_ABBREV_OTHER}, {"Feb", TX_ABBREV_OTHER}, {"Fla", TX_ABBREV_OTHER},
    {"Fr", TX_ABBREV_TITLE}, {"Ft", TX_ABBREV_OTHER}, {"Ga", TX_ABBREV_OTHER},
    {"Gen", TX_ABBREV_TITLE}, {"Gens", TX_ABBREV_TITLE}, {"Gov", TX_ABBREV_TITLE},
    {"Govs", TX_ABBREV_TITLE}, {"Hon", TX_ABBREV_TITLE}, {"Inc", TX_ABBREV_OTHER},
    {"Jan", TX_ABBREV_OTHER}, {"Jr", TX_ABBREV_OTHER}, {"Jul", TX_ABBREV_OTHER},
    {"Jun", TX_ABBREV_OTHER}, {"Kan", TX_ABBREV_OTHER}, {"Kans", TX_ABBREV_OTHER},
    {"Ky", TX_ABBREV_OTHER}, {"Lieut", TX_ABBREV_TITLE}, {"Lt", TX_ABBREV_TITLE},
    {"Ltd", TX_ABBREV_OTHER}, {"Maj", TX_ABBREV_TITLE}, {"Mar", TX_ABBREV_OTHER},
    {"Md", TX_ABBREV_OTHER}, {"Messrs", TX_ABBREV_TITLE}, {"Mich", TX_ABBREV_OTHER},
    {"Minn", TX_ABBREV_OTHER}, {"Mlle", TX_ABBREV_TITLE}, {"Mme", TX_ABBREV_TITLE},
    {"Mont", TX_ABBREV_OTHER}, {"Mr", TX_ABBREV_TITLE}, {"Mrs", TX_ABBREV_TITLE},
    {"Ms", TX_ABBREV_TITLE}, {"Mt", TX_ABBREV_OTHER}, {"Neb", TX_ABBREV_OTHER},
    {"Nev", TX_ABBREV_OTHER}, {"No", TX_ABBREV_NUMBER}, {"Nos", TX_ABBREV_NUMBER},
    {"Nov", TX_ABBREV_OTHER}, {"Oct", TX_ABBREV_OTHER}, {"Okla", TX_ABBREV_OTHER},
    {"Ore", TX_ABBREV_OTHER}, {"Pa", TX_ABBREV_OTHER}, {"Pres", TX_ABBREV_TITLE},
    {"Prof", TX_ABBREV_TITLE}, {"Pvt", TX_ABBREV_TITLE}, {"Rep", TX_ABBREV_TITLE},
    {"Reps", TX_ABBREV_TITLE}, {"Rev", TX_ABBREV_TITLE}, {"Sen", TX_ABBREV_TITLE},
    {"Sens", TX_ABBREV_TITLE}, {"Sep", TX_ABBREV_OTHER}, {"Sept", TX_ABBREV_OTHER},
    {"Sgt", TX_ABBREV_TITLE}, {"Sr", TX_ABBREV_OTHER}, {"St", TX_ABBREV_OTHER},
    {"Supt", TX_ABBREV_TITLE}, {"Tenn", TX_ABBREV_OTHER}, {"Tex", TX_ABBREV_OTHER},
    {"Univ", TX_ABBREV_OTHER}, {"Va", TX_ABBREV_OTHER}, {"vs", TX_ABBREV_TITLE},
    {"Vt", TX_ABBREV_OTHER}, {"Wis", TX_ABBREV_OTHER}, {"Wyo", TX_ABBREV_OTHER},
};

enum { S_ABBREVIATION_MAX = 6 };  /* the longest entry ("Messrs", "approx") */

/* strcmp on the upper-case forms of s[0..n) and the NUL-terminated word. */
static int S_compare_upper(const char *s, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++) {
        char a = S_ascii_toupper(s[i]), b = S_ascii_toupper(word[i]);
        if (a != b || !b)
            return (unsigned char)a - (unsigned char)b;
    }
    return word[n] ? -1 : 0;
}

tx_abbrev tx_token_abbreviation(const char *s, size_t n)
{
    if (n < 2 || n > S_ABBREVIATION_MAX)
        return TX_ABBREV_NONE;
    size_t low = 0, high = TX_ARRAY_SIZE(S_abbreviations);
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const char *word = S_abbreviations[middle].word;
        int order = S_compare_upper(s, n, word);
        if (order < 0) {
            high = middle;
        } else if (order > 0) {
            low = middle + 1;
        } else {
            /* "Ore" must not take "ore", nor "Gen" a lower-case "gen". */
            if (S_ascii_upper(word[0]) && !S_ascii_upper(s[0]))
                return TX_ABBREV_NONE;
            return (tx_abbrev)S_abbreviations[middle].kind;
        }
    }
    return TX_ABBREV_NONE;
}

/* ---- words ---- */

/* Letters from i on, counting at most three: an initialism's segment is one or two. */
static size_t S_letter_run(const S_scanner *sc, size_t i)
{
    size_t count = 0;
    while (i < sc->end && count < 3) {
        S_char c = S_read(sc->text, i, sc->end);
        if (c.type != CHAR_LETTER)
            break;
        count++;
        i += c.len;
    }
    return count;
}

/* After a digit: ",ddd" not followed by a further digit (50,000 but not a list "1,2"). */
static int S_thousands_group(const S_scanner *sc, size_t comma)
{
    const char *t = sc->text;
    if (sc->end - comma < 4)
        return 0;
    for (size_t k = 1; k <= 3; k++)
        if (t[comma + k] < '0' || t[comma + k] > '9')
            return 0;
    return comma + 4 == sc->end || t[comma + 4] < '0' || t[comma + 4] > '9';
}

/* Whether only white space and closing punctuation follow text[i..): the text ends here. */
static int S_ends_text(const S_scanner *sc, size_t i)
{
    for (int steps = 0; i < sc->end; steps++) {
        S_char c = S_read(sc->text, i, sc->end);
        int closing = c.type == CHAR_SPACE || c.type == CHAR_DOUBLE || c.type == CHAR_APOSTROPHE ||
                      c.type == CHAR_DOUBLE_CLOSE || c.type == CHAR_SINGLE_CLOSE ||
                      c.cp == ')' || c.cp == ']' || c.cp == '}';
        if (!closing || steps >= 16)  /* bounded look-ahead keeps long junk runs linear */
            return 0;
        i += c.len;
    }
    return 1;
}

/* Whether a number follows text[i..) after at most a few spaces ("No. 5", "No.5"). */
static int S_number_follows(const S_scanner *sc, size_t i)
{
    for (int spaces = 0; i < sc->end && sc->text[i] == ' ' && spaces < 4; spaces++)
        i++;
    return i < sc->end && sc->text[i] >= '0' && sc->text[i] <= '9';
}

/* Whether the period at text[period] belongs to the word text[start..period). */
static int S_keeps_period(const S_scanner *sc, size_t start, size_t period, int initialism)
{
    if (period + 1 < sc->end && sc->text[period + 1] == '.')
        return 0;  /* an ellipsis follows the word */
    if (initialism)
        return 1;
    switch (tx_token_abbreviation(sc->text + start, period - start)) {
    case TX_ABBREV_TITLE:
    case TX_ABBREV_OTHER:
        return 1;
    case TX_ABBREV_NUMBER:
        return S_number_follows(sc, period + 1);
    case TX_ABBREV_NONE:
        break;
    }
    /* A single capital is an initial (John F. Kennedy), unless it ends the text (Plan B.). */
    return period - start == 1 && S_ascii_upper(sc->text[start]) && !S_ends_text(sc, period + 1);
}

/* Whether text[start..end) is a number: digits with inner , and . only. */
static int S_is_number(const char *text, size_t start, size_t end)
{
    int digits = 0;
    for (size_t i = start; i < end; i++) {
        char c = text[i];
        if (c >= '0' && c <= '9')
            digits = 1;
        else if (c != ',' && c != '.')
            return 0;
    }
    return digits;
}

/* Where a clitic starts in the word text[start..end) whose last inner apostrophe is at
 * `apostrophe`, or `end` when the word has none: 'S 'LL 'RE 'VE 'D 'M, or N'T. */
static size_t S_clitic_start(const char *text, size_t start, size_t end, size_t apostrophe)
{
    static const char *const suffixes[] = {"S", "LL", "RE", "VE", "D", "M"};
    if (apostrophe >= end)
        return end;
    size_t after = apostrophe + 1;
    while (after < end && ((unsigned char)text[after] & 0xC0) == 0x80)
        after++;  /* past the apostrophe's own bytes (’ is three) */
    size_t n = end - after;
    if (n == 1 && S_ascii_toupper(text[after]) == 'T' && apostrophe > start &&
        S_ascii_toupper(text[apostrophe - 1]) == 'N')
        return apostrophe - 1;
    for (size_t k = 0; k < TX_ARRAY_SIZE(suffixes); k++) {
        size_t m = strlen(suffixes[k]);
        size_t i = 0;
        while (i < m && i < n && S_ascii_toupper(text[after + i]) == suffixes[k][i])
            i++;
        if (i == m && m == n)
            return apostrophe;
    }
    return end;
}

/* Scans the word at *pos (a letter or digit) and emits it with its clitic, if any. */
static int S_word(S_scanner *sc, size_t *pos)
{
    const char *text = sc->text;
    size_t start = *pos, i = start;
    size_t apostrophe = SIZE_MAX;  /* the last apostrophe kept inside the word */
    size_t segment = 0;            /* letters since the start or the last inner period */
    int initialism = 0, previous = CHAR_OTHER;
    while (i < sc->end) {
        if (i - start >= TX_TOKEN_MAX_BYTES - 1)
            break;  /* leave a byte for an abbreviation's period */
        unsigned char byte = (unsigned char)text[i];
        int ascii = byte < 0x80 ? S_ascii_type(byte) : CHAR_OTHER;
        if (ascii == CHAR_LETTER || ascii == CHAR_DIGIT) {  /* the common case, kept short */
            segment += ascii == CHAR_LETTER;
            previous = ascii;
            i++;
            continue;
        }
        S_char c = S_read(text, i, sc->end);
        if (i - start + c.len > TX_TOKEN_MAX_BYTES - 1)
            break;
        if (S_alnum(c)) {
            segment += c.type == CHAR_LETTER;
            previous = c.type;
            i += c.len;
            continue;
        }
        /* Connectors stay only between two letters or digits. */
        S_char next = S_read_after(sc, i + c.len);
        if (!S_alnum(next))
            break;
        if (c.type == CHAR_PERIOD) {
            if (previous == CHAR_DIGIT && next.type == CHAR_DIGIT) {
                /* a decimal: 11.8 */
            } else if (previous == CHAR_LETTER && next.type == CHAR_LETTER && segment <= 2 &&
                       S_letter_run(sc, i + 1) <= 2) {
                initialism = 1;  /* U.S, e.g, Ph.D; but said.The splits */
                segment = 0;
            } else {
                break;
            }
        } else if (c.type == CHAR_COMMA) {
            if (previous != CHAR_DIGIT || !S_thousands_group(sc, i))
                break;
        } else if (c.type == CHAR_APOSTROPHE) {
            if (next.type != CHAR_LETTER)
                break;
            apostrophe = i;
        } else if (c.type == CHAR_HYPHEN) {
            segment = 0;  /* pro-U.S. is still an initialism after the hyphen */
        } else if (c.type != CHAR_AMPERSAND) {
            break;
        }
        previous = c.type;
        i += c.len;
    }
    assert(i > start);
    size_t word_end = S_clitic_start(text, start, i, apostrophe);
    size_t end = i;
    if (word_end == i && i < sc->end && text[i] == '.' && S_keeps_period(sc, start, i, initialism))
        end = ++word_end;
    if (word_end > start) {
        int kind = S_is_number(text, start, word_end) ? TX_TOKEN_NUMBER : TX_TOKEN_WORD;
        if (S_emit(sc, start, word_end, kind, NULL, 0) < 0)
            return -1;
    }
    if (word_end < end && S_emit(sc, word_end, end, TX_TOKEN_CLITIC, NULL, 0) < 0)
        return -1;
    *pos = end;
    return 0;
}

/* ---- punctuation ---- */

/* Whether a straight quote after `c` is at the left edge of a quotation. */
static int S_opens_after(S_char c)
{
    return c.type == CHAR_SPACE || c.type == CHAR_UNDERSCORE || c.type == CHAR_OPEN_BRACKET ||
           c.type == CHAR_DASH || c.type == CHAR_HYPHEN || c.type == CHAR_DOUBLE_OPEN ||
           c.type == CHAR_SINGLE_OPEN;
}

/* Whether a straight quote before `c` is at the right edge of a quotation. */
static int S_closes_before(S_char c)
{
    return c.type == CHAR_SPACE || c.type == CHAR_UNDERSCORE || c.type == CHAR_CLOSING ||
           c.type == CHAR_PERIOD || c.type == CHAR_COMMA || c.type == CHAR_ELLIPSIS ||
           c.type == CHAR_DASH || c.type == CHAR_DOUBLE_CLOSE || c.type == CHAR_SINGLE_CLOSE;
}

/* Judges a straight quote from its neighbours; `open` is the quotation state to update. */
static uint8_t S_straight_direction(const S_scanner *sc, size_t i, size_t len, int *open)
{
    int left = S_opens_after(S_read_before(sc->text, sc->start, i));
    int right = S_closes_before(S_read_after(sc, i + len));
    int opens;
    if (left != right)
        opens = left;
    else
        opens = !*open;  /* no telling from the spacing: close what is open, else open */
    *open = opens;
    return opens ? TX_TOKEN_QUOTE_OPEN : TX_TOKEN_QUOTE_CLOSE;
}

static int S_emit_quote(S_scanner *sc, size_t i, S_char c, const char *key, uint8_t flags)
{
    return S_emit(sc, i, i + c.len, TX_TOKEN_PUNCT, key, flags);
}

/* An apostrophe that no word took: a possessive ("countries'"), or a single quote. */
static int S_apostrophe(S_scanner *sc, size_t i, S_char c)
{
    S_char before = S_read_before(sc->text, sc->start, i);
    if (S_alnum(before)) {
        int possessive = !sc->single_open && (before.cp == 's' || before.cp == 'S');
        if (possessive)
            return S_emit(sc, i, i + c.len, TX_TOKEN_CLITIC, NULL, 0);
        sc->single_open = 0;
        return S_emit_quote(sc, i, c, "'", TX_TOKEN_QUOTE_CLOSE);
    }
    if (c.cp == '\'')
        return S_emit_quote(sc, i, c, "'", S_straight_direction(sc, i, c.len, &sc->single_open));
    /* ’ closes by its shape, unless it stands before a word with no quotation open: then it
     * is a misused opening quote or an elision ("’90s"). */
    int opens = !sc->single_open && S_opens_after(before) && S_alnum(S_read_after(sc, i + c.len));
    sc->single_open = opens;
    return S_emit_quote(sc, i, c, "'", opens ? TX_TOKEN_QUOTE_OPEN : TX_TOKEN_QUOTE_CLOSE);
}

static int S_quote(S_scanner *sc, size_t i, S_char c)
{
    switch (c.type) {
    case CHAR_DOUBLE:
        return S_emit_quote(sc, i, c, "\"", S_straight_direction(sc, i, c.len, &sc->double_open));
    case CHAR_DOUBLE_OPEN:
        sc->double_open = 1;
        return S_emit_quote(sc, i, c, "\"", TX_TOKEN_QUOTE_OPEN);
    case CHAR_DOUBLE_CLOSE:
        sc->double_open = 0;
        return S_emit_quote(sc, i, c, "\"", TX_TOKEN_QUOTE_CLOSE);
    case CHAR_SINGLE_OPEN:
        sc->single_open = 1;
        return S_emit_quote(sc, i, c, "'", TX_TOKEN_QUOTE_OPEN);
    default:
        assert(c.type == CHAR_SINGLE_CLOSE);
        sc->single_open = 0;
        return S_emit_quote(sc, i, c, "'", TX_TOKEN_QUOTE_CLOSE);
    }
}

/* A run of characters of the given types, as one token with a fixed key. */
static int S_run(S_scanner *sc, size_t *pos, int type, int other_type, const char *key)
{
    size_t i = *pos;
    while (i < sc->end) {
        S_char c = S_read(sc->text, i, sc->end);
        if (c.type != type && c.type != other_type)
            break;
        i += c.len;
    }
    assert(i > *pos);
    int status = S_emit(sc, *pos, i, TX_TOKEN_PUNCT, key, 0);
    *pos = i;
    return status;
}

int tx_tokenize(const char *text, size_t start, size_t end, tx_tokens *tokens)
{
    assert(start <= end);
    if (end > UINT32_MAX)
        return -1;
    S_scanner sc = {text, start, end, tokens, 0, 0};
    size_t i = start;
    while (i < end) {
        S_char c = S_read(text, i, end);
        int status = 0;
        switch (c.type) {
        case CHAR_SPACE:
        case CHAR_UNDERSCORE:
            i += c.len;
            continue;
        case CHAR_LETTER:
        case CHAR_DIGIT:
            status = S_word(&sc, &i);
            break;
        case CHAR_PERIOD: {
            const char *key = (i + 1 < end && text[i + 1] == '.') ? "..." : ".";
            status = S_run(&sc, &i, CHAR_PERIOD, CHAR_PERIOD, key);
            break;
        }
        case CHAR_ELLIPSIS:
            status = S_run(&sc, &i, CHAR_ELLIPSIS, CHAR_ELLIPSIS, "...");
            break;
        case CHAR_HYPHEN:
        case CHAR_DASH:
            status = S_run(&sc, &i, CHAR_HYPHEN, CHAR_DASH, "-");
            break;
        case CHAR_APOSTROPHE:
            status = S_apostrophe(&sc, i, c);
            i += c.len;
            break;
        case CHAR_DOUBLE:
        case CHAR_DOUBLE_OPEN:
        case CHAR_DOUBLE_CLOSE:
        case CHAR_SINGLE_OPEN:
        case CHAR_SINGLE_CLOSE:
            status = S_quote(&sc, i, c);
            i += c.len;
            break;
        default:
            status = S_emit(&sc, i, i + c.len, TX_TOKEN_PUNCT, NULL, 0);
            i += c.len;
            break;
        }
        if (status < 0)
            return -1;
    }
    return 0;
}
