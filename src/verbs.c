/* verbs.c: reads PETRARCH verb dictionaries (both dialects) into forms, blocks and patterns. */
#include "verbs.h"

#include "dictfile.h"
#include "fold.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_WORDS = 32, MAX_ITEMS = 64, SYNSET_DEPTH = 8 };

/* A synset member as written, compiled once the whole file is read (members may name
 * synsets that are defined later). */
typedef struct {
    uint32_t synset;
    const char *text;
    uint32_t line;
} pending_member;

typedef struct {
    tx_verbs *verbs;
    const char *name;
    tx_diag *diag;
    tx_buf fold;
    long block;             /* current block, -1 before the first header */
    long synset;            /* synset being defined, -1 when not in a definition */
    uint32_t block_first;   /* first pattern of the current block */
    pending_member *members;
    size_t n_members, cap_members;
    uint8_t *no_plural;     /* per synset: label ended in '_' */
    size_t cap_no_plural;
} reader;

#define GROW(array, count, cap)                                                  \
    ((count) < (cap) ? 0 : S_grow((void **)&(array), &(cap), sizeof(*(array))))

static int S_grow(void **array, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(*array, n * size);
    if (!p)
        return -1;
    *array = p;
    *cap = n;
    return 0;
}

tx_verbs *tx_verbs_new(tx_lexicon *lex)
{
    tx_verbs *v = calloc(1, sizeof(*v));
    if (!v)
        return NULL;
    v->lex = lex;
    v->forms_trie = tx_trie_new();
    if (!v->forms_trie) {
        free(v);
        return NULL;
    }
    return v;
}

void tx_verbs_free(tx_verbs *v)
{
    if (!v)
        return;
    tx_trie_free(v->forms_trie);
    tx_arena_free(&v->arena);
    free(v->forms);
    free(v->blocks);
    free(v->patterns);
    free(v->elems);
    free(v->synsets);
    free(v->synset_words);
    free(v);
}

/* ---- small text helpers ---- */

static int S_blank(char c) { return c == ' ' || c == '\t'; }

static const char *S_dup(reader *r, const char *s, size_t n)
{
    return tx_arena_strndup(&r->verbs->arena, s, n);
}

/* Folds and interns one word; 0 when out of memory. */
static uint32_t S_word(reader *r, const char *s, size_t n)
{
    tx_buf_clear(&r->fold);
    if (tx_fold(s, n, &r->fold) < 0)
        return 0;
    return tx_lexicon_intern(r->verbs->lex, r->fold.data, r->fold.len);
}

/* Parses "[A]", "[A:P]", "[:P]" inside s[0..n) (the brackets excluded).  */
static void S_codes(reader *r, const char *s, size_t n, const char **code, const char **pair)
{
    while (n && S_blank(*s))
        s++, n--;
    while (n && S_blank(s[n - 1]))
        n--;
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    *code = a ? S_dup(r, s, a) : NULL;
    *pair = colon && n - a > 1 ? S_dup(r, colon + 1, n - a - 1) : NULL;
}

/* Finds the last [...] group in s[0..n); returns 1 and its inside, or 0. */
static int S_last_bracket(const char *s, size_t n, size_t *open, size_t *close)
{
    for (size_t i = n; i-- > 0;) {
        if (s[i] != ']')
            continue;
        for (size_t j = i; j-- > 0;)
            if (s[j] == '[') {
                *open = j;
                *close = i;
                return 1;
            }
        return 0;
    }
    return 0;
}

static int S_first_bracket(const char *s, size_t n, size_t *open, size_t *close)
{
    const char *a = memchr(s, '[', n);
    if (!a)
        return 0;
    const char *b = memchr(a, ']', n - (size_t)(a - s));
    if (!b)
        return 0;
    *open = (size_t)(a - s);
    *close = (size_t)(b - s);
    return 1;
}

/* ---- synsets ---- */

static long S_synset_find(reader *r, const char *name, size_t n, int create)
{
    if (n && name[n - 1] == '_')
        n--;
    tx_verbs *v = r->verbs;
    for (size_t i = 0; i < v->n_synsets; i++)
        if (strlen(v->synsets[i].name) == n && memcmp(v->synsets[i].name, name, n) == 0)
            return (long)i;
    if (!create)
        return -1;
    if (GROW(v->synsets, v->n_synsets, v->cap_synsets) < 0)
        return -1;
    if (GROW(r->no_plural, v->n_synsets, r->cap_no_plural) < 0)
        return -1;
    const char *copy = S_dup(r, name, n);
    if (!copy)
        return -1;
    v->synsets[v->n_synsets] = (tx_synset){0, 0, copy};
    r->no_plural[v->n_synsets] = 0;
    return (long)v->n_synsets++;
}

static void S_synset_label(reader *r, const char *s, size_t n)
{
    size_t end = 1;
    while (end < n && !S_blank(s[end]))
        end++;
    long id = S_synset_find(r, s + 1, end - 1, 1);
    if (id < 0)
        return;
    if (s[end - 1] == '_')
        r->no_plural[id] = 1;
    r->synset = id;
}

static void S_synset_member(reader *r, const char *s, size_t n)
{
    if (GROW(r->members, r->n_members, r->cap_members) < 0)
        return;
    const char *text = S_dup(r, s + 1, n - 1);
    if (!text)
        return;
    r->members[r->n_members++] =
        (pending_member){(uint32_t)r->synset, text, 0};
}

/* ---- words, inflections ---- */

/* Splits s[0..n) on blanks and '_' into words; '+' before a word marks the head.
 * Returns the word count (0 if none or too many). */
static size_t S_split(const char *s, size_t n, const char **word, size_t *len, size_t *head)
{
    size_t count = 0;
    *head = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (S_blank(s[i]) || s[i] == '_'))
            i++;
        if (i == n)
            break;
        if (s[i] == '+') {
            *head = count;
            i++;
        }
        size_t start = i;
        while (i < n && !S_blank(s[i]) && s[i] != '_')
            i++;
        if (i == start)
            continue;
        if (count == MAX_WORDS)
            return 0;
        word[count] = s + start;
        len[count++] = i - start;
    }
    return count;
}

static int S_vowel(char c) { return strchr("AEIOU", c) != NULL; }

/* Writes the inflected head word into out. */
static size_t S_inflect(const char *w, size_t n, tx_form_kind kind, char *out, size_t cap)
{
    if (n + 4 > cap || n == 0)
        return 0;
    memcpy(out, w, n);
    char last = w[n - 1], before = n > 1 ? w[n - 2] : 'A';
    switch (kind) {
    case TX_FORM_THIRD:
        if (last == 'Y' && !S_vowel(before)) {
            memcpy(out + n - 1, "IES", 3);
            return n + 2;
        }
        if (last == 'S' || last == 'X' || last == 'Z' || ((last == 'H') && (before == 'C' || before == 'S'))) {
            memcpy(out + n, "ES", 2);
            return n + 2;
        }
        out[n] = 'S';
        return n + 1;
    case TX_FORM_PAST:
        if (last == 'E') {
            out[n] = 'D';
            return n + 1;
        }
        if (last == 'Y' && !S_vowel(before)) {
            memcpy(out + n - 1, "IED", 3);
            return n + 2;
        }
        memcpy(out + n, "ED", 2);
        return n + 2;
    case TX_FORM_GERUND:
        if (last == 'E' && n > 2 && !S_vowel(before)) {
            memcpy(out + n - 1, "ING", 3);
            return n + 2;
        }
        memcpy(out + n, "ING", 3);
        return n + 3;
    default:
        return n;
    }
}

static void S_add_form(reader *r, const char **word, const size_t *len, size_t count, size_t head,
                       tx_form_kind kind, const char *code, const char *pair, uint32_t line)
{
    tx_verbs *v = r->verbs;
    uint32_t ids[MAX_WORDS];
    for (size_t i = 0; i < count; i++) {
        char buf[128];
        size_t m = len[i];
        const char *w = word[i];
        if (i == head && kind != TX_FORM_BASE && kind != TX_FORM_EXPLICIT) {
            m = S_inflect(word[i], len[i], kind, buf, sizeof(buf));
            w = buf;
        }
        ids[i] = m ? S_word(r, w, m) : 0;
        if (!ids[i])
            return;
    }
    uint32_t node = tx_trie_insert(v->forms_trie, ids, count);
    if (node == TX_TRIE_NONE)
        return;
    uint32_t old = tx_trie_value(v->forms_trie, node);
    /* A form listed again in a later block takes that block, as PETRARCH's reader does;
     * within one block (generated and explicit forms colliding) the first stays. */
    if (old != TX_TRIE_NOVALUE && v->forms[old].block == (uint32_t)r->block)
        return;
    if (GROW(v->forms, v->n_forms, v->cap_forms) < 0)
        return;
    /* a listed form whose verb ends in -ING is a gerund ("IS_+TALKING"), whatever its list */
    if (kind == TX_FORM_EXPLICIT && len[head] > 4 && memcmp(word[head] + len[head] - 3, "ING", 3) == 0)
        kind = TX_FORM_GERUND;
    v->forms[v->n_forms] = (tx_verb_form){(uint32_t)r->block, code, pair, (uint16_t)count,
                                          (uint16_t)head, (uint8_t)kind, line};
    tx_trie_set_value(v->forms_trie, node, (uint32_t)v->n_forms++);
}

static void S_verb_line(reader *r, const char *s, size_t n, uint32_t line)
{
    if (r->block < 0) {
        tx_diag_report(r->diag, r->name, line, "expected a '--- NAME [CODE] ---' block header before verb '%.*s'", (int)n, s);
        return;
    }
    const char *code = NULL, *pair = NULL;
    size_t open, close;
    if (S_last_bracket(s, n, &open, &close) && close + 1 >= n - 0) {
        S_codes(r, s + open + 1, close - open - 1, &code, &pair);
        n = open;
    }
    const char *brace = memchr(s, '{', n);
    size_t base_len = brace ? (size_t)(brace - s) : n;
    const char *word[MAX_WORDS];
    size_t len[MAX_WORDS], head;
    size_t count = S_split(s, base_len, word, len, &head);
    if (!count) {
        tx_diag_report(r->diag, r->name, line, "expected a verb");
        return;
    }
    S_add_form(r, word, len, count, head, TX_FORM_BASE, code, pair, line);
    if (!brace) {
        S_add_form(r, word, len, count, head, TX_FORM_THIRD, code, pair, line);
        S_add_form(r, word, len, count, head, TX_FORM_PAST, code, pair, line);
        S_add_form(r, word, len, count, head, TX_FORM_GERUND, code, pair, line);
        return;
    }
    const char *end = memchr(brace, '}', n - base_len);
    if (!end) {
        tx_diag_report(r->diag, r->name, line, "expected '}' closing the list of verb forms");
        return;
    }
    for (const char *p = brace + 1; p < end;) {
        /* forms are separated by blanks; some dictionaries also put commas between them */
        while (p < end && (S_blank(*p) || *p == ','))
            p++;
        const char *q = p;
        while (q < end && !S_blank(*q) && *q != ',')
            q++;
        if (q > p) {
            count = S_split(p, (size_t)(q - p), word, len, &head);
            if (count)
                S_add_form(r, word, len, count, head, TX_FORM_EXPLICIT, code, pair, line);
        }
        p = q;
    }
}

/* ---- blocks ---- */

static int S_pattern_cmp(const void *a, const void *b)
{
    const tx_pattern *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;  /* stable: file order */
}

static void S_close_block(reader *r)
{
    tx_verbs *v = r->verbs;
    if (r->block < 0)
        return;
    tx_verb_block *b = &v->blocks[r->block];
    b->first_pattern = r->block_first;
    b->n_patterns = (uint32_t)(v->n_patterns - r->block_first);
    if (b->n_patterns > 1)
        qsort(v->patterns + b->first_pattern, b->n_patterns, sizeof(tx_pattern), S_pattern_cmp);
}

static void S_header(reader *r, const char *s, size_t n, uint32_t line)
{
    tx_verbs *v = r->verbs;
    S_close_block(r);
    size_t i = 3;
    while (i < n && (S_blank(s[i]) || s[i] == '-'))
        i++;
    size_t start = i;
    while (i < n && !S_blank(s[i]) && s[i] != '[')
        i++;
    size_t open, close;
    if (i == start || !S_first_bracket(s, n, &open, &close)) {
        tx_diag_report(r->diag, r->name, line, "expected '--- NAME [CODE] ---'");
        r->block = -1;
        return;
    }
    if (GROW(v->blocks, v->n_blocks, v->cap_blocks) < 0)
        return;
    tx_verb_block *b = &v->blocks[v->n_blocks];
    memset(b, 0, sizeof(*b));
    b->name = S_dup(r, s + start, i - start);
    S_codes(r, s + open + 1, close - open - 1, &b->code, &b->pair_code);
    if (!b->code)
        b->code = "---";
    b->line = line;
    r->block = (long)v->n_blocks++;
    r->block_first = (uint32_t)v->n_patterns;
}

/* ---- patterns ---- */

typedef struct {
    const char *text;
    size_t len;
    int adjacent;  /* joined to the previous item by '_' */
} item;

static size_t S_items(const char *s, size_t n, item *items)
{
    size_t count = 0;
    int joined = 0;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (S_blank(c) || c == '{' || c == '}' || c == '(' || c == ')') {
            joined = 0;
            i++;
            continue;
        }
        if (c == '_') {
            /* WORD_ followed by a blank is an open match (TABARI compatibility) */
            joined = i + 1 < n && !S_blank(s[i + 1]);
            i++;
            continue;
        }
        size_t start = i;
        if (c == '*')
            i++;
        else
            while (i < n && !S_blank(s[i]) && s[i] != '_' && s[i] != '*' && !strchr("{}()", s[i]))
                i++;
        if (count == MAX_ITEMS)
            return 0;
        items[count++] = (item){s + start, i - start, joined};
        joined = 0;
        if (i < n && s[i] == '*')
            joined = 0;
    }
    return count;
}

static int S_element(reader *r, const item *it, int adjacent, tx_pattern_elem *e, uint32_t line)
{
    e->adjacent = (uint8_t)adjacent;
    e->id = 0;
    if (it->len == 1 && strchr("$+%^", it->text[0])) {
        e->kind = it->text[0] == '$' ? TX_ELEM_SOURCE
                : it->text[0] == '+' ? TX_ELEM_TARGET
                : it->text[0] == '%' ? TX_ELEM_COMPOUND : TX_ELEM_SKIP;
        return 0;
    }
    if (it->text[0] == '&') {
        long id = S_synset_find(r, it->text + 1, it->len - 1, 1);
        if (id < 0)
            return -1;
        e->kind = TX_ELEM_SYNSET;
        e->id = (uint32_t)id;
        return 0;
    }
    e->kind = TX_ELEM_WORD;
    e->id = S_word(r, it->text, it->len);
    (void)line;
    return e->id ? 0 : -1;
}

static void S_pattern(reader *r, const char *s, size_t n, uint32_t line)
{
    tx_verbs *v = r->verbs;
    if (r->block < 0) {
        tx_diag_report(r->diag, r->name, line, "expected a block header before this pattern");
        return;
    }
    size_t open, close;
    if (!S_last_bracket(s, n, &open, &close)) {
        tx_diag_report(r->diag, r->name, line, "expected a [CODE] at the end of the pattern");
        return;
    }
    tx_pattern p = {0};
    S_codes(r, s + open + 1, close - open - 1, &p.code, &p.pair_code);
    item items[MAX_ITEMS];
    size_t count = S_items(s + 1, open - 1, items);
    size_t star = count;
    for (size_t i = 0; i < count; i++)
        if (items[i].len == 1 && items[i].text[0] == '*') {
            if (star != count) {
                star = count + 1;
                break;
            }
            star = i;
        }
    if (star >= count) {
        tx_diag_report(r->diag, r->name, line, "expected exactly one '*' for the verb in the pattern");
        return;
    }
    p.block = (uint32_t)r->block;
    p.first = (uint32_t)v->n_elems;
    p.line = line;
    for (size_t k = star; k-- > 0;) {  /* upper elements, nearest the verb first */
        if (GROW(v->elems, v->n_elems, v->cap_elems) < 0)
            return;
        if (S_element(r, &items[k], items[k + 1].adjacent, &v->elems[v->n_elems], line) < 0)
            return;
        p.weight = (uint16_t)(p.weight + (v->elems[v->n_elems].kind <= TX_ELEM_SYNSET ? 2 : 1));
        v->n_elems++;
        p.n_upper++;
    }
    for (size_t k = star + 1; k < count; k++) {
        if (GROW(v->elems, v->n_elems, v->cap_elems) < 0)
            return;
        if (S_element(r, &items[k], items[k].adjacent, &v->elems[v->n_elems], line) < 0)
            return;
        p.weight = (uint16_t)(p.weight + (v->elems[v->n_elems].kind <= TX_ELEM_SYNSET ? 2 : 1));
        v->n_elems++;
        p.n_lower++;
    }
    if (GROW(v->patterns, v->n_patterns, v->cap_patterns) < 0)
        return;
    v->patterns[v->n_patterns++] = p;
}

/* ---- compiling synsets ---- */

static int S_push_phrase(tx_verbs *v, const uint32_t *ids, size_t count)
{
    while (v->n_synset_words + count + 1 > v->cap_synset_words)
        if (S_grow((void **)&v->synset_words, &v->cap_synset_words, sizeof(uint32_t)) < 0)
            return -1;
    v->synset_words[v->n_synset_words++] = (uint32_t)count;
    memcpy(v->synset_words + v->n_synset_words, ids, count * sizeof(uint32_t));
    v->n_synset_words += count;
    return 0;
}

/* Appends the phrases of member text (a phrase, or &NAME) to the synset being compiled. */
static size_t S_member_phrases(reader *r, const char *text, int no_plural, int depth)
{
    tx_verbs *v = r->verbs;
    size_t n = strlen(text), added = 0;
    if (text[0] == '&') {
        size_t end = 1;
        while (end < n && !S_blank(text[end]))
            end++;
        long id = S_synset_find(r, text + 1, end - 1, 0);
        if (id < 0 || depth >= SYNSET_DEPTH)
            return 0;
        for (size_t m = 0; m < r->n_members; m++)
            if (r->members[m].synset == (uint32_t)id)
                added += S_member_phrases(r, r->members[m].text, r->no_plural[id], depth + 1);
        return added;
    }
    const char *word[MAX_WORDS];
    size_t len[MAX_WORDS], head;
    int trailing = n && text[n - 1] == '_';
    size_t count = S_split(text, n, word, len, &head);
    if (!count)
        return 0;
    uint32_t ids[MAX_WORDS];
    for (size_t i = 0; i < count; i++)
        if (!(ids[i] = S_word(r, word[i], len[i])))
            return 0;
    if (S_push_phrase(v, ids, count) < 0)
        return 0;
    added++;
    if (no_plural || trailing)
        return added;
    char buf[128];
    const char *last = word[count - 1];
    size_t m = len[count - 1];
    if (m + 3 > sizeof(buf) || (last[m - 1] == 'S' && (m < 2 || last[m - 2] != 'S')))
        return added;  /* already plural */
    memcpy(buf, last, m);
    if (last[m - 1] == 'Y' && m > 1 && !S_vowel(last[m - 2]))
        memcpy(buf + m - 1, "IES", 3), m += 2;
    else if (last[m - 1] == 'S')
        memcpy(buf + m, "ES", 2), m += 2;
    else
        buf[m++] = 'S';
    if ((ids[count - 1] = S_word(r, buf, m)) && S_push_phrase(v, ids, count) == 0)
        added++;
    return added;
}

static void S_compile_synsets(reader *r)
{
    tx_verbs *v = r->verbs;
    for (size_t s = 0; s < v->n_synsets; s++) {
        if (v->synsets[s].count)
            continue;  /* compiled by an earlier file */
        size_t start = v->n_synset_words, count = 0;
        for (size_t m = 0; m < r->n_members; m++)
            if (r->members[m].synset == s)
                count += S_member_phrases(r, r->members[m].text, r->no_plural[s], 0);
        v->synsets[s].first = (uint32_t)start;
        v->synsets[s].count = (uint32_t)count;
    }
}

/* ---- the reader loop ---- */

static void S_line(reader *r, const char *s, size_t n, uint32_t line)
{
    if (n >= 3 && memcmp(s, "---", 3) == 0) {
        r->synset = -1;
        S_header(r, s, n, line);
    } else if (s[0] == '&') {
        S_synset_label(r, s, n);
    } else if (s[0] == '+' && r->synset >= 0) {
        S_synset_member(r, s, n);
    } else if (s[0] == '-') {
        r->synset = -1;
        S_pattern(r, s, n, line);
    } else if (s[0] == '~') {
        r->verbs->n_transformations++;
    } else {
        r->synset = -1;
        S_verb_line(r, s, n, line);
    }
}

tx_status tx_verbs_load_buffer(tx_verbs *v, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    reader r = {.verbs = v, .name = name, .diag = diag, .block = -1, .synset = -1};
    v->path = tx_arena_strndup(&v->arena, name, strlen(name));
    tx_dictfile file;
    tx_dictfile_init(&file, data, len);
    const char *s;
    size_t n;
    while (tx_dictfile_next(&file, &s, &n, 0))
        S_line(&r, s, n, (uint32_t)file.line);
    S_close_block(&r);
    S_compile_synsets(&r);
    for (size_t i = 0; i < v->n_synsets; i++)
        if (v->synsets[i].count == 0)
            tx_diag_report(diag, name, 0, "synset &%s is used but has no members", v->synsets[i].name);
    int failed = r.fold.failed;
    tx_buf_free(&r.fold);
    free(r.members);
    free(r.no_plural);
    return failed ? TX_ERR_NOMEM : TX_OK;
}

static tx_status S_load_buffer(void *target, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    return tx_verbs_load_buffer(target, name, data, len, diag);
}

tx_status tx_verbs_load(tx_verbs *v, const char *path, tx_diag *diag)
{
    return tx_file_load(path, S_load_buffer, v, diag);
}

/* ---- matching ---- */

size_t tx_verbs_match(const tx_verbs *v, const tx_tokens *tokens, size_t first, uint32_t *form)
{
    uint32_t ids[MAX_WORDS];
    size_t n = TX_MIN(tokens->count - first, (size_t)MAX_WORDS);
    for (size_t i = 0; i < n; i++)
        ids[i] = tokens->items[first + i].word;
    uint32_t node;
    size_t len = tx_trie_longest(v->forms_trie, ids, n, &node);
    if (len)
        *form = tx_trie_value(v->forms_trie, node);
    return len;
}

size_t tx_verbs_synset_match(const tx_verbs *v, uint32_t synset, const tx_tokens *tokens,
                             size_t first)
{
    const tx_synset *s = &v->synsets[synset];
    const uint32_t *p = v->synset_words + s->first;
    size_t best = 0;
    for (uint32_t k = 0; k < s->count; k++) {
        uint32_t n = *p++;
        if (first + n <= tokens->count) {
            size_t i = 0;
            while (i < n && tokens->items[first + i].word == p[i])
                i++;
            if (i == n && n > best)
                best = n;
        }
        p += n;
    }
    return best;
}

size_t tx_verbs_synset_match_back(const tx_verbs *v, uint32_t synset, const tx_tokens *tokens,
                                  size_t last)
{
    const tx_synset *s = &v->synsets[synset];
    const uint32_t *p = v->synset_words + s->first;
    size_t best = 0;
    for (uint32_t k = 0; k < s->count; k++) {
        uint32_t n = *p++;
        if (n <= last + 1) {
            size_t start = last + 1 - n, i = 0;
            while (i < n && tokens->items[start + i].word == p[i])
                i++;
            if (i == n && n > best)
                best = n;
        }
        p += n;
    }
    return best;
}
