/* issues.c: reads the issue list and counts its topic phrases in a sentence's tokens. */
#include "issues.h"

#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "buffer.h"
#include "dictfile.h"
#include "lexicon.h"
#include "trie.h"

#define NONE UINT32_MAX
#define IGNORE 0u  /* the code id of an ignore phrase (~ or ~~) */

/* n: and v: and + multiply a line into forms; a line beyond this many is reported. */
enum { MAX_FORMS = 4096 };

/* A code a phrase counts for; several lines may give one phrase several codes. */
typedef struct {
    uint32_t code;  /* id in `codes`, or IGNORE */
    uint32_t next;  /* next link of the same phrase, or NONE */
} issue_link;

/* Words and codes live in private lexicons: matching compares the tokens' folded keys, and
 * a code's lexicon id makes codes small integers. */
struct tx_issues {
    tx_lexicon *words;
    tx_lexicon *codes;
    tx_trie *trie;
    issue_link *links;
    size_t nlinks, caplinks;
};

/* One piece of a phrase: literal text, a noun (n:) or verb (v:) to inflect, or a '+'. */
typedef enum { PIECE_TEXT, PIECE_NOUN, PIECE_VERB, PIECE_JOIN } piece_kind;

typedef struct {
    piece_kind kind;
    const char *text;
    size_t len;
} piece;

typedef struct {
    tx_issues *issues;
    const char *name;
    tx_diag *diag;
    unsigned long line;
    uint32_t code;
    piece *pieces;
    size_t npieces, cappieces;
    size_t forms;        /* forms generated for the current line */
    tx_buf form;         /* the form being generated */
    tx_buf fold;
    uint32_t *ids;
    size_t nids, capids;
} loader;

static int S_blank(char c) { return c == ' ' || c == '\t'; }

static char S_upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }

tx_issues *tx_issues_new(void)
{
    tx_issues *is = calloc(1, sizeof(*is));
    if (!is)
        return NULL;
    is->words = tx_lexicon_new();
    is->codes = tx_lexicon_new();
    is->trie = tx_trie_new();
    if (!is->words || !is->codes || !is->trie) {
        tx_issues_free(is);
        return NULL;
    }
    return is;
}

void tx_issues_free(tx_issues *is)
{
    if (!is)
        return;
    tx_lexicon_free(is->words);
    tx_lexicon_free(is->codes);
    tx_trie_free(is->trie);
    free(is->links);
    free(is);
}

/* ---- storing one form ---- */

/* Appends one dictionary word (one or two ids, see tx_actors_intern_word) to l->ids. */
static tx_status S_add_word(loader *l, const char *w, size_t n)
{
    uint32_t ids[2];
    size_t count = tx_actors_intern_word(l->issues->words, w, n, &l->fold, ids);
    if (count == 0)
        return TX_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        if (tx_reserve((void **)&l->ids, &l->capids, l->nids, sizeof(*l->ids)) < 0)
            return TX_ERR_NOMEM;
        l->ids[l->nids++] = ids[i];
    }
    return TX_OK;
}

/* Stores the generated form (words separated by blanks or '_') with the line's code. */
static tx_status S_store(loader *l, const char *s, size_t n)
{
    tx_issues *is = l->issues;
    l->nids = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (S_blank(s[i]) || s[i] == '_'))
            i++;
        size_t start = i;
        while (i < n && !S_blank(s[i]) && s[i] != '_')
            i++;
        tx_status st = i > start ? S_add_word(l, s + start, i - start) : TX_OK;
        if (st != TX_OK)
            return st;
    }
    if (l->nids == 0)
        return TX_OK;
    uint32_t node = tx_trie_insert(is->trie, l->ids, l->nids);
    if (node == TX_TRIE_NONE)
        return TX_ERR_NOMEM;
    uint32_t head = tx_trie_value(is->trie, node), last = NONE;
    for (uint32_t i = head; i != NONE && i != TX_TRIE_NOVALUE; i = is->links[i].next) {
        if (is->links[i].code == l->code)
            return TX_OK;
        last = i;
    }
    if (is->nlinks >= NONE - 1 ||
        tx_reserve((void **)&is->links, &is->caplinks, is->nlinks, sizeof(*is->links)) < 0)
        return TX_ERR_NOMEM;
    uint32_t link = (uint32_t)is->nlinks++;
    is->links[link] = (issue_link){l->code, NONE};
    if (last == NONE)
        tx_trie_set_value(is->trie, node, link);
    else
        is->links[last].next = link;
    return TX_OK;
}

/* ---- generating forms ---- */

/* The inflections of a noun (singular, plural) or verb (base, +S, +ED, +ING). */
static size_t S_inflect(const piece *p, size_t which, tx_buf *out)
{
    char last = p->len ? S_upper(p->text[p->len - 1]) : '\0';
    if (p->kind == PIECE_NOUN) {
        if (which == 1 && last == 'Y') {
            tx_buf_append(out, p->text, p->len - 1);
            tx_buf_puts(out, "IES");
        } else {
            tx_buf_append(out, p->text, p->len);
            if (which == 1)
                tx_buf_putc(out, 'S');
        }
        return 2;
    }
    static const char *const plain[] = {"", "S", "ED", "ING"};
    static const char *const e_final[] = {"", "S", "D", "ING"};  /* "purge": PURGED, PURGING */
    int e = last == 'E';
    tx_buf_append(out, p->text, p->len - (which == 3 && e));
    tx_buf_puts(out, (e ? e_final : plain)[which]);
    return 4;
}

/* Generates every form of pieces[k..] after the text already in l->form. */
static tx_status S_generate(loader *l, size_t k)
{
    if (k == l->npieces) {
        if (++l->forms > MAX_FORMS)
            return TX_OK;
        return l->form.failed ? TX_ERR_NOMEM : S_store(l, l->form.data, l->form.len);
    }
    const piece *p = &l->pieces[k];
    size_t mark = l->form.len;
    size_t variants = p->kind == PIECE_TEXT ? 1 : p->kind == PIECE_VERB ? 4 : 2;
    for (size_t v = 0; v < variants && l->forms <= MAX_FORMS; v++) {
        l->form.len = mark;
        if (p->kind == PIECE_TEXT)
            tx_buf_append(&l->form, p->text, p->len);
        else if (p->kind == PIECE_JOIN)
            tx_buf_putc(&l->form, v ? '-' : ' ');  /* "pre+k": "PRE K" and "PRE-K" */
        else
            S_inflect(p, v, &l->form);
        tx_status st = S_generate(l, k + 1);
        if (st != TX_OK)
            return st;
    }
    l->form.len = mark;
    return TX_OK;
}

static tx_status S_piece(loader *l, piece_kind kind, const char *text, size_t len)
{
    if (tx_reserve((void **)&l->pieces, &l->cappieces, l->npieces, sizeof(*l->pieces)) < 0)
        return TX_ERR_NOMEM;
    l->pieces[l->npieces++] = (piece){kind, text, len};
    return TX_OK;
}

/* 'N' or 'V' when an "n:" or "v:" inflection starts at s[i]: at the start of a word or after
 * a '+'; else 0. */
static char S_inflection_at(const char *s, size_t n, size_t i)
{
    int starts = i == 0 || S_blank(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '+';
    char c = S_upper(s[i]);
    return starts && i + 1 < n && (c == 'N' || c == 'V') && s[i + 1] == ':' ? c : 0;
}

/* Splits the phrase into pieces: inflected words, '+' joiners and the literal text between. */
static tx_status S_phrase(loader *l, const char *s, size_t n)
{
    l->npieces = 0;
    tx_status st = TX_OK;
    for (size_t i = 0; i < n && st == TX_OK;) {
        size_t end = i + 1;
        char inflection = S_inflection_at(s, n, i);
        if (s[i] == '+') {
            st = S_piece(l, PIECE_JOIN, s + i, 1);
        } else if (inflection) {
            for (end = i + 2; end < n && !S_blank(s[end]) && s[end] != '_' && s[end] != '+';)
                end++;
            st = S_piece(l, inflection == 'N' ? PIECE_NOUN : PIECE_VERB, s + i + 2, end - i - 2);
        } else {
            while (end < n && s[end] != '+' && !S_inflection_at(s, n, end))
                end++;
            st = S_piece(l, PIECE_TEXT, s + i, end - i);
        }
        i = end;
    }
    if (st != TX_OK)
        return st;
    l->forms = 0;
    tx_buf_clear(&l->form);
    st = S_generate(l, 0);
    if (st == TX_OK && l->forms > MAX_FORMS)
        tx_diag_report(l->diag, l->name, l->line,
                       "expected at most %d forms from n:, v: and +; the rest were left out",
                       MAX_FORMS);
    return st;
}

/* ---- lines ---- */

static void S_trim(const char **s, size_t *n)
{
    while (*n > 0 && S_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && S_blank((*s)[*n - 1]))
        (*n)--;
}

/* "phrase [CODE]": reports and returns 0 when malformed. */
static int S_coded(loader *l, const char *s, size_t n, size_t *plen, tx_status *st)
{
    const char *open = memchr(s, '[', n);
    if (!open) {
        tx_diag_report(l->diag, l->name, l->line,
                       "expected 'phrase [CODE]' or an ignore phrase '~phrase', found '%.*s'",
                       (int)n, s);
        return 0;
    }
    size_t at = (size_t)(open - s);
    const char *close = memchr(open, ']', n - at);
    const char *code = open + 1;
    size_t clen = close ? (size_t)(close - code) : 0;
    S_trim(&code, &clen);
    if (!close || clen == 0) {
        tx_diag_report(l->diag, l->name, l->line, "expected a code in '[...]', found '%.*s'",
                       (int)(n - at), open);
        return 0;
    }
    const char *after = close + 1;
    size_t alen = (size_t)(s + n - after);
    S_trim(&after, &alen);
    if (alen > 0)
        tx_diag_report(l->diag, l->name, l->line,
                       "expected one 'phrase [CODE]' per line, found '%.*s' after the code",
                       (int)alen, after);
    uint32_t id = tx_lexicon_intern(l->issues->codes, code, clen);
    if (id == TX_WORD_NONE) {
        *st = TX_ERR_NOMEM;
        return 0;
    }
    l->code = id;
    *plen = at;
    return 1;
}

static tx_status S_line(loader *l, const char *s, size_t n)
{
    if (s[0] == '<')
        return TX_OK;  /* <ISSUE ...>, </ISSUE> and <! comments */
    size_t plen = n;
    tx_status st = TX_OK;
    if (s[0] == '~') {
        size_t skip = n > 1 && s[1] == '~' ? 2 : 1;  /* ~~ (story) is treated as ~ */
        s += skip;
        plen = n - skip;
        l->code = IGNORE;
    } else if (!S_coded(l, s, n, &plen, &st)) {
        return st;
    }
    const char *p = s;
    S_trim(&p, &plen);
    if (plen == 0) {
        tx_diag_report(l->diag, l->name, l->line, "expected a phrase");
        return TX_OK;
    }
    return S_phrase(l, p, plen);
}

static tx_status S_each_line(void *ctx, const char *s, size_t n, unsigned long number)
{
    loader *l = ctx;
    l->line = number;
    return S_line(l, s, n);
}

tx_status tx_issues_load_buffer(tx_issues *issues, const char *name, const char *data,
                                size_t len, tx_diag *diag)
{
    loader l;
    memset(&l, 0, sizeof(l));
    l.issues = issues;
    l.name = name;
    l.diag = diag;
    tx_status st = tx_dictfile_each(data, len, S_each_line, &l);
    free(l.pieces);
    free(l.ids);
    tx_buf_free(&l.form);
    tx_buf_free(&l.fold);
    return st;
}

static tx_status S_load_buffer(void *target, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    return tx_issues_load_buffer(target, name, data, len, diag);
}

tx_status tx_issues_load(tx_issues *issues, const char *path, tx_diag *diag)
{
    return tx_file_load(path, S_load_buffer, issues, diag);
}

/* ---- matching ---- */

/* Walks the phrases starting at token `first`: returns the length of the longest one with a
 * code and its first link in *link; *ignored is set when an ignore phrase starts here. */
static size_t S_walk(const tx_issues *is, const tx_tokens *tokens, size_t first, uint32_t *link,
                     int *ignored)
{
    size_t best = 0;
    uint32_t node = TX_TRIE_ROOT;
    for (size_t i = first; i < tokens->count; i++) {
        uint32_t id = tx_lexicon_find(is->words, tx_tokens_key(tokens, i),
                                      tokens->items[i].key_len);
        node = id ? tx_trie_child(is->trie, node, id) : TX_TRIE_NONE;
        if (node == TX_TRIE_NONE)
            break;
        uint32_t value = tx_trie_value(is->trie, node);
        for (uint32_t k = value; k != NONE && k != TX_TRIE_NOVALUE; k = is->links[k].next)
            if (is->links[k].code == IGNORE)
                *ignored = 1;
        if (value != TX_TRIE_NOVALUE) {
            best = i - first + 1;
            *link = value;
        }
    }
    return best;
}

static size_t S_count(const tx_issues *is, uint32_t code, tx_issue_count *out, size_t n,
                      size_t max)
{
    const char *name = tx_lexicon_word(is->codes, code, NULL);
    for (size_t i = 0; i < n; i++)
        if (out[i].code == name) {
            out[i].count++;
            return n;
        }
    if (n < max)
        out[n++] = (tx_issue_count){name, 1};
    return n;
}

size_t tx_issues_match(const tx_issues *issues, const tx_tokens *tokens, tx_issue_count *out,
                       size_t max)
{
    size_t n = 0, resume = 0;
    for (size_t i = 0; i < tokens->count; i++) {
        uint32_t link = NONE;
        int ignored = 0;
        size_t len = S_walk(issues, tokens, i, &link, &ignored);
        if (ignored)
            return 0;
        if (len == 0 || i < resume)
            continue;  /* a phrase inside a longer match already counted is not counted again */
        for (uint32_t k = link; k != NONE; k = issues->links[k].next)
            if (issues->links[k].code != IGNORE)
                n = S_count(issues, issues->links[k].code, out, n, max);
        resume = i + len;
    }
    return n;
}
