/* noise.c: line-level boilerplate detection for scraped news text. */
#include "noise.h"

#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void tx_lines_free(tx_lines *lines)
{
    free(lines->items);
    lines->items = NULL;
    lines->count = lines->cap = 0;
}

const char *tx_noise_name(tx_noise_kind kind)
{
    switch (kind) {
    case TX_NOISE_PROMO: return "promo";
    case TX_NOISE_HEADLINE: return "headline";
    case TX_NOISE_LABEL: return "label";
    case TX_NOISE_REPEATED: return "repeated";
    case TX_NOISE_LINKS: return "links";
    default: return "";
    }
}

/* Lines that begin like this are promotions, whatever follows (case-insensitive). */
static const char *const S_promo_starts[] = {
    "read more", "read next", "related:", "related coverage", "related articles", "related stories",
    "see also:", "also read", "more:", "watch:", "watch more", "watch live", "listen:", "listen to",
    "follow the", "follow us", "follow @", "sign up", "subscribe", "click here", "download the",
    "get the latest", "get our", "share this", "share on", "advertisement", "sponsored",
    "please use chrome", "please enable", "this video", "video:", "image:", "photo:",
    "image source", "image caption", "media caption", "copyright ", "all rights reserved",
    "we use cookies", "this site uses cookies", "accept cookies", "skip to", "back to top",
    "join our", "newsletter", "continue reading", "recommended:", "most read", "trending:",
    "don't miss", "more from", "more on this", "top stories", "live updates:",
};

/* ... and lines containing this anywhere. */
static const char *const S_promo_contains[] = {
    "video player", "cookie policy", "privacy policy", "terms of use", "apple podcasts",
    "google podcasts", "sign up for", "subscribe to our", "all rights reserved",
    "javascript is disabled", "enable javascript", "your browser does not",
};

/* Words that make "X: ..." a sentence rather than a topic label: "He told CNN: ...". */
static const char *const S_speech_words[] = {
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "stated", "states",
    "asked", "replied", "tweeted", "posted", "announced", "declared", "warned", "explained",
    "noted", "insisted", "according",
};

static int S_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

static int S_starts(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return n >= m && strncasecmp(s, prefix, m) == 0;
}

/* Case-insensitive substring test; needles are lower case.  The first-byte check keeps the
 * scan cheap on long paragraphs. */
static int S_contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    char first = needle[0];
    for (size_t i = 0; i + m <= n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c == first && strncasecmp(s + i + 1, needle + 1, m - 1) == 0)
            return 1;
    }
    return 0;
}

static size_t S_words(const char *s, size_t n)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int space = S_space(s[i]);
        words += !space && !in;
        in = !space;
    }
    return words;
}

/* Ends like a sentence: . ? ! … or one of them before closing quotes or brackets. */
static int S_final_punctuation(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            n--;
            continue;
        }
        /* closing quotes ” ’ » (E2 80 9D, E2 80 99, C2 BB) */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            n -= 3;
            continue;
        }
        if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB) {
            n -= 2;
            continue;
        }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            c == 0xA6)
            return 1;  /* … */
        return c == '.' || c == '?' || c == '!' || c == ':';
    }
    return 0;
}

static int S_quote_after(const char *s, size_t n)
{
    while (n > 0 && S_space(*s))
        s++, n--;
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)s[0];
    return c == '"' || c == '\'' || (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80) ||
           (n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xAB);
}

/* "COVID-19: Surge in ...", "Ukraine crisis: Can China tame Russia?": a short topic, a
 * colon, then a headline.  Not "He told CNN: “We are ...”". */
static int S_topic_headline(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    if (!colon || colon == s)
        return 0;
    size_t head = (size_t)(colon - s), rest = n - head - 1;
    if (S_words(s, head) > 4 || S_words(colon + 1, rest) < 3 || S_words(s, n) > 25 ||
        S_quote_after(colon + 1, rest))
        return 0;
    if (!(s[0] >= 'A' && s[0] <= 'Z') && !(s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t k = 0; k < TX_ARRAY_SIZE(S_speech_words); k++)
        if (S_contains(s, head, S_speech_words[k]))
            return 0;
    return 1;
}

/* Does a line without final punctuation go on in the next one (text wrapped at a fixed
 * width, as in old wire copy)?  It does when it ends in a comma, a hyphen or a function
 * word, or when the next line starts in lower case. */
static int S_wrapped(const char *s, size_t n, const char *next, size_t next_n)
{
    static const char *const tails[] = {" the", " of", " and", " to", " in", " with", " a",
                                        " for", " on", " at", " by", " from", " that", " an",
                                        " or", " as", " its", " their", " is", " was"};
    char last = s[n - 1];
    if (last == ',' || last == ';' || last == '-')
        return 1;
    for (size_t k = 0; k < TX_ARRAY_SIZE(tails); k++) {
        size_t m = strlen(tails[k]);
        if (n > m && strncasecmp(s + n - m, tails[k], m) == 0)
            return 1;
    }
    return next && next_n > 0 && next[0] >= 'a' && next[0] <= 'z';
}

static tx_noise_kind S_classify(const char *s, size_t n, int first, const char *next,
                                size_t next_n)
{
    for (size_t k = 0; k < TX_ARRAY_SIZE(S_promo_starts); k++)
        if (S_starts(s, n, S_promo_starts[k]))
            return TX_NOISE_PROMO;
    /* Promotions are short; a paragraph that mentions a privacy policy is news. */
    for (size_t k = 0; k < TX_ARRAY_SIZE(S_promo_contains) && n <= 200; k++)
        if (S_contains(s, n, S_promo_contains[k]))
            return TX_NOISE_PROMO;
    if (first)
        return TX_NOISE_NONE;  /* the article's own headline or first paragraph */
    size_t words = S_words(s, n);
    if (!S_final_punctuation(s, n) && !S_wrapped(s, n, next, next_n))
        return words <= 4 ? TX_NOISE_LABEL : TX_NOISE_HEADLINE;
    if (S_topic_headline(s, n))
        return TX_NOISE_HEADLINE;
    return TX_NOISE_NONE;
}

static int S_push(tx_lines *lines, const tx_line *line)
{
    if (lines->count == lines->cap) {
        size_t cap = lines->cap ? lines->cap * 2 : 64;
        tx_line *items = realloc(lines->items, cap * sizeof(*items));
        if (!items)
            return -1;
        lines->items = items;
        lines->cap = cap;
    }
    lines->items[lines->count++] = *line;
    return 0;
}

/* Lines seen so far, by hash: an open-addressing set of line indices, so that finding
 * repeats stays linear in the article however many lines it has. */
typedef struct {
    uint32_t *slots;  /* line index + 1; 0 = empty */
    size_t mask;
} line_set;

/* Has an identical line come before?  Lines shorter than 20 bytes do not count: a repeated
 * "Reuters" signature or a dash is not boilerplate worth a message.  Adds the line. */
static int S_repeated(line_set *set, const char *text, const tx_lines *lines, size_t index)
{
    const tx_line *l = &lines->items[index];
    size_t n = l->end - l->start;
    if (n < 20)
        return 0;
    size_t i = tx_hash_bytes(text + l->start, n) & set->mask;
    for (; set->slots[i]; i = (i + 1) & set->mask) {
        const tx_line *o = &lines->items[set->slots[i] - 1];
        if (o->end - o->start == n && memcmp(text + o->start, text + l->start, n) == 0)
            return 1;
    }
    set->slots[i] = (uint32_t)index + 1;
    return 0;
}

int tx_noise_classify(const char *text, size_t len, tx_lines *lines)
{
    lines->count = 0;
    size_t max_lines = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        max_lines++;
    line_set set = {NULL, 1};
    while (set.mask + 1 < 2 * max_lines)
        set.mask = set.mask * 2 + 1;
    set.slots = calloc(set.mask + 1, sizeof(uint32_t));
    if (!set.slots)
        return -1;
    uint32_t number = 0;
    int first = 1, rc = 0;
    for (size_t pos = 0; pos < len && rc == 0;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        number++;
        size_t a = pos, b = end;
        while (a < b && S_space(text[a]))
            a++;
        while (b > a && S_space(text[b - 1]))
            b--;
        pos = end + 1;
        if (a == b)
            continue;
        tx_line line = {(uint32_t)a, (uint32_t)b, number, 0};
        rc = S_push(lines, &line);
    }
    /* classify once all lines are known: wrapped text needs the line after */
    for (size_t i = 0; i < lines->count && rc == 0; i++) {
        tx_line *l = &lines->items[i];
        const tx_line *next = i + 1 < lines->count ? &lines->items[i + 1] : NULL;
        l->kind = (uint8_t)S_classify(text + l->start, l->end - l->start, first,
                                      next ? text + next->start : NULL,
                                      next ? next->end - next->start : 0);
        first = 0;
        if (S_repeated(&set, text, lines, i) && l->kind == TX_NOISE_NONE)
            l->kind = TX_NOISE_REPEATED;
    }
    free(set.slots);
    return rc;
}

static int S_lower(char ch) { return ch >= 'a' && ch <= 'z'; }
static int S_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }

static int S_has_more(const char *s, size_t n)
{
    for (const char *p = s, *end = s + n; (p = memchr(p, 'M', (size_t)(end - p))); p++)
        if (end - p >= 4 && memcmp(p, "MORE", 4) == 0)
            return 1;
    return 0;
}

int tx_noise_link_junk(const char *s, size_t n)
{
    if (!S_has_more(s, n))
        return 0;   /* the common case, found fast with memchr */
    int glued = 0, more = 0;
    size_t lower_run = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        /* three lower-case letters, then a capital and a lower-case one, inside a word */
        if (S_upper(ch) && lower_run >= 3 && i + 1 < n && S_lower(s[i + 1]))
            glued = 1;
        lower_run = S_lower(ch) ? lower_run + 1 : 0;
        if (ch == 'M' && n - i >= 4 && memcmp(s + i, "MORE", 4) == 0 &&
            (i == 0 || s[i - 1] == ' ') &&
            (i + 4 == n || s[i + 4] == ' ' || s[i + 4] == ',' || s[i + 4] == '.'))
            more = 1;
    }
    return glued && more;
}
