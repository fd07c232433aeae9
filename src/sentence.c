/* sentence.c: news-style sentence splitting in one pass over the article's lines. */
#include "sentence.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "token.h"
#include "utf8.h"

void tx_sentences_free(tx_sentences *list)
{
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}

static int S_push(tx_sentences *list, size_t start, size_t end, uint32_t line, int headline,
                  int paragraph)
{
    assert(start < end && end <= UINT32_MAX);
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 32;
        if (cap > SIZE_MAX / sizeof(tx_sentence))
            return -1;
        tx_sentence *items = realloc(list->items, cap * sizeof(tx_sentence));
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    list->items[list->count++] = (tx_sentence){
        .start = (uint32_t)start,
        .end = (uint32_t)end,
        .line = line,
        .headline = (uint8_t)headline,
        .paragraph = (uint8_t)paragraph,
    };
    return 0;
}

/* ---- characters ---- */

static int S_is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static size_t S_skip_space(const char *text, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = tx_utf8_space(text + i, end - i)) > 0)
        i += n;
    return i;
}

/* Backs off white space that ends text[start..end). */
static size_t S_trim_end(const char *text, size_t start, size_t end)
{
    while (end > start) {
        if (S_is_ascii_space((unsigned char)text[end - 1]))
            end--;
        else if (end - start >= 2 && tx_utf8_space(text + end - 2, 2) == 2)
            end -= 2;
        else if (end - start >= 3 && tx_utf8_space(text + end - 3, 3) == 3)
            end -= 3;
        else
            break;
    }
    return end;
}

/* The code point at text[i..end), its length in *len; -1 for an invalid byte. */
static int32_t S_code_point(const char *text, size_t i, size_t end, size_t *len)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    int32_t cp;
    *len = tx_utf8_decode(text + i, end - i, &cp);
    return cp;
}

static int S_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

static int S_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    utf8proc_category_t category = utf8proc_category(cp);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

static int S_is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

static int S_is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static int S_is_opening_quote(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x201E ||
           cp == 0x00AB;
}

/* Marks that may follow a full stop and still belong to its sentence: '... he said."' */
static int S_is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0x00BB || cp == 0x203A;
}

/* Bytes that may start a sentence-ending mark or a line break: the scans test only these. */
static const unsigned char S_may_end[256] = {['.'] = 1, ['?'] = 1, ['!'] = 1, [0xE2] = 1};
static const unsigned char S_may_break[256] = {['\n'] = 1, ['\r'] = 1, [0xE2] = 1};

/* Length of the sentence-ending mark at text[i..end) (. ? ! …), or 0. */
static size_t S_terminator(const char *text, size_t i, size_t end)
{
    char c = text[i];
    if (c == '.' || c == '?' || c == '!')
        return 1;
    if (c == '\xE2' && end - i >= 3 && text[i + 1] == '\x80' && text[i + 2] == '\xA6')
        return 3;
    return 0;
}

/* Length of the line break at text[i..end) (\n, \r\n, \r, U+2028, U+2029), or 0. */
static size_t S_line_break(const char *text, size_t i, size_t end)
{
    char c = text[i];
    if (c == '\n')
        return 1;
    if (c == '\r')
        return (i + 1 < end && text[i + 1] == '\n') ? 2 : 1;
    if (c == '\xE2' && end - i >= 3 && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9'))
        return 3;
    return 0;
}

/* ---- full stops ---- */

/* Function words that begin sentences but hardly follow "U.S." or "Inc." mid-sentence. */
static const char *const S_starters[] = {
    "A", "AN", "THE", "HE", "SHE", "IT", "ITS", "THEY", "WE", "I", "YOU", "HIS", "HER",
    "THEIR", "OUR", "THIS", "THAT", "THESE", "THOSE", "THERE", "IN", "ON", "AT", "AS", "BUT",
    "AND", "OR", "SO", "YET", "IF", "WHEN", "WHILE", "AFTER", "BEFORE", "SINCE", "ALTHOUGH",
    "HOWEVER", "MEANWHILE", "ALSO", "THEN", "WHAT", "WHY", "HOW", "WHO", "WHERE", "SOME",
    "MANY", "MOST", "FOR", "FROM", "BY", "WITH", "NOT",
};

/* Whether the word at text[i..end) clearly starts a sentence: an opening quotation mark or
 * a capitalized function word ("in the U.S. The ..." but not "the U.S. Senate"). */
static int S_starts_sentence(const char *text, size_t i, size_t end)
{
    size_t len;
    int32_t cp = S_code_point(text, i, end, &len);
    if (cp == '"' || cp == 0x201C || cp == 0x00AB)
        return 1;
    char word[10];
    size_t n = 0;
    while (i + n < end && n < sizeof(word) && S_is_ascii_letter(text[i + n])) {
        char c = text[i + n];
        word[n++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    if (n == 0 || n == sizeof(word) || (i + n < end && S_is_ascii_letter(text[i + n])))
        return 0;
    for (size_t k = 0; k < TX_ARRAY_SIZE(S_starters); k++)
        if (S_starters[k][0] == word[0] && strlen(S_starters[k]) == n &&
            memcmp(S_starters[k], word, n) == 0)
            return 1;
    return 0;
}

/* Whether text[start..end) is an initial or initialism: "F", "U.S", "e.g", "Ph.D". */
static int S_is_initialism(const char *text, size_t start, size_t end)
{
    if (end - start == 1)
        return text[start] >= 'A' && text[start] <= 'Z';
    int periods = 0;
    size_t segment = 0;
    for (size_t i = start; i < end; i++) {
        if (text[i] == '.') {
            if (segment == 0)
                return 0;
            periods = 1;
            segment = 0;
        } else if (S_is_ascii_letter(text[i]) && ++segment <= 2) {
            continue;
        } else {
            return 0;
        }
    }
    return periods && segment > 0;
}

/* Whether the single period at text[period], followed by space and then text[next], ends a
 * sentence that starts at `start`; it does not after titles, before numbers after "No", and
 * after initials and other abbreviations unless a sentence clearly starts next. */
static int S_period_ends(const char *text, size_t start, size_t period, size_t next, size_t end)
{
    enum { LONGEST_ABBREVIATION = 24 };
    size_t word = period;
    while (word > start && period - word <= LONGEST_ABBREVIATION &&
           !S_is_ascii_space((unsigned char)text[word - 1]))
        word--;
    if (period - word > LONGEST_ABBREVIATION)
        return 1;
    /* Past opening brackets and quotes: "(Gen." and "“Mr." */
    while (word < period) {
        size_t len;
        int32_t cp = S_code_point(text, word, period, &len);
        if (cp != '(' && cp != '[' && !S_is_opening_quote(cp))
            break;
        word += len;
    }
    if (word == period)
        return 1;
    switch (tx_token_abbreviation(text + word, period - word)) {
    case TX_ABBREV_TITLE:
        return 0;
    case TX_ABBREV_NUMBER:
        return !S_is_digit((unsigned char)text[next]);
    case TX_ABBREV_OTHER:
        return S_starts_sentence(text, next, end);
    case TX_ABBREV_NONE:
        break;
    }
    if (S_is_initialism(text, word, period))
        return S_starts_sentence(text, next, end);
    return 1;
}

/* Whether the mark text[mark..mark_end), with closing quotes up to `after`, ends a sentence
 * within the line text[..end) whose current sentence starts at `start`. */
static int S_ends_sentence(const char *text, size_t start, size_t mark, size_t mark_end,
                           size_t after, size_t end)
{
    if (after == end)
        return 1;
    if (!tx_utf8_space(text + after, end - after))
        return 0;  /* 11.8, U.S.-led, example.com */
    size_t next = S_skip_space(text, after, end);
    if (next == end)
        return 1;
    size_t len;
    int32_t cp = S_code_point(text, next, end, &len);
    int caseless = S_is_letter(cp) && !S_is_upper(cp) && utf8proc_tolower(cp) == cp &&
                   utf8proc_toupper(cp) == cp;
    if (!S_is_upper(cp) && !caseless && !S_is_digit(cp) && !S_is_opening_quote(cp) &&
        cp != '(' && cp != '[')
        return 0;  /* lower case goes on: '"Why?" he asked.' */
    for (size_t i = mark; i < mark_end; i++)
        if (text[i] == '?' || text[i] == '!')
            return 1;
    if (mark_end - mark > 1)
        return 1;  /* an ellipsis before a capital */
    return S_period_ends(text, start, mark, next, end);
}

/* ---- lines ---- */

/* Splits the line text[line_start..line_end) into sentences. */
static int S_split_line(const char *text, size_t line_start, size_t line_end, uint32_t line,
                        tx_sentences *list)
{
    size_t start = S_skip_space(text, line_start, line_end);
    if (start == line_end)
        return 0;
    int first = 1;
    size_t i = start + tx_dateline_length(text + start, line_end - start);
    while (i < line_end) {
        if (!S_may_end[(unsigned char)text[i]]) {
            i++;
            continue;
        }
        size_t mark_len = S_terminator(text, i, line_end);
        if (!mark_len) {
            i++;
            continue;
        }
        /* One decision per run of marks ("?!", "...") and closing quotes after it. */
        size_t mark_end = i + mark_len;
        while (mark_end < line_end && (mark_len = S_terminator(text, mark_end, line_end)) > 0)
            mark_end += mark_len;
        size_t after = mark_end, len;
        while (after < line_end && S_is_closer(S_code_point(text, after, line_end, &len)))
            after += len;
        if (S_ends_sentence(text, start, i, mark_end, after, line_end)) {
            if (S_push(list, start, after, line, 0, first) < 0)
                return -1;
            first = 0;
            start = S_skip_space(text, after, line_end);
            if (start == line_end)
                return 0;
        }
        i = after;
    }
    size_t end = S_trim_end(text, start, line_end);
    /* The rest has no final punctuation (a line ending in one was pushed above). */
    return S_push(list, start, end, line, first, first);
}

int tx_split_sentences(const char *text, size_t len, tx_sentences *list)
{
    list->count = 0;
    if (len > UINT32_MAX)
        return -1;
    size_t line_start = 0;
    uint32_t line = 1;
    for (size_t i = 0; i < len;) {
        size_t brk = S_may_break[(unsigned char)text[i]] ? S_line_break(text, i, len) : 0;
        if (!brk) {
            i++;
            continue;
        }
        if (S_split_line(text, line_start, i, line, list) < 0)
            return -1;
        i += brk;
        line_start = i;
        line++;
    }
    return S_split_line(text, line_start, len, line, list);
}

/* ---- datelines ---- */

/* Length of a "(CNN) " opening: a short parenthesized source before a capital. */
static size_t S_source_opening(const char *text, size_t len)
{
    size_t i = 1;
    while (i < len && i < 24 && text[i] != ')') {
        char c = text[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '.'))
            return 0;
        i++;
    }
    if (i == 1 || i >= len || text[i] != ')' || !(text[1] >= 'A' && text[1] <= 'Z'))
        return 0;
    size_t next = S_skip_space(text, i + 1, len);
    if (next == i + 1 || next >= len || !(text[next] >= 'A' && text[next] <= 'Z'))
        return 0;
    return next;
}

/* Length of the dash (- -- – —) at text[i..len), or 0. */
static size_t S_dash(const char *text, size_t i, size_t len)
{
    size_t j = i;
    while (j < len) {
        if (text[j] == '-')
            j++;
        else if (len - j >= 3 && text[j] == '\xE2' && text[j + 1] == '\x80' &&
                 (text[j + 2] == '\x93' || text[j + 2] == '\x94'))
            j += 3;
        else
            break;
    }
    return j - i;
}

/* Length of the dateline word at text[i..len) (CLEVELAND, Feb, 26, ST., PORT-AU-PRINCE),
 * 0 when the word does not start with a capital or digit; *all_caps says whether its letters
 * are all capitals, two or more of them. */
static size_t S_dateline_word(const char *text, size_t i, size_t len, int *all_caps)
{
    size_t j = i, letters = 0, upper = 0, n;
    int32_t cp = S_code_point(text, i, len, &n);
    if (!S_is_upper(cp) && !S_is_digit(cp))
        return 0;
    while (j < len) {
        cp = S_code_point(text, j, len, &n);
        if (S_is_letter(cp)) {
            letters++;
            upper += (size_t)S_is_upper(cp);
        } else if (!S_is_digit(cp) && cp != '.' && cp != '\'' && cp != 0x2019 && cp != '-' &&
                   cp != '&' && cp != '/') {
            break;
        }
        j += n;
    }
    *all_caps = letters >= 2 && upper == letters;
    return j - i;
}

size_t tx_dateline_length(const char *text, size_t len)
{
    enum { LONGEST_DATELINE = 120, MOST_WORDS = 12, PLACE_WORDS = 4 };
    if (len > 0 && text[0] == '(')
        return S_source_opening(text, len);
    size_t limit = TX_MIN(len, (size_t)LONGEST_DATELINE), i = 0;
    int words = 0, first_caps = 0, comma = 0, source = 0, colon = 0;
    while (i < limit) {
        char c = text[i];
        if (c == ' ') {
            i++;
        } else if (c == ',' && words > 0 && !colon) {
            comma = 1;
            i++;
        } else if (c == ':' && first_caps && !colon && text[i - 1] != ' ') {
            colon = 1;  /* "CEBU CITY: --": only a dash may follow */
            i++;
        } else if (c == '(' && words > 0 && !colon) {
            /* the agency: (Reuters), (AP), (Xinhua) */
            size_t close = i + 1;
            while (close < limit && text[close] != ')' && text[close] != '(')
                close++;
            if (close >= limit || text[close] != ')' || !(text[i + 1] >= 'A' && text[i + 1] <= 'Z'))
                return 0;
            source = 1;
            i = close + 1;
        } else if (words > 0 && (text[i - 1] == ' ' || text[i - 1] == ')' || text[i - 1] == ':') &&
                   S_dash(text, i, len) > 0) {
            size_t after = i + S_dash(text, i, len);
            if (after < len && !tx_utf8_space(text + after, len - after))
                return 0;  /* "-5" or a hyphenated word, not a dash */
            if (!first_caps && !comma && !source)
                return 0;  /* "Russia - the ..." is a sentence, not a dateline */
            return S_skip_space(text, after, len);
        } else {
            int all_caps = 0;
            size_t n = colon ? 0 : S_dateline_word(text, i, limit, &all_caps);
            if (n == 0 || ++words > MOST_WORDS)
                return 0;
            if (words > PLACE_WORDS && !comma && !source && !colon)
                return 0;  /* an all-caps headline, not a place ("RIO DE JANEIRO" is three) */
            if (words == 1) {
                for (size_t k = i; k < i + n; k++)
                    if (S_is_digit((unsigned char)text[k]))
                        return 0;  /* a place has no digits: "COVID-19: - ..." is no dateline */
                first_caps = all_caps;
            }
            i += n;
        }
    }
    return 0;
}
