/* actors.c: reads PETRARCH actor dictionaries and resolves a phrase's dated actor code. */
#include "actors.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buffer.h"
#include "dictfile.h"
#include "fold.h"
#include "trie.h"

#define NONE UINT32_MAX

/* One [CODE ...] group.  A restricted code holds on days from..to, both inclusive. */
typedef struct {
    const char *code;
    int32_t from, to;
    int restricted;
} actor_code;

/* One primary line with its synonyms: the codes are codes[first .. first + count). */
typedef struct {
    const char *phrase;
    uint32_t first, count;
    uint32_t tag;  /* the caller's, for entries added by tx_actors_add; else TX_ACTORS_NO_TAG */
} actor_entry;

/* A distinct phrase, or a further entry of a phrase that several entries define: the
 * phrase's code list is the concatenation of its entries' lists, in file order. */
typedef struct {
    uint32_t entry;
    uint32_t next;  /* index in `more`, or NONE */
} actor_link;

struct tx_actors {
    tx_lexicon *lex;
    tx_trie *trie;
    tx_arena arena;  /* code and phrase strings */
    actor_code *codes;
    size_t ncodes, capcodes;
    actor_entry *entries;
    size_t nentries, capentries;
    actor_link *phrases;  /* indexed by the trie values, the ids tx_actors_match returns */
    size_t nphrases, capphrases;
    actor_link *more;
    size_t nmore, capmore;
};

/* What a load keeps between lines: the entry being read and its pending phrases. */
typedef struct {
    tx_actors *actors;
    const char *name;
    tx_diag *diag;
    unsigned long line;
    int open;                   /* a primary line has started an entry */
    unsigned long entry_line;
    const char *entry_phrase;
    size_t code_first;          /* ncodes when the entry started */
    int dropped;                /* a code of the entry was malformed and left out */
    uint32_t *words;            /* pending phrases, each as its length then its word ids */
    size_t nwords, capwords;
    tx_buf fold;
    uint32_t tag;               /* given to the entries flushed */
} loader;

tx_actors *tx_actors_new(tx_lexicon *lex)
{
    tx_actors *a = calloc(1, sizeof(*a));
    if (!a)
        return NULL;
    a->lex = lex;
    a->trie = tx_trie_new();
    if (!a->trie) {
        free(a);
        return NULL;
    }
    return a;
}

void tx_actors_free(tx_actors *a)
{
    if (!a)
        return;
    tx_trie_free(a->trie);
    tx_arena_free(&a->arena);
    free(a->codes);
    free(a->entries);
    free(a->phrases);
    free(a->more);
    free(a);
}

static int S_blank(char c) { return c == ' ' || c == '\t'; }

static int S_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int32_t tx_actors_parse_date(const char *s, size_t n)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 6 && n != 8)
        return -1;
    int v[8];
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v[i] = s[i] - '0';
    }
    int year, k;
    if (n == 6) {
        year = v[0] * 10 + v[1];
        year += year <= 30 ? 2000 : 1900;
        k = 2;
    } else {
        year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        k = 4;
    }
    int month = v[k] * 10 + v[k + 1], day = v[k + 2] * 10 + v[k + 3];
    if (month < 1 || month > 12 || day < 1)
        return -1;
    if (day > days[month - 1] + (month == 2 && S_leap(year)))
        return -1;
    return (int32_t)(year * 10000 + month * 100 + day);
}

/* ---- phrases ---- */

size_t tx_actors_intern_word(tx_lexicon *lex, const char *w, size_t n, tx_buf *scratch,
                             uint32_t ids[2])
{
    tx_buf_clear(scratch);
    if (tx_fold(w, n, scratch) < 0)
        return 0;
    const char *f = scratch->data;
    size_t len = scratch->len, stem = len;
    if (len > 2 && memcmp(f + len - 2, "'S", 2) == 0)
        stem = len - 2;  /* PEOPLE'S: PEOPLE 'S */
    else if (len > 2 && memcmp(f + len - 2, "S'", 2) == 0)
        stem = len - 1;  /* JOURNALISTS': JOURNALISTS ' */
    size_t count = 0;
    if (stem > 0 && !(ids[count++] = tx_lexicon_intern(lex, f, stem)))
        return 0;
    if (stem < len && !(ids[count++] = tx_lexicon_intern(lex, f + stem, len - stem)))
        return 0;
    return count;
}

/* Appends one dictionary word (one or two ids) to the pending phrase. */
static tx_status S_add_word(loader *l, const char *w, size_t n)
{
    uint32_t ids[2];
    size_t count = tx_actors_intern_word(l->actors->lex, w, n, &l->fold, ids);
    if (count == 0)
        return TX_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        if (tx_reserve((void **)&l->words, &l->capwords, l->nwords, sizeof(*l->words)) < 0)
            return TX_ERR_NOMEM;
        l->words[l->nwords++] = ids[i];
    }
    return TX_OK;
}

/* Queues the phrase text[0..n) for the current entry: words separated by blanks or '_' (a
 * trailing '_' is TABARI's whole-word marker and just ends the word).  *count gets the
 * number of words; 0 means there was none. */
static tx_status S_queue_phrase(loader *l, const char *text, size_t n, size_t *count)
{
    size_t head = l->nwords;
    if (tx_reserve((void **)&l->words, &l->capwords, l->nwords, sizeof(*l->words)) < 0)
        return TX_ERR_NOMEM;
    l->words[l->nwords++] = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (S_blank(text[i]) || text[i] == '_'))
            i++;
        size_t start = i;
        while (i < n && !S_blank(text[i]) && text[i] != '_')
            i++;
        if (i > start) {
            tx_status st = S_add_word(l, text + start, i - start);
            if (st != TX_OK)
                return st;
        }
    }
    *count = l->nwords - head - 1;
    if (*count == 0)
        l->nwords = head;
    else
        l->words[head] = (uint32_t)*count;
    return TX_OK;
}

/* Gives the phrase words[0..n) the codes of `entry`, after those it already has. */
static tx_status S_store_phrase(tx_actors *a, const uint32_t *words, size_t n, uint32_t entry)
{
    uint32_t node = tx_trie_insert(a->trie, words, n);
    if (node == TX_TRIE_NONE)
        return TX_ERR_NOMEM;
    uint32_t value = tx_trie_value(a->trie, node);
    if (value == TX_TRIE_NOVALUE) {
        if (a->nphrases >= NONE ||
            tx_reserve((void **)&a->phrases, &a->capphrases, a->nphrases, sizeof(*a->phrases)) < 0)
            return TX_ERR_NOMEM;
        a->phrases[a->nphrases] = (actor_link){entry, NONE};
        tx_trie_set_value(a->trie, node, (uint32_t)a->nphrases++);
        return TX_OK;
    }
    if (a->phrases[value].entry == entry)
        return TX_OK;  /* the same phrase twice in one entry */
    uint32_t last = NONE;
    for (uint32_t i = a->phrases[value].next; i != NONE; i = a->more[i].next) {
        if (a->more[i].entry == entry)
            return TX_OK;
        last = i;
    }
    if (a->nmore >= NONE ||
        tx_reserve((void **)&a->more, &a->capmore, a->nmore, sizeof(*a->more)) < 0)
        return TX_ERR_NOMEM;
    a->more[a->nmore] = (actor_link){entry, NONE};
    if (last == NONE)
        a->phrases[value].next = (uint32_t)a->nmore;
    else
        a->more[last].next = (uint32_t)a->nmore;
    a->nmore++;
    return TX_OK;
}

/* Ends the current entry: stores its phrases if it has a code. */
static tx_status S_flush(loader *l)
{
    tx_actors *a = l->actors;
    if (!l->open)
        return TX_OK;
    l->open = 0;
    size_t count = a->ncodes - l->code_first;
    tx_status st = TX_OK;
    if (count == 0) {
        if (!l->dropped)
            tx_diag_report(l->diag, l->name, l->entry_line,
                           "expected a code for '%s' (a [CODE] on the line or on a code line "
                           "below it; a synonym starts with '+')", l->entry_phrase);
    } else if (tx_reserve((void **)&a->entries, &a->capentries, a->nentries,
                         sizeof(*a->entries)) < 0) {
        st = TX_ERR_NOMEM;
    } else {
        uint32_t entry = (uint32_t)a->nentries++;
        a->entries[entry] = (actor_entry){l->entry_phrase, (uint32_t)l->code_first,
                                          (uint32_t)count, l->tag};
        for (size_t i = 0; i < l->nwords && st == TX_OK; i += 1 + l->words[i])
            st = S_store_phrase(a, l->words + i + 1, l->words[i], entry);
    }
    l->nwords = 0;
    return st;
}

/* ---- codes ---- */

/* The length of the run at s[0..n) that ends at a blank or at `stop`. */
static size_t S_run(const char *s, size_t n, char stop)
{
    size_t i = 0;
    while (i < n && !S_blank(s[i]) && s[i] != stop)
        i++;
    return i;
}

static size_t S_skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && S_blank(s[i]))
        i++;
    return i;
}

/* Parses one date of a restriction; reports it when malformed. */
static int S_date(loader *l, const char *s, size_t n, int32_t *date)
{
    *date = tx_actors_parse_date(s, n);
    if (*date >= 0)
        return 0;
    tx_diag_report(l->diag, l->name, l->line,
                   "expected a date YYMMDD or YYYYMMDD (a real calendar day), found '%.*s'",
                   (int)n, s);
    return -1;
}

/* Parses the restriction r[0..n) after a code: "<D", ">D" or "D1-D2", blanks allowed around
 * the operators.  Returns 0, or -1 after reporting. */
static int S_restriction(loader *l, const char *code, const char *r, size_t n, actor_code *c)
{
    size_t i = 0;
    if (r[0] == '<' || r[0] == '>') {
        i = S_skip_blanks(r, n, 1);
        size_t len = S_run(r + i, n - i, '\0');
        int32_t d;
        if (S_skip_blanks(r, n, i + len) != n) {
            tx_diag_report(l->diag, l->name, l->line,
                           "expected one date after '%c' in the restriction of '%s', found '%.*s'",
                           r[0], code, (int)n, r);
            return -1;
        }
        if (S_date(l, r + i, len, &d) < 0)
            return -1;
        c->from = r[0] == '<' ? INT32_MIN : d;
        c->to = r[0] == '<' ? d : INT32_MAX;
        return 0;
    }
    size_t len1 = S_run(r, n, '-');
    size_t dash = S_skip_blanks(r, n, len1);
    size_t start2 = S_skip_blanks(r, n, dash + 1);
    size_t len2 = dash < n && r[dash] == '-' ? S_run(r + start2, n - start2, '-') : 0;
    if (dash >= n || r[dash] != '-' || len2 == 0 || S_skip_blanks(r, n, start2 + len2) != n) {
        tx_diag_report(l->diag, l->name, l->line,
                       "expected '<DATE', '>DATE' or 'DATE1-DATE2' after code '%s', found '%.*s'",
                       code, (int)n, r);
        return -1;
    }
    if (S_date(l, r, len1, &c->from) < 0 || S_date(l, r + start2, len2, &c->to) < 0)
        return -1;
    if (c->from > c->to) {
        tx_diag_report(l->diag, l->name, l->line,
                       "expected the range of '%s' to start before it ends, found '%.*s'", code,
                       (int)n, r);
        return -1;
    }
    return 0;
}

/* Parses the inside of one [...] group and appends its code to the current entry. */
static tx_status S_group(loader *l, const char *g, size_t n)
{
    tx_actors *a = l->actors;
    size_t i = S_skip_blanks(g, n, 0);
    size_t len = 0;  /* the code ends at a blank, or at '<' or '>' written without one */
    while (i + len < n && !S_blank(g[i + len]) && g[i + len] != '<' && g[i + len] != '>')
        len++;
    if (len == 0) {
        tx_diag_report(l->diag, l->name, l->line, "expected a code after '['");
        l->dropped = 1;
        return TX_OK;
    }
    actor_code c = {NULL, 0, 0, 0};
    c.code = tx_arena_strndup(&a->arena, g + i, len);
    if (!c.code)
        return TX_ERR_NOMEM;
    size_t r = S_skip_blanks(g, n, i + len), end = n;
    while (end > r && S_blank(g[end - 1]))
        end--;
    if (r < end) {
        if (S_restriction(l, c.code, g + r, end - r, &c) < 0) {
            l->dropped = 1;
            return TX_OK;
        }
        c.restricted = 1;
    }
    if (tx_reserve((void **)&a->codes, &a->capcodes, a->ncodes, sizeof(*a->codes)) < 0)
        return TX_ERR_NOMEM;
    a->codes[a->ncodes++] = c;
    return TX_OK;
}

/* Parses the code groups "[..] [..]" of s[0..n), which starts at a '['. */
static tx_status S_groups(loader *l, const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        i = S_skip_blanks(s, n, i);
        if (i >= n)
            return TX_OK;
        if (s[i] != '[') {
            tx_diag_report(l->diag, l->name, l->line,
                           "expected only [CODE] groups after the phrase, found '%.*s'",
                           (int)(n - i), s + i);
            return TX_OK;
        }
        const char *close = memchr(s + i, ']', n - i);
        if (!close) {
            tx_diag_report(l->diag, l->name, l->line, "expected ']' to close '%.*s'",
                           (int)(n - i), s + i);
            l->dropped = 1;
            return TX_OK;
        }
        size_t end = (size_t)(close - s);
        tx_status st = S_group(l, s + i + 1, end - i - 1);
        if (st != TX_OK)
            return st;
        i = end + 1;
    }
}

/* ---- lines ---- */

static tx_status S_primary(loader *l, const char *s, size_t n)
{
    tx_status st = S_flush(l);
    if (st != TX_OK)
        return st;
    const char *bracket = memchr(s, '[', n);
    size_t plen = bracket ? (size_t)(bracket - s) : n;
    while (plen > 0 && S_blank(s[plen - 1]))
        plen--;
    l->open = 1;
    l->entry_line = l->line;
    l->code_first = l->actors->ncodes;
    l->dropped = 0;
    l->entry_phrase = tx_arena_strndup(&l->actors->arena, s, plen);
    if (!l->entry_phrase)
        return TX_ERR_NOMEM;
    size_t count;
    st = S_queue_phrase(l, s, plen, &count);
    if (st != TX_OK)
        return st;
    if (count == 0) {
        tx_diag_report(l->diag, l->name, l->line, "expected a phrase before '['");
        l->dropped = 1;  /* the entry's synonyms may still carry its codes */
    }
    return bracket ? S_groups(l, bracket, n - (size_t)(bracket - s)) : TX_OK;
}

static tx_status S_synonym(loader *l, const char *s, size_t n)
{
    if (!l->open) {
        tx_diag_report(l->diag, l->name, l->line, "expected a primary line before this synonym");
        return TX_OK;
    }
    if (memchr(s, '[', n)) {
        tx_diag_report(l->diag, l->name, l->line,
                       "expected a phrase without codes after '+' (codes go on the primary "
                       "line or on a code line)");
        return TX_OK;
    }
    size_t count;
    tx_status st = S_queue_phrase(l, s + 1, n - 1, &count);
    if (st == TX_OK && count == 0)
        tx_diag_report(l->diag, l->name, l->line, "expected a phrase after '+'");
    return st;
}

static tx_status S_line(loader *l, const char *s, size_t n)
{
    if (n >= 2 && s[0] == '<' && s[1] == '!')
        return TX_OK;  /* §1: a line starting with <! is a comment, e.g. "<! -- ... -->" */
    if (s[0] == '[') {
        if (!l->open) {
            tx_diag_report(l->diag, l->name, l->line,
                           "expected a primary line before this code line");
            return TX_OK;
        }
        return S_groups(l, s, n);
    }
    if (s[0] == '+')
        return S_synonym(l, s, n);
    return S_primary(l, s, n);
}

static tx_status S_each_line(void *ctx, const char *s, size_t n, unsigned long number)
{
    loader *l = ctx;
    l->line = number;
    return S_line(l, s, n);
}

tx_status tx_actors_load_buffer(tx_actors *actors, const char *name, const char *data,
                                size_t len, tx_diag *diag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.actors = actors;
    l.name = name;
    l.diag = diag;
    l.tag = TX_ACTORS_NO_TAG;
    tx_status st = tx_dictfile_each(data, len, S_each_line, &l);
    if (st == TX_OK)
        st = S_flush(&l);  /* the last entry ends at the end of the file */
    free(l.words);
    tx_buf_free(&l.fold);
    return st;
}

static tx_status S_load_buffer(void *target, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    return tx_actors_load_buffer(target, name, data, len, diag);
}

tx_status tx_actors_load(tx_actors *actors, const char *path, tx_diag *diag)
{
    return tx_file_load(path, S_load_buffer, actors, diag);
}

/* ---- lookup ---- */

size_t tx_actors_match(const tx_actors *actors, const tx_tokens *tokens, size_t first,
                       uint32_t *entry)
{
    uint32_t value;
    size_t len = tx_trie_longest_tokens(actors->trie, tokens, first, &value);
    if (len && entry)
        *entry = value;
    return len;
}

const char *tx_actors_code(const tx_actors *actors, uint32_t entry, int32_t date)
{
    if (entry >= actors->nphrases)
        return NULL;
    const char *fallback = NULL;
    const actor_link *link = &actors->phrases[entry];
    for (;;) {
        const actor_entry *e = &actors->entries[link->entry];
        for (uint32_t i = 0; i < e->count; i++) {
            const actor_code *c = &actors->codes[e->first + i];
            if (!c->restricted) {
                if (!fallback)
                    fallback = c->code;
            } else if (date > 0 && c->from <= date && date <= c->to) {
                return c->code;
            }
        }
        if (link->next == NONE)
            return fallback;
        link = &actors->more[link->next];
    }
}

const char *tx_actors_phrase(const tx_actors *actors, uint32_t entry)
{
    if (entry >= actors->nphrases)
        return NULL;
    return actors->entries[actors->phrases[entry].entry].phrase;
}

size_t tx_actors_count(const tx_actors *actors) { return actors->nphrases; }

tx_status tx_actors_add(tx_actors *a, const char *const *phrases, size_t n_phrases,
                        const char *code, int32_t from, int32_t to, uint32_t tag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.actors = a;
    l.name = "(added)";
    l.tag = tag;
    tx_status st = TX_OK;
    for (size_t i = 0; i < n_phrases && st == TX_OK; i++) {
        size_t count;
        st = S_queue_phrase(&l, phrases[i], strlen(phrases[i]), &count);
    }
    const char *copy = st == TX_OK ? tx_arena_strndup(&a->arena, code, strlen(code)) : NULL;
    const char *phrase = copy && n_phrases
                             ? tx_arena_strndup(&a->arena, phrases[0], strlen(phrases[0])) : NULL;
    if (st == TX_OK && (!copy || !phrase ||
                        tx_reserve((void **)&a->codes, &a->capcodes, a->ncodes, sizeof(*a->codes)) < 0))
        st = TX_ERR_NOMEM;
    if (st == TX_OK && l.nwords > 0) {
        l.open = 1;
        l.entry_phrase = phrase;
        l.code_first = a->ncodes;
        int restricted = from != 0 || to != 0;
        a->codes[a->ncodes++] = (actor_code){copy, from ? from : INT32_MIN, to ? to : INT32_MAX,
                                             restricted};
        st = S_flush(&l);
    }
    free(l.words);
    tx_buf_free(&l.fold);
    return st;
}

uint32_t tx_actors_tag(const tx_actors *a, uint32_t phrase)
{
    if (phrase >= a->nphrases)
        return TX_ACTORS_NO_TAG;
    return a->entries[a->phrases[phrase].entry].tag;
}

tx_lexicon *tx_actors_lexicon(const tx_actors *a) { return a->lex; }
