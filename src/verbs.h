/* verbs.h: the verb dictionary: verb forms, their blocks' codes, and the patterns that refine them. */
#ifndef TX_VERBS_H
#define TX_VERBS_H

#include "arena.h"
#include "diag.h"
#include "lexicon.h"
#include "token.h"
#include "trie.h"

/* How a verb form was made; the coder uses it to recognise the passive voice. */
typedef enum {
    TX_FORM_BASE,      /* as written: ABANDON */
    TX_FORM_THIRD,     /* ABANDONS */
    TX_FORM_PAST,      /* ABANDONED: past tense and participle */
    TX_FORM_GERUND,    /* ABANDONING */
    TX_FORM_EXPLICIT   /* listed in { } : may be any of the above (BROKE, BROKEN) but a
                        * gerund, which a listed form ending in -ING is marked as */
} tx_form_kind;

typedef enum {
    TX_ELEM_WORD,      /* one word (lexicon id) */
    TX_ELEM_SYNSET,    /* any member of a synset (synset index) */
    TX_ELEM_SOURCE,    /* $ : the source actor is here */
    TX_ELEM_TARGET,    /* + : the target actor is here */
    TX_ELEM_COMPOUND,  /* % : a compound actor supplies source and target */
    TX_ELEM_SKIP       /* ^ : skip one actor */
} tx_elem_kind;

typedef struct {
    uint8_t kind;      /* tx_elem_kind */
    uint8_t adjacent;  /* must touch the previous element (or the verb): a '_' connector */
    uint32_t id;       /* word id or synset index */
} tx_pattern_elem;

typedef struct {
    uint32_t block;
    uint32_t first;            /* index of the first element in tx_verbs.elems */
    uint16_t n_upper, n_lower; /* upper elements are stored nearest-the-verb first */
    uint16_t weight;           /* literal elements; heavier patterns are tried first */
    const char *code;          /* active code; NULL = none ([:P] patterns) */
    const char *pair_code;     /* passive/paired code, or NULL */
    uint32_t line;
} tx_pattern;

typedef struct {
    const char *name;        /* the block's name from its --- header */
    const char *code;        /* the block's default code, "---" = none */
    const char *pair_code;   /* the block's paired code, or NULL */
    uint32_t first_pattern;  /* patterns of the block, heaviest first */
    uint32_t n_patterns;
    uint32_t line;
} tx_verb_block;

typedef struct {
    uint32_t block;
    const char *code;        /* this verb line's own code, or NULL for the block's */
    const char *pair_code;
    uint16_t n_words;        /* words in the form (multi-word verbs have several) */
    uint16_t head;           /* index of the verb proper within the form (the + word) */
    uint8_t kind;            /* tx_form_kind */
    uint32_t line;
} tx_verb_form;

typedef struct {
    uint32_t first, count;   /* phrases: ranges in tx_verbs.synset_words, see below */
    const char *name;
} tx_synset;

typedef struct tx_verbs {
    tx_lexicon *lex;         /* shared, not owned */
    const char *path;        /* of the last file loaded (owned, for "file:line") */
    tx_arena arena;
    tx_trie *forms_trie;     /* form word sequences -> index into forms */
    tx_verb_form *forms;
    size_t n_forms, cap_forms;
    tx_verb_block *blocks;
    size_t n_blocks, cap_blocks;
    tx_pattern *patterns;
    size_t n_patterns, cap_patterns;
    tx_pattern_elem *elems;
    size_t n_elems, cap_elems;
    tx_synset *synsets;
    size_t n_synsets, cap_synsets;
    /* Synset phrases: for each phrase a length n followed by n word ids. */
    uint32_t *synset_words;
    size_t n_synset_words, cap_synset_words;
    size_t n_transformations; /* ~ lines seen (not yet applied) */
} tx_verbs;

tx_verbs *tx_verbs_new(tx_lexicon *lex);
void tx_verbs_free(tx_verbs *verbs);

/* Reads a verb dictionary in either PETRARCH dialect (DICTIONARY_FORMATS.md §4): blocks,
 * verb lines with regular or explicit forms, multi-word verbs, synsets (also nested),
 * linear TABARI patterns and PETRARCH-2 syntactic patterns (read linearly).  Problems are
 * reported as "path:line: ..." and skipped. */
tx_status tx_verbs_load(tx_verbs *verbs, const char *path, tx_diag *diag);
tx_status tx_verbs_load_buffer(tx_verbs *verbs, const char *name, const char *data, size_t len,
                               tx_diag *diag);

/* The longest verb form starting at tokens->items[first]; returns its length in tokens
 * (0 if none) and the form index in *form. */
size_t tx_verbs_match(const tx_verbs *verbs, const tx_tokens *tokens, size_t first,
                      uint32_t *form);

/* Does a member of synset `synset` start at tokens->items[first]?  Returns its length in
 * tokens (longest member), 0 if none. */
size_t tx_verbs_synset_match(const tx_verbs *verbs, uint32_t synset, const tx_tokens *tokens,
                             size_t first);

/* The same, matching backwards: a member that ends at tokens->items[last]. */
size_t tx_verbs_synset_match_back(const tx_verbs *verbs, uint32_t synset,
                                  const tx_tokens *tokens, size_t last);

#endif
