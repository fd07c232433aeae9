/* coder.c: a shallow TABARI-lineage coder: comma clauses, actor phrases, verbs, patterns. */
#include "coder.h"

#include "entities.h"
#include "sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_MEMBERS = 16,     /* codes in one (compound) actor phrase */
    MAX_AGENTS = 6,
    MATCH_BUDGET = 20000  /* pattern-matching steps per verb: bounds pathological sentences */
};

/* Function words the coder recognises by id. */
enum {
    W_THE, W_A, W_AN, W_AND, W_OR, W_NOR, W_NEITHER, W_BUT, W_OF, W_IN, W_FROM, W_BY, W_POSS,
    W_IS, W_ARE, W_WAS, W_WERE, W_BE, W_BEEN, W_BEING, W_GET, W_GOT,
    W_THAT, W_WHICH, W_WHO, W_WHEN, W_WHILE, W_AFTER, W_BEFORE, W_BECAUSE, W_IF, W_WHERE,
    W_SINCE, W_UNTIL, W_ITS, W_THEIR, W_HIS, W_HER, W_OUR, W_MY, W_YOUR, W_THIS, W_THESE,
    W_THOSE, W_COMMA, W_SEMI, W_LPAREN, W_RPAREN, W_TO, W_AT, W_WITH, W_FOR, W_ON, W_INTO,
    W_AGAINST, W_HAS, W_HAVE, W_HAD, W_WILL, W_WOULD, W_ALSO, W_NOT, W_NT, W_FOR_DOT,
    W_BETWEEN, W_OVER, W_ABOUT, W_AMONG, W_THROUGH, W_UNDER, W_DURING, W_TOWARD, W_TOWARDS,
    W_NEAR, W_WITHOUT, W_AS, W_COUNT
};

static const char *const S_function_words[W_COUNT] = {
    "THE", "A", "AN", "AND", "OR", "NOR", "NEITHER", "BUT", "OF", "IN", "FROM", "BY", "'S",
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "GET", "GOT",
    "THAT", "WHICH", "WHO", "WHEN", "WHILE", "AFTER", "BEFORE", "BECAUSE", "IF", "WHERE",
    "SINCE", "UNTIL", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE",
    "THOSE", ",", ";", "(", ")", "TO", "AT", "WITH", "FOR", "ON", "INTO",
    "AGAINST", "HAS", "HAVE", "HAD", "WILL", "WOULD", "ALSO", "NOT", "N'T", ".",
    "BETWEEN", "OVER", "ABOUT", "AMONG", "THROUGH", "UNDER", "DURING", "TOWARD", "TOWARDS",
    "NEAR", "WITHOUT", "AS",
};

typedef struct {
    uint32_t first, end;          /* kept-token positions [first, end) */
    uint32_t n_codes;
    char codes[MAX_MEMBERS][TX_CODE_MAX];
} unit;

typedef struct {
    uint32_t first, end;  /* kept positions of the form */
    uint32_t form;
} verb;

struct tx_coder {
    tx_dictionaries dict;
    uint32_t word[W_COUNT];
    tx_tokens tokens;      /* all tokens of the sentence */
    tx_tokens kept;        /* the tokens left after comma-clause deletion (keys shared) */
    unit *units;
    size_t n_units, cap_units;
    int32_t *unit_starting, *unit_ending;  /* per kept position: unit index or -1 */
    int32_t *unit_covering;
    size_t cap_positions;
    verb *verbs;
    size_t n_verbs, cap_verbs;
    uint32_t *kept_from;       /* per kept position: index in tokens */
    size_t cap_kept_from;
    unit *appositions;         /* names given a code by the apposition after them */
    size_t n_appositions, cap_appositions;
    long budget;
    FILE *trace;
    /* Which words and synsets occur in the current sentence, stamped with its number: a
     * pattern naming an absent word is skipped without scanning the sentence. */
    uint32_t generation;
    uint32_t *word_seen;      /* per lexicon id */
    size_t n_words;
    uint32_t *synset_checked; /* per synset: generation of the last check */
    uint8_t *synset_present;
    uint8_t *function_word;   /* per lexicon id: one of S_function_words */
    int32_t date;             /* of the last sentence coded */
    /* People named in full earlier in the article, by the last word of their name, so that
     * "Mr Sullivan" later on is Jake Sullivan. */
    struct {
        uint32_t word;
        uint32_t phrase;      /* the full name's actor phrase */
        char code[TX_CODE_MAX];
    } surnames[64];
    size_t n_surnames;
    /* Dictionary names in the last sentence, found once for the entity output and for
     * learning surnames; with the word that ends each. */
    tx_mention mentions[64];
    uint32_t mention_last_word[64];
    size_t n_mentions;
};

void tx_coder_options_default(tx_coder_options *o)
{
    *o = (tx_coder_options){1, 0, 2, 8, 0, 0, 2, 8, 0, 0};
}

tx_coder *tx_coder_new(const tx_dictionaries *dict)
{
    tx_coder *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->dict = *dict;
    for (int i = 0; i < W_COUNT; i++) {
        c->word[i] = tx_lexicon_intern(dict->lex, S_function_words[i], strlen(S_function_words[i]));
        if (!c->word[i]) {
            free(c);
            return NULL;
        }
    }
    c->n_words = tx_lexicon_count(dict->lex) + 1;
    size_t n_synsets = dict->verbs->n_synsets + 1;
    c->word_seen = calloc(c->n_words, sizeof(uint32_t));
    c->synset_checked = calloc(n_synsets, sizeof(uint32_t));
    c->synset_present = calloc(n_synsets, 1);
    c->function_word = calloc(c->n_words, 1);
    if (!c->word_seen || !c->synset_checked || !c->synset_present || !c->function_word) {
        tx_coder_free(c);
        return NULL;
    }
    for (int i = 0; i < W_COUNT; i++)
        c->function_word[c->word[i]] = 1;
    return c;
}

void tx_coder_free(tx_coder *c)
{
    if (!c)
        return;
    tx_tokens_free(&c->tokens);
    free(c->kept.items);
    free(c->units);
    free(c->unit_starting);
    free(c->unit_ending);
    free(c->unit_covering);
    free(c->kept_from);
    free(c->appositions);
    free(c->verbs);
    free(c->word_seen);
    free(c->synset_checked);
    free(c->synset_present);
    free(c->function_word);
    free(c);
}

const tx_tokens *tx_coder_tokens(const tx_coder *c) { return &c->tokens; }

void tx_coder_set_trace(tx_coder *c, FILE *trace) { c->trace = trace; }

static void S_trace(const tx_coder *c)
{
    FILE *f = c->trace;
    fprintf(f, "kept:");
    for (size_t i = 0; i < c->kept.count; i++)
        fprintf(f, " %s%s", tx_tokens_key(&c->kept, i), c->kept.items[i].word ? "" : "?");
    fprintf(f, "\n");
    for (size_t k = 0; k < c->n_units; k++) {
        fprintf(f, "unit %zu [%u,%u):", k, c->units[k].first, c->units[k].end);
        for (uint32_t m = 0; m < c->units[k].n_codes; m++)
            fprintf(f, " %s", c->units[k].codes[m]);
        fprintf(f, "\n");
    }
    for (size_t v = 0; v < c->n_verbs; v++) {
        const tx_verb_form *form = &c->dict.verbs->forms[c->verbs[v].form];
        fprintf(f, "verb at %u: %s (block %s, line %u)\n", c->verbs[v].first,
                tx_tokens_key(&c->kept, c->verbs[v].first), c->dict.verbs->blocks[form->block].name,
                form->line);
    }
}

const char *tx_coder_verbs_path(const tx_coder *c) { return c->dict.verbs->path ? c->dict.verbs->path : ""; }

static int S_grow(void **array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 32;
    while (n < need)
        n *= 2;
    void *p = realloc(*array, n * size);
    if (!p)
        return -1;
    *array = p;
    *cap = n;
    return 0;
}

static inline uint32_t S_w(const tx_coder *c, size_t pos)
{
    return pos < c->kept.count ? c->kept.items[pos].word : 0;
}

static inline int S_is(const tx_coder *c, size_t pos, int which)
{
    return S_w(c, pos) == c->word[which];
}

static int S_function_word(const tx_coder *c, size_t pos)
{
    uint32_t w = S_w(c, pos);
    return w < c->n_words && c->function_word[w];
}

static int S_is_any(const tx_coder *c, size_t pos, const int *which, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (S_is(c, pos, which[i]))
            return 1;
    return 0;
}


/* ---- comma clauses ---- */

static size_t S_count_words(const tx_tokens *t, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        if (t->items[i].kind != TX_TOKEN_PUNCT)
            n++;
    return n;
}

static int S_in_range(size_t n, int min, int max)
{
    return max > 0 && (int)n >= min && (int)n <= max;
}

/* Does an actor phrase start right after the comma at `comma` (a list going on), perhaps
 * after "the" and an adjective or two ("Mordor, the awful Fornost, and Gondor")? */
static int S_list_goes_on(const tx_coder *c, size_t comma)
{
    const tx_tokens *t = &c->tokens;
    uint32_t entry;
    for (size_t a = 0; a < c->n_appositions; a++)
        if (c->appositions[a].end == comma)
            return 0;  /* "Kira Vell, the Atlantean foreign minister," names, not lists */
    size_t p = comma + 1;
    for (int skipped = 0; p < t->count && skipped <= 3; p++, skipped++) {
        if (tx_actors_match(c->dict.actors, t, p, &entry) > 0)
            return 1;
        const tx_token *k = &t->items[p];
        if (k->word != c->word[W_THE] && (k->kind != TX_TOKEN_WORD || (k->flags & TX_TOKEN_CAPITAL)))
            return 0;
    }
    return 0;
}

/* TABARI deletes short comma-delimited clauses (appositions, asides) before coding, so the
 * actors inside them cannot be taken for the source or target of the main verb. */
static int S_delete_commas(tx_coder *c, const tx_coder_options *o)
{
    const tx_tokens *t = &c->tokens;
    size_t n = t->count;
    if (S_grow((void **)&c->kept.items, &c->kept.cap, n + 1, sizeof(tx_token)) < 0 ||
        S_grow((void **)&c->kept_from, &c->cap_kept_from, n + 1, sizeof(uint32_t)) < 0)
        return -1;
    uint8_t *drop = calloc(n + 1, 1);
    if (!drop)
        return -1;
    size_t end = n;
    while (end > 0 && t->items[end - 1].kind == TX_TOKEN_PUNCT &&
           strchr(".?!\"'", tx_tokens_key(t, end - 1)[0]))
        end--;
    size_t prev = SIZE_MAX;  /* position of the previous comma */
    for (size_t i = 0; i <= end; i++) {
        int comma = i < end && t->items[i].kind == TX_TOKEN_PUNCT &&
                    strcmp(tx_tokens_key(t, i), ",") == 0;
        if (!comma && i != end)
            continue;
        if (prev == SIZE_MAX && comma) {
            if (S_in_range(S_count_words(t, 0, i), o->comma_bmin, o->comma_bmax))
                memset(drop, 1, i + 1);
        } else if (prev != SIZE_MAX && comma) {
            if (S_in_range(S_count_words(t, prev + 1, i), o->comma_min, o->comma_max) &&
                !S_list_goes_on(c, prev))
                memset(drop + prev, 1, i - prev);
        } else if (prev != SIZE_MAX) {
            if (S_in_range(S_count_words(t, prev + 1, end), o->comma_emin, o->comma_emax) &&
                !S_list_goes_on(c, prev))
                memset(drop + prev, 1, end - prev);
        }
        if (comma)
            prev = i;
    }
    c->kept.count = 0;
    c->kept.keys = t->keys;  /* shared, never freed through kept */
    for (size_t i = 0; i < n; i++)
        if (!drop[i]) {
            c->kept_from[c->kept.count] = (uint32_t)i;
            c->kept.items[c->kept.count++] = t->items[i];
        }
    free(drop);
    return 0;
}

/* ---- actor phrases ---- */

/* Appends suffix blocks unless the code already holds them on a 3-letter block boundary. */
static void S_append_blocks(char *code, const char *blocks)
{
    size_t n = strlen(code), m = strlen(blocks);
    for (size_t at = 0; at + m <= n; at += 3)
        if (memcmp(code + at, blocks, m) == 0)
            return;
    if (n + m < TX_CODE_MAX)
        memcpy(code + n, blocks, m + 1);
}

typedef struct {
    const char *actor;  /* NULL: agents only */
    tx_agent agents[MAX_AGENTS];
    size_t n_agents;
} phrase_parts;

/* Writes the member codes of parts into u (an actor written A/B is several members). */
static void S_compose(const phrase_parts *p, unit *u)
{
    int drop_ppl = p->n_agents > 1;
    const char *actor = p->actor ? p->actor : "---";
    for (const char *m = actor; *m && u->n_codes < MAX_MEMBERS;) {
        const char *slash = strchr(m, '/');
        size_t len = slash ? (size_t)(slash - m) : strlen(m);
        char *code = u->codes[u->n_codes++];
        code[0] = '\0';
        for (size_t a = 0; a < p->n_agents; a++)
            if (p->agents[a].prefix && strlen(code) + strlen(p->agents[a].code) < TX_CODE_MAX)
                strcat(code, p->agents[a].code);
        size_t have = strlen(code);
        if (len + have >= TX_CODE_MAX)
            len = TX_CODE_MAX - have - 1;
        memcpy(code + have, m, len);
        code[have + len] = '\0';
        /* "UN officials" are the UN: an organisation's own people add no GOV */
        int organisation = strncmp(m, "IGO", 3) == 0 || strncmp(m, "NGO", 3) == 0;
        for (size_t a = 0; a < p->n_agents; a++)
            if (!p->agents[a].prefix && !(drop_ppl && strcmp(p->agents[a].code, "PPL") == 0) &&
                !(organisation && strcmp(p->agents[a].code, "GOV") == 0))
                S_append_blocks(code, p->agents[a].code);
        m = slash ? slash + 1 : m + len;
    }
}

/* A lower-case word that may modify a noun: not a function word, not a verb form. */
static int S_modifier(const tx_coder *c, size_t pos)
{
    const tx_token *t = &c->kept.items[pos];
    uint32_t form;
    return t->kind == TX_TOKEN_WORD && !(t->flags & TX_TOKEN_CAPITAL) &&
           !S_function_word(c, pos) && !tx_verbs_match(c->dict.verbs, &c->kept, pos, &form);
}

/* "senior diplomat": up to two lower-case words, then an agent.  Returns how many words
 * precede the agent (0 when there is no such agent). */
static size_t S_agent_after_modifiers(const tx_coder *c, size_t pos)
{
    tx_agent agent;
    for (size_t k = 1; k <= 2 && pos + k < c->kept.count; k++) {
        if (!S_modifier(c, pos + k - 1))
            return 0;
        if (c->dict.agents && tx_agents_match(c->dict.agents, &c->kept, pos + k, &agent))
            return k;
    }
    return 0;
}

/* A capitalised word that is the surname of someone named in full earlier in the article,
 * perhaps after an honorific: returns the words it takes (0 if none) and the code. */
static size_t S_surname_in(const tx_coder *c, const tx_tokens *tokens, size_t pos, size_t *which)
{
    static const char *const honorifics[] = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR."};
    size_t skip = 0;
    char first = tx_tokens_key(tokens, pos)[0];
    if (pos + 1 < tokens->count && (first == 'M' || first == 'D'))  /* the honorifics' letters */
        for (size_t h = 0; h < TX_ARRAY_SIZE(honorifics); h++)
            if (strcmp(tx_tokens_key(tokens, pos), honorifics[h]) == 0)
                skip = 1;
    const tx_token *t = &tokens->items[pos + skip];
    if (!(t->flags & TX_TOKEN_CAPITAL) || t->word == TX_WORD_NONE)
        return 0;
    for (size_t k = 0; k < c->n_surnames; k++)
        if (c->surnames[k].word == t->word) {
            *which = k;
            return skip + 1;
        }
    return 0;
}

static size_t S_surname(const tx_coder *c, size_t pos, const char **code)
{
    size_t which, len = S_surname_in(c, &c->kept, pos, &which);
    if (len)
        *code = c->surnames[which].code;
    return len;
}

/* The dictionary's longest actor phrase at pos, unless it is a lone surname of someone
 * else ("Jay Carney"). */
static size_t S_actor_match(const tx_coder *c, const tx_tokens *tokens, size_t pos,
                            uint32_t *entry)
{
    size_t len = tx_actors_match(c->dict.actors, tokens, pos, entry);
    if (len && c->dict.entities &&
        tx_entities_other_person(c->dict.entities, c->dict.actors, tokens, pos, len, *entry))
        return 0;
    return len;
}

/* Reads actor and agent matches (with 's and determiners) from pos; returns the end. */
static size_t S_read_parts(tx_coder *c, size_t pos, int32_t date, phrase_parts *p, size_t *first)
{
    size_t n = c->kept.count;
    uint32_t probe;
    /* skip determiners, unless the dictionary phrase itself starts with one ("THE SHIRE") */
    while (pos < n && (S_is(c, pos, W_THE) || S_is(c, pos, W_A) || S_is(c, pos, W_AN)) &&
           !tx_actors_match(c->dict.actors, &c->kept, pos, &probe))
        pos++;
    *first = pos;
    size_t end = pos;
    const char *code_of_name = NULL;
    while (pos < n) {
        uint32_t entry = 0;
        tx_agent agent;
        size_t actor_len = S_actor_match(c, &c->kept, pos, &entry);
        size_t agent_len = c->dict.agents ? tx_agents_match(c->dict.agents, &c->kept, pos, &agent) : 0;
        if (actor_len && actor_len >= agent_len) {
            const char *code = tx_actors_code(c->dict.actors, entry, date);
            if (code && strcmp(code, "---") != 0 && !p->actor)
                p->actor = code;
            pos += actor_len;
            end = pos;
        } else if (agent_len) {
            if (p->n_agents < MAX_AGENTS)
                p->agents[p->n_agents++] = agent;
            pos += agent_len;
            end = pos;
        } else if (!p->actor && !p->n_agents && (actor_len = S_surname(c, pos, &code_of_name))) {
            p->actor = code_of_name;  /* "Mr Sullivan", named in full before */
            pos += actor_len;
            end = pos;
        } else if (end > *first && S_is(c, pos, W_POSS)) {
            pos++;  /* "Gondor's government" */
        } else if (end > *first && (agent_len = S_agent_after_modifiers(c, pos))) {
            pos += agent_len;  /* "China's senior diplomat": adjectives before the role */
        } else {
            break;
        }
    }
    return end;
}

/* Appositions: "Jake Sullivan, Mr Biden's national security adviser, met ..." makes the name
 * one actor with the code of the phrase after it.  Found on all tokens (c->kept holding
 * them all), before comma clauses are deleted; unit offsets are token indices here. */
static int S_find_appositions(tx_coder *c, int32_t date, const tx_coder_options *o)
{
    const tx_tokens *t = &c->tokens;
    c->n_appositions = 0;
    if (S_grow((void **)&c->kept.items, &c->kept.cap, t->count + 1, sizeof(tx_token)) < 0)
        return -1;
    memcpy(c->kept.items, t->items, t->count * sizeof(tx_token));
    c->kept.count = t->count;
    c->kept.keys = t->keys;
    for (size_t i = 1; i + 1 < t->count; i++) {
        if (!S_is(c, i, W_COMMA) || !(t->items[i - 1].flags & TX_TOKEN_CAPITAL) ||
            t->items[i - 1].kind != TX_TOKEN_WORD)
            continue;
        size_t close = i + 1;
        while (close < t->count && !S_is(c, close, W_COMMA) && t->items[close].kind != TX_TOKEN_PUNCT)
            close++;
        if (close >= t->count || !S_is(c, close, W_COMMA) ||
            !S_in_range(S_count_words(t, i + 1, close), o->comma_min, o->comma_max))
            continue;
        phrase_parts p = {0};
        size_t first, end = S_read_parts(c, i + 1, date, &p, &first);
        size_t name = i;  /* the capitalised run before the comma */
        while (name > 0 && (t->items[name - 1].flags & TX_TOKEN_CAPITAL) &&
               t->items[name - 1].kind == TX_TOKEN_WORD)
            name--;
        uint32_t entry;
        if (end == first || end != close || (!p.actor && !p.n_agents) ||
            tx_actors_match(c->dict.actors, t, name, &entry) >= i - name)
            continue;
        unit u = {.first = (uint32_t)name, .end = (uint32_t)i};
        S_compose(&p, &u);
        if (S_grow((void **)&c->appositions, &c->cap_appositions, c->n_appositions + 1,
                   sizeof(unit)) < 0)
            return -1;
        c->appositions[c->n_appositions++] = u;
    }
    return 0;
}

/* Adds the apposition names that survived comma deletion as units, in text order. */
static int S_add_appositions(tx_coder *c);

static int S_push_unit(tx_coder *c, const unit *u)
{
    if (S_grow((void **)&c->units, &c->cap_units, c->n_units + 1, sizeof(unit)) < 0)
        return -1;
    c->units[c->n_units++] = *u;
    return 0;
}

static int S_preposition_of(const tx_coder *c, size_t pos)
{
    static const int preps[] = {W_OF, W_IN, W_FROM, W_FOR};
    return S_is_any(c, pos, preps, TX_ARRAY_SIZE(preps));
}

/* "Lawmakers in Fornost and Gondor", "the government of Gondor": the agents of `parts`
 * distribute over the actors of the phrases that follow the preposition. */
static size_t S_agent_of_actor(tx_coder *c, size_t pos, int32_t date, const phrase_parts *agents,
                               unit *u)
{
    size_t end = pos;
    while (pos < c->kept.count) {
        phrase_parts p = *agents;
        p.actor = NULL;
        size_t first, stop = S_read_parts(c, pos, date, &p, &first);
        if (stop == first || !p.actor)
            break;
        S_compose(&p, u);
        end = pos = stop;
        if (S_is(c, pos, W_COMMA) && !S_is(c, pos + 1, W_AND))
            pos++;
        else if (S_is(c, pos, W_AND) || S_is(c, pos, W_OR))
            pos++;
        else if (S_is(c, pos, W_COMMA) && S_is(c, pos + 1, W_AND))
            pos += 2;
        else
            break;
    }
    return end;
}

/* A place named after "in", "at" or "near" ("In Singapore, Rifkind said", "met in Rome") is
 * where something happens, not who acts; "officials in Beijing" is read as an agent of an
 * actor before this is asked. */
static int S_located(const tx_coder *c, size_t first)
{
    static const int preps[] = {W_IN, W_AT, W_NEAR};
    uint32_t entry, form;
    if (first == 0 || !c->dict.entities || !S_is_any(c, first - 1, preps, TX_ARRAY_SIZE(preps)) ||
        !tx_actors_match(c->dict.actors, &c->kept, first, &entry))
        return 0;
    /* "arrived in Algiers": after a verb the place may be what a pattern asks for */
    if (first >= 2 && tx_verbs_match(c->dict.verbs, &c->kept, first - 2, &form) == 1)
        return 0;
    const tx_entity *e = tx_entities_of_phrase(c->dict.entities, c->dict.actors, entry);
    return e && e->kind == TX_ENTITY_PLACE;
}

static int S_find_units(tx_coder *c, int32_t date)
{
    size_t n = c->kept.count;
    const char *last_actor = NULL;
    c->n_units = 0;
    for (size_t pos = 0; pos < n;) {
        phrase_parts p = {0};
        size_t first, end = S_read_parts(c, pos, date, &p, &first);
        if (end == first) {
            pos = first + 1;
            continue;
        }
        if ((!p.actor && !p.n_agents) || (!p.n_agents && S_located(c, first))) {
            pos = end;  /* a name that is no actor here: a city, a news outlet, "in Rome" */
            continue;
        }
        unit u = {.first = (uint32_t)first};
        phrase_parts also = {0};
        size_t also_first, also_end = end;
        if (!p.actor && p.n_agents && end + 1 < n && S_is(c, end, W_AND)) {
            also_end = S_read_parts(c, end + 1, date, &also, &also_first);
            if (also.actor || !also.n_agents || also_end >= n || !S_preposition_of(c, also_end))
                also_end = end;
        }
        if (also_end > end) {  /* each agent of the pair goes with each actor after it */
            size_t stop = S_agent_of_actor(c, also_end + 1, date, &p, &u);
            S_agent_of_actor(c, also_end + 1, date, &also, &u);
            if (stop > also_end + 1)
                end = stop;
        } else if (!p.actor && p.n_agents && end < n && S_preposition_of(c, end)) {
            size_t stop = S_agent_of_actor(c, end + 1, date, &p, &u);
            if (stop > end + 1)
                end = stop;
        }
        if (u.n_codes == 0 && !p.actor && p.n_agents && c->n_units > 0 && first >= 1 &&
            S_is(c, first - 1, W_AND) && c->units[c->n_units - 1].end + 1 == first &&
            c->units[c->n_units - 1].n_codes == 1 && last_actor)
            p.actor = last_actor;
        if (u.n_codes == 0)
            S_compose(&p, &u);
        last_actor = p.actor;
        u.end = (uint32_t)end;
        if (S_push_unit(c, &u) < 0)
            return -1;
        pos = end;
    }
    return 0;
}

static int S_add_appositions(tx_coder *c)
{
    for (size_t a = 0; a < c->n_appositions; a++) {
        unit u = c->appositions[a];
        size_t first = SIZE_MAX, end = 0;
        for (size_t k = 0; k < c->kept.count; k++) {
            uint32_t from = c->kept_from[k];
            if (from >= u.first && from < u.end) {
                first = TX_MIN(first, k);
                end = k + 1;
            }
        }
        if (first == SIZE_MAX)
            continue;
        size_t at = 0;
        while (at < c->n_units && c->units[at].end <= first)
            at++;
        if (at < c->n_units && c->units[at].first < end)
            continue;  /* part of the name is already an actor phrase */
        if (S_grow((void **)&c->units, &c->cap_units, c->n_units + 1, sizeof(unit)) < 0)
            return -1;
        memmove(c->units + at + 1, c->units + at, (c->n_units - at) * sizeof(unit));
        u.first = (uint32_t)first;
        u.end = (uint32_t)end;
        c->units[at] = u;
        c->n_units++;
    }
    return 0;
}

/* The words between two actor phrases: GAP_NONE when they are not list neighbours,
 * GAP_COMMA for ", the", GAP_CONJ when "and", "or" or "nor" joins them.  Adjectives may
 * stand before the next member ("and the evil awful Gondor"). */
enum { GAP_NONE, GAP_COMMA, GAP_CONJ };

static int S_compound_gap(const tx_coder *c, size_t from, size_t to)
{
    int kind = GAP_NONE;
    size_t adjectives = 0;
    for (size_t i = from; i < to; i++) {
        if (S_is(c, i, W_AND) || S_is(c, i, W_NOR) || S_is(c, i, W_OR)) {
            if (adjectives)
                return GAP_NONE;
            kind = GAP_CONJ;
        } else if (S_is(c, i, W_COMMA)) {
            if (adjectives)
                return GAP_NONE;
            if (kind == GAP_NONE)
                kind = GAP_COMMA;
        } else if (S_is(c, i, W_THE) && kind != GAP_NONE) {
            continue;
        } else if (kind != GAP_NONE && S_modifier(c, i) && ++adjectives <= 3) {
            continue;
        } else {
            return GAP_NONE;
        }
    }
    return kind;
}

static void S_merge(unit *into, const unit *u)
{
    for (uint32_t k = 0; k < u->n_codes && into->n_codes < MAX_MEMBERS; k++)
        memcpy(into->codes[into->n_codes++], u->codes[k], TX_CODE_MAX);
    into->end = u->end;
}

/* Merges "A, B and C" into one unit with several members.  Commas alone make no list:
 * "Gondor, a senior Bree official" is an apposition, so a chain of comma gaps counts only
 * up to its last conjunction. */
static int S_adverbial(const tx_coder *c, size_t pos);

/* Is the phrase at `pos` inside an introductory clause ("Just weeks before Russia's invasion
 * of Ukraine, Xi and Putin announced ...")?  Then the comma after it ends the clause and
 * starts no list. */
static int S_introductory(const tx_coder *c, size_t pos)
{
    for (size_t p = pos; p-- > 0;) {
        if (S_is(c, p, W_COMMA) || S_is(c, p, W_SEMI))
            return 0;
        if (S_adverbial(c, p))
            return 1;
    }
    return 0;
}

static void S_find_compounds(tx_coder *c)
{
    size_t out = 0;
    for (size_t i = 0; i < c->n_units;) {
        size_t last = i;  /* the chain's last member joined by a conjunction */
        for (size_t j = i + 1; j < c->n_units; j++) {
            int gap = S_compound_gap(c, c->units[j - 1].end, c->units[j].first);
            if (gap == GAP_NONE || (gap == GAP_COMMA && S_introductory(c, c->units[j - 1].first)))
                break;
            if (gap == GAP_CONJ)
                last = j;
        }
        unit merged = c->units[i];
        for (size_t j = i + 1; j <= last; j++)
            S_merge(&merged, &c->units[j]);
        c->units[out++] = merged;
        i = last + 1;
    }
    c->n_units = out;
}

static int S_index_units(tx_coder *c)
{
    size_t n = c->kept.count + 1;
    if (S_grow((void **)&c->unit_starting, &c->cap_positions, n, sizeof(int32_t)) < 0)
        return -1;
    int32_t *ending = realloc(c->unit_ending, c->cap_positions * sizeof(int32_t));
    if (ending)
        c->unit_ending = ending;
    int32_t *covering = realloc(c->unit_covering, c->cap_positions * sizeof(int32_t));
    if (covering)
        c->unit_covering = covering;
    if (!ending || !covering)
        return -1;
    for (size_t i = 0; i < n; i++)
        c->unit_starting[i] = c->unit_ending[i] = c->unit_covering[i] = -1;
    for (size_t k = 0; k < c->n_units; k++) {
        c->unit_starting[c->units[k].first] = (int32_t)k;
        c->unit_ending[c->units[k].end - 1] = (int32_t)k;
        for (uint32_t p = c->units[k].first; p < c->units[k].end; p++)
            c->unit_covering[p] = (int32_t)k;
    }
    return 0;
}

/* ---- verbs ---- */

/* A lower-case word that looks like an adjective by its ending ("deadliest", "brutal",
 * "escalating", "recent"); used only between a determiner and a verb form. */
static int S_adjective(const tx_coder *c, size_t pos)
{
    static const char *const endings[] = {"EST", "IVE", "OUS", "FUL", "AL", "IC", "ING", "ED",
                                          "ABLE", "IBLE", "LESS", "ISH"};
    const tx_token *t = &c->kept.items[pos];
    if (t->kind != TX_TOKEN_WORD || (t->flags & TX_TOKEN_CAPITAL) || S_function_word(c, pos))
        return 0;
    const char *key = tx_tokens_key(&c->kept, pos);
    size_t n = t->key_len;
    for (size_t i = 0; i < TX_ARRAY_SIZE(endings); i++) {
        size_t m = strlen(endings[i]);
        if (n > m + 2 && memcmp(key + n - m, endings[i], m) == 0)
            return 1;
    }
    return 0;
}

static int S_noun_context(const tx_coder *c, size_t pos)
{
    static const int determiners[] = {W_THE, W_A, W_AN, W_ITS, W_THEIR, W_HIS, W_HER, W_OUR,
                                      W_MY, W_YOUR, W_POSS, W_THIS, W_THESE, W_THOSE};
    if (pos > 0 && S_is_any(c, pos - 1, determiners, TX_ARRAY_SIZE(determiners)))
        return 1;
    /* "their deadliest attack", "an escalating battle": a determiner and an adjective */
    return pos > 1 && S_is_any(c, pos - 2, determiners, TX_ARRAY_SIZE(determiners)) &&
           c->unit_covering[pos - 1] < 0 && S_adjective(c, pos - 1);
}

/* Prepositions after which a verb form is a noun unless it is a gerund ("to" is left out:
 * "to attack" is an infinitive). */
static const int S_nominal_preps[] = {W_OF, W_IN, W_ON, W_FOR, W_WITH, W_AGAINST, W_AFTER,
                                      W_BEFORE, W_DURING, W_OVER, W_ABOUT, W_FROM, W_AMONG,
                                      W_BETWEEN, W_UNDER, W_WITHOUT, W_THROUGH, W_INTO};

static int S_find_verbs(tx_coder *c)
{
    c->n_verbs = 0;
    size_t n = c->kept.count;
    for (size_t pos = 0; pos < n;) {
        uint32_t form;
        if (c->unit_covering[pos] >= 0) {
            pos++;
            continue;
        }
        size_t len = tx_verbs_match(c->dict.verbs, &c->kept, pos, &form);
        /* "a line of attack", "amid protests", "after talks": after a preposition only a
         * gerund is a verb ("by attacking", "after meeting") */
        int after_preposition = len && pos > 0 && S_is_any(c, pos - 1, S_nominal_preps,
                                                            TX_ARRAY_SIZE(S_nominal_preps)) &&
                                c->dict.verbs->forms[form].kind != TX_FORM_GERUND;
        if (!len || after_preposition || S_noun_context(c, pos)) {
            pos++;
            continue;
        }
        if (S_grow((void **)&c->verbs, &c->cap_verbs, c->n_verbs + 1, sizeof(verb)) < 0)
            return -1;
        c->verbs[c->n_verbs++] = (verb){(uint32_t)pos, (uint32_t)(pos + len), form};
        pos += len;
    }
    return 0;
}

/* ---- patterns ---- */

typedef struct {
    int32_t source, target, compound;  /* unit indices bound by $ + %, or -1 */
} binding;

static int S_match_lower(tx_coder *c, const tx_pattern_elem *e, size_t count, size_t pos,
                         binding *b);
static int S_match_upper(tx_coder *c, const tx_pattern_elem *e, size_t count, long pos,
                         binding *b);

static void S_bind(binding *b, uint8_t kind, int32_t u)
{
    if (kind == TX_ELEM_SOURCE)
        b->source = u;
    else if (kind == TX_ELEM_TARGET)
        b->target = u;
    else if (kind == TX_ELEM_COMPOUND)
        b->compound = u;
}

static int S_match_lower(tx_coder *c, const tx_pattern_elem *e, size_t count, size_t pos,
                         binding *b)
{
    if (count == 0)
        return 1;
    size_t n = c->kept.count;
    size_t last = e->adjacent ? TX_MIN(pos + 1, n) : n;
    for (size_t p = pos; p < last; p++) {
        if (--c->budget < 0)
            return 0;
        if (e->kind == TX_ELEM_WORD) {
            if (S_w(c, p) == e->id && S_match_lower(c, e + 1, count - 1, p + 1, b))
                return 1;
        } else if (e->kind == TX_ELEM_SYNSET) {
            size_t len = tx_verbs_synset_match(c->dict.verbs, e->id, &c->kept, p);
            if (len && S_match_lower(c, e + 1, count - 1, p + len, b))
                return 1;
        } else {
            int32_t u = c->unit_starting[p];
            if (u < 0 || (e->kind == TX_ELEM_COMPOUND && c->units[u].n_codes < 2))
                continue;
            binding saved = *b;
            S_bind(b, e->kind, u);
            if (S_match_lower(c, e + 1, count - 1, c->units[u].end, b))
                return 1;
            *b = saved;
        }
    }
    return 0;
}

static int S_match_upper(tx_coder *c, const tx_pattern_elem *e, size_t count, long pos,
                         binding *b)
{
    if (count == 0)
        return 1;
    long last = e->adjacent ? pos - 1 : -1;
    for (long p = pos; p > last && p >= 0; p--) {
        if (--c->budget < 0)
            return 0;
        if (e->kind == TX_ELEM_WORD) {
            if (S_w(c, (size_t)p) == e->id && S_match_upper(c, e + 1, count - 1, p - 1, b))
                return 1;
        } else if (e->kind == TX_ELEM_SYNSET) {
            size_t len = tx_verbs_synset_match_back(c->dict.verbs, e->id, &c->kept, (size_t)p);
            if (len && S_match_upper(c, e + 1, count - 1, p - (long)len, b))
                return 1;
        } else {
            int32_t u = c->unit_ending[p];
            if (u < 0 || (e->kind == TX_ELEM_COMPOUND && c->units[u].n_codes < 2))
                continue;
            binding saved = *b;
            S_bind(b, e->kind, u);
            if (S_match_upper(c, e + 1, count - 1, (long)c->units[u].first - 1, b))
                return 1;
            *b = saved;
        }
    }
    return 0;
}

static int S_synset_present(tx_coder *c, uint32_t synset)
{
    if (c->synset_checked[synset] != c->generation) {
        const tx_verbs *d = c->dict.verbs;
        const tx_synset *set = &d->synsets[synset];
        const uint32_t *p = d->synset_words + set->first;
        uint8_t present = 0;
        for (uint32_t k = 0; k < set->count && !present; k++) {
            uint32_t n = *p++;
            present = p[0] < c->n_words && c->word_seen[p[0]] == c->generation;
            p += n;
        }
        c->synset_checked[synset] = c->generation;
        c->synset_present[synset] = present;
    }
    return c->synset_present[synset];
}

/* Can the pattern match at all: does every word it names occur in the sentence? */
static int S_pattern_possible(tx_coder *c, const tx_pattern *p)
{
    const tx_pattern_elem *e = c->dict.verbs->elems + p->first;
    for (size_t i = 0, n = (size_t)p->n_upper + p->n_lower; i < n; i++) {
        if (e[i].kind == TX_ELEM_WORD &&
            (e[i].id >= c->n_words || c->word_seen[e[i].id] != c->generation))
            return 0;
        if (e[i].kind == TX_ELEM_SYNSET && !S_synset_present(c, e[i].id))
            return 0;
    }
    return 1;
}

static const tx_pattern *S_match_patterns(tx_coder *c, const verb *v, binding *b)
{
    const tx_verbs *d = c->dict.verbs;
    const tx_verb_block *block = &d->blocks[d->forms[v->form].block];
    c->budget = MATCH_BUDGET;
    for (uint32_t i = 0; i < block->n_patterns; i++) {
        const tx_pattern *p = &d->patterns[block->first_pattern + i];
        const tx_pattern_elem *e = d->elems + p->first;
        if (!S_pattern_possible(c, p))
            continue;
        *b = (binding){-1, -1, -1};
        if (S_match_upper(c, e, p->n_upper, (long)v->first - 1, b) &&
            S_match_lower(c, e + p->n_upper, p->n_lower, v->end, b))
            return p;
    }
    return NULL;
}

/* ---- source, target, events ---- */

static int S_after_preposition(const tx_coder *c, const unit *u)
{
    static const int preps[] = {W_IN, W_AT, W_FROM, W_OF, W_WITH, W_TO, W_BY, W_FOR, W_ON,
                                W_INTO, W_AGAINST, W_BETWEEN, W_OVER, W_ABOUT, W_AMONG,
                                W_THROUGH, W_UNDER, W_DURING, W_TOWARD, W_TOWARDS, W_NEAR,
                                W_WITHOUT};
    size_t p = u->first;
    while (p > 0 && (S_is(c, p - 1, W_THE) || S_is(c, p - 1, W_A) || S_is(c, p - 1, W_AN)))
        p--;
    return p > 0 && S_is_any(c, p - 1, preps, TX_ARRAY_SIZE(preps));
}

static int32_t S_subject(const tx_coder *c, size_t before)
{
    int32_t any = -1;
    for (size_t k = c->n_units; k-- > 0;) {
        const unit *u = &c->units[k];
        if (u->end > before)
            continue;
        if (any < 0)
            any = (int32_t)k;
        if (!S_after_preposition(c, u))
            return (int32_t)k;
    }
    return any;
}

static int S_verb_starts(const tx_coder *c, size_t pos)
{
    for (size_t v = 0; v < c->n_verbs; v++)
        if (c->verbs[v].first == pos)
            return 1;
    return 0;
}

/* The first actor phrase after the verb.  Past a comma, a phrase followed by a verb is the
 * subject of the next clause, not an object ("... burned down its embassy, a senior official
 * said"), and a semicolon ends the search. */
static int32_t S_object(const tx_coder *c, size_t after)
{
    for (size_t k = 0; k < c->n_units; k++) {
        const unit *u = &c->units[k];
        if (u->first < after)
            continue;
        int comma = 0;
        for (size_t p = after; p < u->first; p++) {
            if (S_is(c, p, W_SEMI))
                return -1;
            comma |= S_is(c, p, W_COMMA);
        }
        if (comma && S_verb_starts(c, u->end))
            return -1;
        return (int32_t)k;
    }
    return -1;
}

/* The actor phrase after "by" that follows a passive verb, in its clause. */
static int32_t S_agent_by(const tx_coder *c, size_t after)
{
    for (size_t p = after; p < c->kept.count; p++) {
        if (S_is(c, p, W_COMMA) || S_is(c, p, W_SEMI) || S_verb_starts(c, p))
            return -1;
        if (S_is(c, p, W_BY))
            return S_object(c, p + 1);
    }
    return -1;
}

static int S_passive(const tx_coder *c, const verb *v)
{
    const tx_verb_form *f = &c->dict.verbs->forms[v->form];
    /* "is attacking" is progressive and "is to visit" an infinitive, not passive */
    if ((f->kind != TX_FORM_PAST && f->kind != TX_FORM_EXPLICIT) || S_is(c, v->first, W_TO))
        return 0;
    /* "is committed to", "are opposed to": a state of the subject, which stays the source */
    if (v->end < c->kept.count && S_is(c, v->end, W_TO))
        return 0;
    static const int be[] = {W_IS, W_ARE, W_WAS, W_WERE, W_BE, W_BEEN, W_BEING, W_GET, W_GOT};
    static const int joins[] = {W_AND, W_OR, W_BUT};  /* "was saddened and pledged" */
    for (size_t back = 1; back <= 3 && back <= v->first; back++) {
        size_t p = v->first - back;
        if (S_is_any(c, p, be, TX_ARRAY_SIZE(be)))
            return 1;
        if (c->kept.items[p].kind != TX_TOKEN_WORD || c->unit_ending[p] >= 0 ||
            S_is_any(c, p, joins, TX_ARRAY_SIZE(joins)))
            return 0;
    }
    return 0;
}

typedef struct {
    tx_event *events;
    size_t count, max;
} event_list;

static void S_fill_actor(const tx_coder *c, tx_event_actor *a, const unit *u, const char *code)
{
    if (!u) {
        strcpy(a->code, "---");
        a->start = a->end = 0;
        return;
    }
    snprintf(a->code, sizeof(a->code), "%s", code);
    a->start = c->kept.items[u->first].start;
    a->end = c->kept.items[u->end - 1].end;
}

static void S_emit(const tx_coder *c, event_list *list, const unit *src, uint32_t si,
                   const unit *tgt, uint32_t ti, const char *code, const verb *v,
                   uint32_t line, int paired)
{
    const char *s = src ? src->codes[si] : NULL, *t = tgt ? tgt->codes[ti] : NULL;
    if (s && t && strcmp(s, t) == 0)
        return;  /* an actor does not act on itself */
    for (size_t i = 0; i < list->count; i++) {
        tx_event *e = &list->events[i];
        if (strcmp(e->code, code) == 0 && strcmp(e->source.code, s ? s : "---") == 0 &&
            strcmp(e->target.code, t ? t : "---") == 0)
            return;
    }
    if (list->count == list->max)
        return;
    tx_event *e = &list->events[list->count++];
    memset(e, 0, sizeof(*e));
    S_fill_actor(c, &e->source, src, s);
    S_fill_actor(c, &e->target, tgt, t);
    e->code = code;
    e->verb_start = c->kept.items[v->first].start;
    e->verb_end = c->kept.items[v->end - 1].end;
    e->pattern_line = line;
    e->block = c->dict.verbs->forms[v->form].block;
    e->paired = (uint8_t)paired;
}

static int S_real_code(const char *code) { return code && strcmp(code, "---") != 0; }

/* Emits every member-by-member event of one verb; returns how many were new. */
static size_t S_emit_all(const tx_coder *c, event_list *list, const unit *src, const unit *tgt,
                         const char *code, const char *pair, const verb *v, uint32_t line,
                         const tx_coder_options *o)
{
    size_t before = list->count;
    if ((!src || !tgt) && (o->require_dyad || (!src && !tgt)))
        return 0;
    uint32_t ns = src ? src->n_codes : 1, nt = tgt ? tgt->n_codes : 1;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t j = 0; j < nt; j++) {
            if (o->named_actors && ((src && strncmp(src->codes[i], "---", 3) == 0) ||
                                    (tgt && strncmp(tgt->codes[j], "---", 3) == 0)))
                continue;
            if (S_real_code(code))
                S_emit(c, list, src, i, tgt, j, code, v, line, 0);
            if (S_real_code(pair) && src && tgt)
                S_emit(c, list, tgt, j, src, i, pair, v, line, 1);
        }
    return list->count - before;
}

static size_t S_emit_compound(const tx_coder *c, event_list *list, const unit *u,
                              const char *code, const verb *v, uint32_t line)
{
    size_t before = list->count;
    for (uint32_t i = 0; i < u->n_codes; i++)
        for (uint32_t j = 0; j < u->n_codes; j++)
            if (i != j && S_real_code(code))
                S_emit(c, list, u, i, u, j, code, v, line, 0);
    return list->count - before;
}

/* Codes one verb; *source receives the source unit used (for conjoined verbs). */
static size_t S_code_verb(tx_coder *c, const verb *v, int32_t inherited, event_list *list,
                          const tx_coder_options *o, int32_t *source)
{
    const tx_verbs *d = c->dict.verbs;
    const tx_verb_form *f = &d->forms[v->form];
    const tx_verb_block *block = &d->blocks[f->block];
    binding b;
    const tx_pattern *p = S_match_patterns(c, v, &b);
    const char *code = f->code ? f->code : block->code;
    const char *pair = f->code ? f->pair_code : block->pair_code;
    uint32_t line = f->line;
    if (p) {
        code = p->code;
        pair = p->pair_code;
        line = p->line;
    }
    int32_t subject = inherited >= 0 ? inherited : S_subject(c, v->first);
    int32_t object = S_object(c, v->end);
    int32_t src = subject, tgt = object;
    int passive = S_passive(c, v);
    int32_t agent = passive ? S_agent_by(c, v->end) : -1;
    if (passive && (agent >= 0 || o->passive_patient) && !(p && (b.source >= 0 || b.target >= 0))) {
        /* "Osgiliath was condemned by Gondor": the agent acts on the subject; without an
         * agent ("members of the army have been charged") nobody named acted */
        src = agent;
        tgt = subject;
    }
    if (p && b.compound >= 0) {
        if (c->units[b.compound].first < v->first) {  /* "% HAVE *": members act on each other */
            /* ... when they are the subject: not "talks between the U.S. and Canada" */
            if (S_after_preposition(c, &c->units[b.compound]))
                return 0;
            return S_emit_compound(c, list, &c->units[b.compound], code, v, line);
        }
        tgt = b.compound;                            /* "* WITH %": the members are targets */
    }
    if (p && b.source >= 0)
        src = b.source;
    if (p && b.target >= 0) {
        tgt = b.target;
        /* "- NOTED + *": a target before the verb; the source is the subject before it */
        if (b.source < 0 && inherited < 0 && c->units[tgt].first < v->first)
            src = S_subject(c, c->units[tgt].first);
    }
    if (src >= 0 && src == tgt)
        tgt = -1;
    *source = src;
    return S_emit_all(c, list, src >= 0 ? &c->units[src] : NULL, tgt >= 0 ? &c->units[tgt] : NULL,
                      code, pair, v, line, o);
}

static int S_subordinator(const tx_coder *c, size_t pos)
{
    static const int subs[] = {W_THAT, W_WHICH, W_WHO, W_WHEN, W_WHILE, W_AFTER, W_BEFORE,
                               W_BECAUSE, W_IF, W_WHERE, W_SINCE, W_UNTIL};
    return S_is_any(c, pos, subs, TX_ARRAY_SIZE(subs));
}

/* Is verb v conjoined to the previous one ("condemned ... and promised")? */
static int S_conjoined(const tx_coder *c, const verb *v, const verb *prev)
{
    static const int aux[] = {W_HAS, W_HAVE, W_HAD, W_WILL, W_WOULD, W_ALSO, W_NOT, W_NT};
    size_t p = v->first;
    while (p > prev->end && S_is_any(c, p - 1, aux, TX_ARRAY_SIZE(aux)))
        p--;
    return p > prev->end && (S_is(c, p - 1, W_AND) || S_is(c, p - 1, W_BUT));
}

/* Does verb v start a clause of its own after the previously coded verb: a comma or
 * semicolon, then its own subject, and no subordinating word in between? */
static int S_adverbial(const tx_coder *c, size_t pos)
{
    static const int subs[] = {W_WHEN, W_WHILE, W_AFTER, W_BEFORE, W_BECAUSE, W_SINCE, W_UNTIL,
                               W_AS};
    return S_is_any(c, pos, subs, TX_ARRAY_SIZE(subs));
}

/* Does verb v start a clause of its own after the previously coded verb?  Either a comma or
 * semicolon, then its own subject, and no subordinating word in between; or an adverbial
 * clause ("as Sullivan meets ...", "after Gondor attacked ...") with its own subject.
 * Complement clauses ("noted that X regretted Y") stay part of the verb before them. */
enum { CLAUSE_NONE, CLAUSE_MAIN, CLAUSE_ADVERBIAL };

/* Does verb v start a clause of its own after the previously coded verb?  CLAUSE_MAIN: a
 * comma or semicolon, then its own subject, and no subordinating word in between.
 * CLAUSE_ADVERBIAL: "as Sullivan meets ...", "after Gondor attacked ..." with its own
 * subject.  Complement clauses ("noted that X regretted Y") stay part of the verb before. */
static int S_new_clause(const tx_coder *c, const verb *v, const verb *prev)
{
    size_t punct = SIZE_MAX, adverbial = SIZE_MAX;
    for (size_t p = prev->end; p < v->first; p++) {
        if (S_is(c, p, W_COMMA) || S_is(c, p, W_SEMI))
            punct = p;
        else if (S_adverbial(c, p))
            adverbial = p;
    }
    int32_t s = S_subject(c, v->first);
    if (adverbial != SIZE_MAX && (punct == SIZE_MAX || adverbial > punct))
        return s >= 0 && c->units[s].first > adverbial ? CLAUSE_ADVERBIAL : CLAUSE_NONE;
    if (punct == SIZE_MAX)
        return CLAUSE_NONE;
    for (size_t p = punct + 1; p < v->first; p++)
        if (S_subordinator(c, p))
            return CLAUSE_NONE;
    return s < 0 || c->units[s].first > punct ? CLAUSE_MAIN : CLAUSE_NONE;
}

static void S_code_sentence(tx_coder *c, const tx_coder_options *o, event_list *list)
{
    const verb *prev = NULL;
    int32_t prev_source = -1;
    tx_coder_options dyadic = *o;
    dyadic.require_dyad = 1;
    for (size_t i = 0; i < c->n_verbs; i++) {
        const verb *v = &c->verbs[i];
        int32_t inherited = -1;
        const tx_coder_options *options = o;
        if (prev) {
            int clause = CLAUSE_MAIN;
            if (S_conjoined(c, v, prev))
                inherited = prev_source;
            else if ((clause = S_new_clause(c, v, prev)) == CLAUSE_NONE)
                continue;
            /* an adverbial clause adds an event only with both its actors */
            if (clause == CLAUSE_ADVERBIAL)
                options = &dyadic;
        }
        int32_t source = -1;
        if (S_code_verb(c, v, inherited, list, options, &source) > 0) {
            prev = v;
            prev_source = source;
        }
    }
}

static void S_lookup_words(tx_coder *c)
{
    if (++c->generation == 0) {  /* wrapped: forget all stamps */
        memset(c->word_seen, 0, c->n_words * sizeof(uint32_t));
        memset(c->synset_checked, 0, (c->dict.verbs->n_synsets + 1) * sizeof(uint32_t));
        c->generation = 1;
    }
    for (size_t i = 0; i < c->tokens.count; i++) {
        tx_token *t = &c->tokens.items[i];
        t->word = tx_lexicon_find(c->dict.lex, c->tokens.keys.data + t->key, t->key_len);
        /* "told us" is no USA: acronyms count only when the text capitalises them */
        if (!(t->flags & TX_TOKEN_CAPITAL) && tx_entities_acronym(c->dict.entities, t->word))
            t->word = TX_WORD_NONE;
        if (t->word < c->n_words)
            c->word_seen[t->word] = c->generation;
    }
}

static void S_find_mentions(tx_coder *c);
static void S_learn_surnames(tx_coder *c);

tx_sentence_status tx_coder_code(tx_coder *c, const char *text, size_t start, size_t end,
                                 int32_t date, const tx_coder_options *o, tx_event *events,
                                 size_t *count)
{
    *count = 0;
    c->date = date;
    c->n_mentions = 0;
    /* A dateline ("GENEVA, Nov 20 (Reuters) -") names where the story was filed, not an actor. */
    start += tx_dateline_length(text + start, end - start);
    tx_tokens_clear(&c->tokens);
    if (tx_tokenize(text, start, end, &c->tokens) < 0)
        return TX_SENTENCE_CODED;
    S_lookup_words(c);
    if (c->dict.discards) {
        tx_discard_kind kind = tx_discards_match(c->dict.discards, &c->tokens, NULL, NULL, NULL);
        if (kind == TX_DISCARD_STORY)
            return TX_SENTENCE_STORY_DISCARDED;
        if (kind == TX_DISCARD_SENTENCE)
            return TX_SENTENCE_DISCARDED;
    }
    if (S_find_appositions(c, date, o) < 0 || S_delete_commas(c, o) < 0 ||
        S_find_units(c, date) < 0 || S_add_appositions(c) < 0)
        return TX_SENTENCE_CODED;
    S_find_compounds(c);
    if (S_index_units(c) < 0 || S_find_verbs(c) < 0)
        return TX_SENTENCE_CODED;
    if (c->trace)
        S_trace(c);
    event_list list = {events, 0, TX_EVENTS_MAX};
    S_code_sentence(c, o, &list);
    *count = list.count;
    c->n_mentions = 0;
    if (c->dict.entities && tx_entities_count(c->dict.entities)) {
        S_find_mentions(c);
        S_learn_surnames(c);
    }
    return TX_SENTENCE_CODED;
}

void tx_coder_begin_article(tx_coder *c) { c->n_surnames = 0; }

/* Finds the dictionary names of the sentence, longest first, left to right, over all its
 * tokens (also those in clauses the coder set aside). */
static void S_find_mentions(tx_coder *c)
{
    c->n_mentions = 0;
    for (size_t i = 0; i < c->tokens.count && c->n_mentions < TX_ARRAY_SIZE(c->mentions);) {
        uint32_t phrase;
        size_t which, len = S_actor_match(c, &c->tokens, i, &phrase);
        const tx_token *last = &c->tokens.items[i + (len ? len - 1 : 0)];
        if (len) {
            c->mention_last_word[c->n_mentions] = len >= 2 ? last->word : TX_WORD_NONE;
            c->mentions[c->n_mentions++] = (tx_mention){
                c->tokens.items[i].start, last->end, phrase,
                tx_actors_code(c->dict.actors, phrase, c->date)};
        } else if ((len = S_surname_in(c, &c->tokens, i, &which))) {
            /* "Mr Sullivan": the person named in full earlier in the article */
            last = &c->tokens.items[i + len - 1];
            c->mention_last_word[c->n_mentions] = TX_WORD_NONE;
            c->mentions[c->n_mentions++] = (tx_mention){
                c->tokens.items[i].start, last->end, c->surnames[which].phrase,
                c->surnames[which].code};
        } else {
            i++;
            continue;
        }
        i += len;
    }
}

/* Remembers the surnames of the people named in full in this sentence. */
static void S_learn_surnames(tx_coder *c)
{
    for (size_t k = 0; k < c->n_mentions; k++) {
        const tx_mention *m = &c->mentions[k];
        const tx_entity *e = tx_entities_of_phrase(c->dict.entities, c->dict.actors, m->phrase);
        if (c->mention_last_word[k] != TX_WORD_NONE && e && e->kind == TX_ENTITY_PERSON &&
            m->code && strcmp(m->code, "---") != 0 && c->n_surnames < TX_ARRAY_SIZE(c->surnames)) {
            c->surnames[c->n_surnames].word = c->mention_last_word[k];
            c->surnames[c->n_surnames].phrase = m->phrase;
            snprintf(c->surnames[c->n_surnames].code, TX_CODE_MAX, "%s", m->code);
            c->n_surnames++;
        }
    }
}

size_t tx_coder_mentions(const tx_coder *c, tx_mention *out, size_t max)
{
    size_t n = TX_MIN(max, c->n_mentions);
    memcpy(out, c->mentions, n * sizeof(*out));
    return n;
}
