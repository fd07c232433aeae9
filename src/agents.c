/* agents.c: reads PETRARCH agent dictionaries: role nouns, their plurals and code parts. */
#include "agents.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "buffer.h"
#include "dictfile.h"
#include "trie.h"

/* Recursion limit for !SET! markers inside one phrase; real files use one. */
enum { MAX_MARKERS = 4 };

/* The code of one dictionary line.  Each line has two records, one for the phrases as written
 * (and their !SET! expansions) and one for the generated plurals: a phrase written in the
 * file overrides a generated plural of another line, but not the other way round. */
typedef struct {
    tx_agent agent;
    unsigned long line;
    int generated;
} agent_rec;

/* A substitution set "!NAME! = a, b": `name` includes both '!'. */
typedef struct {
    const char *name;
    size_t name_len;
    const char **items;
    size_t count;
    unsigned long line;
} agent_set;

struct tx_agents {
    tx_lexicon *lex;
    tx_trie *trie;
    tx_arena arena;
    agent_rec *recs;
    size_t nrecs, caprecs;
    agent_set *sets;
    size_t nsets, capsets;
    size_t nphrases;
};

typedef struct {
    tx_agents *agents;
    const char *name;
    tx_diag *diag;
    unsigned long line;
    int reported;  /* this line's problem has been reported (one report per line) */
    uint32_t *words;
    size_t nwords, capwords;
    tx_buf fold;
} loader;

static int S_blank(char c) { return c == ' ' || c == '\t'; }

static void S_trim(const char **s, size_t *n)
{
    while (*n > 0 && S_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && S_blank((*s)[*n - 1]))
        (*n)--;
}

tx_agents *tx_agents_new(tx_lexicon *lex)
{
    tx_agents *a = calloc(1, sizeof(*a));
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

void tx_agents_free(tx_agents *a)
{
    if (!a)
        return;
    tx_trie_free(a->trie);
    tx_arena_free(&a->arena);
    free(a->recs);
    free(a->sets);
    free(a);
}

/* Reports the line's first problem; later ones on the same line would only repeat it. */
static void S_problem(loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void S_problem(loader *l, const char *fmt, ...)
{
    if (l->reported)
        return;
    l->reported = 1;
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    tx_diag_report(l->diag, l->name, l->line, "%s", message);
}

/* ---- phrases ---- */

/* Appends one dictionary word (one or two ids, see tx_actors_intern_word) to l->words. */
static tx_status S_add_word(loader *l, const char *w, size_t n)
{
    uint32_t ids[2];
    size_t count = tx_actors_intern_word(l->agents->lex, w, n, &l->fold, ids);
    if (count == 0)
        return TX_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        if (tx_reserve((void **)&l->words, &l->capwords, l->nwords, sizeof(*l->words)) < 0)
            return TX_ERR_NOMEM;
        l->words[l->nwords++] = ids[i];
    }
    return TX_OK;
}

/* Stores the phrase text[0..n) (words separated by blanks or '_') with record `rec`. */
static tx_status S_store(loader *l, const char *text, size_t n, uint32_t rec)
{
    tx_agents *a = l->agents;
    l->nwords = 0;
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
    if (l->nwords == 0)
        return TX_OK;
    uint32_t node = tx_trie_insert(a->trie, l->words, l->nwords);
    if (node == TX_TRIE_NONE)
        return TX_ERR_NOMEM;
    uint32_t old = tx_trie_value(a->trie, node);
    if (old == TX_TRIE_NOVALUE) {
        tx_trie_set_value(a->trie, node, rec);
        a->nphrases++;
        return TX_OK;
    }
    const agent_rec *was = &a->recs[old], *now = &a->recs[rec];
    if (was->agent.prefix == now->agent.prefix && strcmp(was->agent.code, now->agent.code) == 0)
        return TX_OK;
    if (was->generated && !now->generated) {
        tx_trie_set_value(a->trie, node, rec);
    } else if (!was->generated && !now->generated && !l->reported) {
        l->reported = 1;
        tx_diag_report(l->diag, l->name, l->line,
                       "expected each phrase once: '%.*s' already has code %s%s%s from line %lu, "
                       "which is kept", (int)n, text, was->agent.prefix ? "" : "~",
                       was->agent.code, was->agent.prefix ? "~" : "", was->line);
    }
    return TX_OK;
}

static const agent_set *S_find_set(const tx_agents *a, const char *name, size_t n)
{
    for (size_t i = 0; i < a->nsets; i++)
        if (a->sets[i].name_len == n && memcmp(a->sets[i].name, name, n) == 0)
            return &a->sets[i];
    return NULL;
}

/* Stores text[0..n), first replacing each !SET! marker by each item of its set. */
static tx_status S_expand(loader *l, const char *text, size_t n, uint32_t rec, int depth)
{
    const char *open = memchr(text, '!', n);
    if (!open)
        return S_store(l, text, n, rec);
    size_t at = (size_t)(open - text);
    const char *close = memchr(open + 1, '!', n - at - 1);
    if (!close || depth >= MAX_MARKERS) {
        S_problem(l, "expected a !SET! marker with a closing '!' in '%.*s'", (int)n, text);
        return TX_OK;
    }
    size_t mlen = (size_t)(close - open) + 1;
    const agent_set *set = S_find_set(l->agents, open, mlen);
    if (!set) {
        S_problem(l, "expected a set defined by '%.*s = ...' before its use", (int)mlen, open);
        return TX_OK;
    }
    tx_buf b = TX_BUF_INIT;
    tx_status st = TX_OK;
    for (size_t i = 0; i < set->count && st == TX_OK; i++) {
        tx_buf_clear(&b);
        tx_buf_append(&b, text, at);
        tx_buf_puts(&b, set->items[i]);
        tx_buf_append(&b, close + 1, n - at - mlen);
        st = b.failed ? TX_ERR_NOMEM : S_expand(l, b.data, b.len, rec, depth + 1);
    }
    tx_buf_free(&b);
    return st;
}

/* ---- lines ---- */

/* "!NAME! = a, b, c" */
static tx_status S_set_line(loader *l, const char *s, size_t n)
{
    tx_agents *a = l->agents;
    const char *eq = memchr(s, '=', n);
    const char *name = s;
    size_t nlen = (size_t)(eq - s);
    S_trim(&name, &nlen);
    if (nlen < 3 || name[0] != '!' || name[nlen - 1] != '!' || memchr(name + 1, '!', nlen - 2)) {
        S_problem(l, "expected '!NAME! = item, item, ...', found '%.*s' before '='", (int)nlen,
                  name);
        return TX_OK;
    }
    const agent_set *old = S_find_set(a, name, nlen);
    if (old) {
        S_problem(l, "expected each set to be defined once: %.*s is already defined at line %lu",
                  (int)nlen, name, old->line);
        return TX_OK;
    }
    size_t count = 1;
    for (const char *p = eq + 1; p < s + n; p++)
        count += *p == ',';
    agent_set set = {tx_arena_strndup(&a->arena, name, nlen), nlen,
                     tx_arena_alloc(&a->arena, count * sizeof(char *)), 0, l->line};
    if (!set.name || !set.items)
        return TX_ERR_NOMEM;
    const char *p = eq + 1, *end = s + n;
    for (;;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        const char *item = p;
        size_t ilen = (size_t)(stop - p);
        S_trim(&item, &ilen);
        if (ilen == 0) {
            S_problem(l, "expected a non-empty item in set %.*s", (int)nlen, name);
        } else if (!(set.items[set.count++] = tx_arena_strndup(&a->arena, item, ilen))) {
            return TX_ERR_NOMEM;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    if (tx_reserve((void **)&a->sets, &a->capsets, a->nsets, sizeof(*a->sets)) < 0)
        return TX_ERR_NOMEM;
    a->sets[a->nsets++] = set;
    return TX_OK;
}

/* Parses the code "~XXX" or "XXX~" between the brackets into two records for this line. */
static tx_status S_code(loader *l, const char *c, size_t n, uint32_t *rec)
{
    tx_agents *a = l->agents;
    S_trim(&c, &n);
    int suffix = n > 1 && c[0] == '~', prefix = n > 1 && c[n - 1] == '~';
    const char *code = c + suffix;
    size_t len = n - 1;
    int bad = suffix == prefix;
    for (size_t i = 0; i < len && !bad; i++)
        bad = code[i] == '~' || S_blank(code[i]);
    if (bad) {
        S_problem(l, "expected a code '~XXX' (after the actor) or 'XXX~' (before it), found '%.*s'",
                  (int)n, c);
        return TX_ERR_SYNTAX;
    }
    const char *copy = tx_arena_strndup(&a->arena, code, len);
    if (!copy || a->nrecs + 2 > UINT32_MAX ||
        tx_reserve((void **)&a->recs, &a->caprecs, a->nrecs + 1, sizeof(*a->recs)) < 0)
        return TX_ERR_NOMEM;
    *rec = (uint32_t)a->nrecs;
    a->recs[a->nrecs++] = (agent_rec){{copy, prefix}, l->line, 0};
    a->recs[a->nrecs++] = (agent_rec){{copy, prefix}, l->line, 1};
    return TX_OK;
}

/* The automatic plural changes only the last character: Y → IES, S → SES, else + S. */
static int S_auto_plural(const char *s, size_t n, tx_buf *out)
{
    char last = s[n - 1];
    if (last == 'Y' || last == 'y') {
        tx_buf_append(out, s, n - 1);
        tx_buf_puts(out, "IES");
    } else {
        tx_buf_append(out, s, n);
        tx_buf_puts(out, last == 'S' || last == 's' ? "ES" : "S");
    }
    return out->failed ? -1 : 0;
}

/* Splits the phrase part into singular and plural; `plural` stays empty when there is none. */
static int S_forms(loader *l, const char *p, size_t n, const char **single, size_t *slen,
                   tx_buf *plural)
{
    const char *brace = memchr(p, '{', n);
    *single = p;
    *slen = brace ? (size_t)(brace - p) : n;
    S_trim(single, slen);
    if (*slen == 0) {
        S_problem(l, "expected a phrase before '%c'", brace ? '{' : '[');
        return 1;
    }
    if (brace) {
        size_t rest = n - (size_t)(brace - p);
        const char *close = memchr(brace, '}', rest);
        if (!close) {
            S_problem(l, "expected '}' to close '%.*s'", (int)rest, brace);
            return 1;
        }
        const char *after = close + 1;
        size_t alen = (size_t)(p + n - after);
        S_trim(&after, &alen);
        if (alen > 0) {
            S_problem(l, "expected '[' after '}', found '%.*s'", (int)alen, after);
            return 1;
        }
        const char *inside = brace + 1;
        size_t ilen = (size_t)(close - inside);
        S_trim(&inside, &ilen);
        return tx_buf_append(plural, inside, ilen) < 0 ? -1 : 0;
    }
    /* A set marker gets no plural; a trailing '_' is TABARI's "whole word, no stemming". */
    if (memchr(p, '!', n) || (*single)[*slen - 1] == '_')
        return 0;
    return S_auto_plural(*single, *slen, plural);
}

static tx_status S_agent_line(loader *l, const char *s, size_t n)
{
    const char *open = memchr(s, '[', n);
    if (!open) {
        S_problem(l, "expected 'PHRASE [~CODE]' or 'PHRASE [CODE~]', found '%.*s'", (int)n, s);
        return TX_OK;
    }
    size_t at = (size_t)(open - s);
    const char *close = memchr(open, ']', n - at);
    if (!close) {
        S_problem(l, "expected ']' to close '%.*s'", (int)(n - at), open);
        return TX_OK;
    }
    uint32_t rec;
    tx_status st = S_code(l, open + 1, (size_t)(close - open) - 1, &rec);
    if (st != TX_OK)
        return st == TX_ERR_SYNTAX ? TX_OK : st;
    const char *after = close + 1;
    size_t alen = (size_t)(s + n - after);
    S_trim(&after, &alen);
    if (alen > 0)
        S_problem(l, "expected nothing after the code, found '%.*s'", (int)alen, after);
    const char *single;
    size_t slen;
    tx_buf plural = TX_BUF_INIT;
    int r = S_forms(l, s, at, &single, &slen, &plural);
    if (r < 0)
        st = TX_ERR_NOMEM;
    else if (r == 0)
        st = S_expand(l, single, slen, rec, 0);
    if (st == TX_OK && r == 0 && plural.len > 0)
        st = S_expand(l, plural.data, plural.len, rec + 1, 0);
    tx_buf_free(&plural);
    return st;
}

static tx_status S_line(loader *l, const char *s, size_t n)
{
    l->reported = 0;
    if (n >= 2 && s[0] == '<' && s[1] == '!')
        return TX_OK;  /* §1: a line starting with <! is a comment */
    if (memchr(s, '!', n) && memchr(s, '=', n))
        return S_set_line(l, s, n);
    return S_agent_line(l, s, n);
}

static tx_status S_each_line(void *ctx, const char *s, size_t n, unsigned long number)
{
    loader *l = ctx;
    l->line = number;
    return S_line(l, s, n);
}

tx_status tx_agents_load_buffer(tx_agents *agents, const char *name, const char *data,
                                size_t len, tx_diag *diag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.agents = agents;
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
    return tx_agents_load_buffer(target, name, data, len, diag);
}

tx_status tx_agents_load(tx_agents *agents, const char *path, tx_diag *diag)
{
    return tx_file_load(path, S_load_buffer, agents, diag);
}

size_t tx_agents_match(const tx_agents *agents, const tx_tokens *tokens, size_t first,
                       tx_agent *agent)
{
    uint32_t value;
    size_t len = tx_trie_longest_tokens(agents->trie, tokens, first, &value);
    if (len && agent)
        *agent = agents->recs[value].agent;
    return len;
}

size_t tx_agents_count(const tx_agents *agents) { return agents->nphrases; }

tx_status tx_agents_add(tx_agents *agents, const char *code, const char *const *phrases,
                        size_t n_phrases, const char *name, unsigned long line, tx_diag *diag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.agents = agents;
    l.name = name;
    l.diag = diag;
    l.line = line;
    uint32_t rec;
    tx_status st = S_code(&l, code, strlen(code), &rec);
    for (size_t i = 0; i < n_phrases && st == TX_OK; i++)
        st = S_store(&l, phrases[i], strlen(phrases[i]), rec);
    free(l.words);
    tx_buf_free(&l.fold);
    return st == TX_ERR_SYNTAX ? TX_OK : st;
}
