/* entities.c: reads tacitus's line-per-entry dictionaries into the actor and agent tables. */
#include "entities.h"

#include "dictfile.h"
#include "token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_NAMES = 64, MAX_COLUMNS = 8 };

struct tx_entities {
    tx_arena arena;
    tx_entity *items;
    size_t count, cap;
    uint64_t *acronyms;  /* bit per lexicon id */
    size_t acronym_units;
};

static const char *const S_kinds[] = {"country", "place", "org", "person", "media", "region"};

const char *tx_entity_kind_name(tx_entity_kind kind)
{
    return (size_t)kind < TX_ARRAY_SIZE(S_kinds) ? S_kinds[kind] : "unknown";
}

tx_entities *tx_entities_new(void) { return calloc(1, sizeof(tx_entities)); }

void tx_entities_free(tx_entities *e)
{
    if (!e)
        return;
    tx_arena_free(&e->arena);
    free(e->items);
    free(e->acronyms);
    free(e);
}

size_t tx_entities_count(const tx_entities *e) { return e->count; }

int tx_entities_acronym(const tx_entities *e, uint32_t word)
{
    return e && word / 64 < e->acronym_units && (e->acronyms[word / 64] >> (word % 64) & 1);
}

static int S_mark_acronym(tx_entities *e, uint32_t word)
{
    if (word / 64 >= e->acronym_units) {
        size_t units = e->acronym_units ? e->acronym_units : 256;
        while (units <= word / 64)
            units *= 2;
        uint64_t *bits = realloc(e->acronyms, units * sizeof(*bits));
        if (!bits)
            return -1;
        memset(bits + e->acronym_units, 0, (units - e->acronym_units) * sizeof(*bits));
        e->acronyms = bits;
        e->acronym_units = units;
    }
    e->acronyms[word / 64] |= (uint64_t)1 << (word % 64);
    return 0;
}

/* A name of one word of 2 to 5 capital letters ("US", "WHO") is an acronym. */
static int S_acronym(const char *s, size_t n)
{
    while (n && s[0] == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n < 2 || n > 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

const tx_entity *tx_entities_of_phrase(const tx_entities *e, const tx_actors *actors,
                                       uint32_t phrase)
{
    uint32_t tag = tx_actors_tag(actors, phrase);
    return e && tag < e->count ? &e->items[tag] : NULL;
}

/* Words that may stand before a surname without being a first name. */
static const char *const S_titles[] = {
    "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PRESIDENT", "PREMIER", "MINISTER",
    "CHANCELLOR", "KING", "QUEEN", "PRINCE", "PRINCESS", "EMIR", "SHEIKH", "SULTAN", "POPE",
    "SENATOR", "SEN.", "SEN", "REP.", "REP", "GOV.", "GOVERNOR", "GENERAL", "GEN.", "GEN",
    "SECRETARY", "AMBASSADOR", "CHAIRMAN", "CHAIRWOMAN", "CHAIR", "LEADER", "SPEAKER", "ENVOY",
    "JUDGE", "JUSTICE", "MAYOR", "COMMISSIONER", "COMMANDER", "ADMIRAL", "MARSHAL", "COLONEL",
    "CHIEF", "DIRECTOR", "SIR", "DAME", "LORD", "LADY", "AYATOLLAH", "PATRIARCH", "CARDINAL",
    "FOREIGN", "DEFENCE", "DEFENSE", "VICE", "DEPUTY", "FORMER", "INTERIM", "ACTING", NULL};

int tx_entities_other_person(const tx_entities *e, const tx_actors *actors,
                             const tx_tokens *tokens, size_t pos, size_t len, uint32_t phrase)
{
    if (len != 1 || pos == 0)
        return 0;
    const tx_token *before = &tokens->items[pos - 1];
    if (before->kind != TX_TOKEN_WORD || !(before->flags & TX_TOKEN_CAPITAL))
        return 0;
    const tx_entity *entity = tx_entities_of_phrase(e, actors, phrase);
    if (!entity || entity->kind != TX_ENTITY_PERSON)
        return 0;
    const char *key = tx_tokens_key(tokens, pos - 1);
    for (const char *const *t = S_titles; *t; t++)
        if (strcmp(key, *t) == 0)
            return 0;
    return 1;
}

/* ---- one line ---- */

typedef struct {
    const char *name;     /* file name, for messages */
    unsigned long line;
    tx_diag *diag;
    tx_tokens tokens;     /* scratch: a name's tokens */
    tx_buf phrases;       /* scratch: the names as token keys joined by blanks, NUL-separated */
    const char *list[MAX_NAMES];
    size_t n_list;
} reader;

static void S_reader_free(reader *r)
{
    tx_tokens_free(&r->tokens);
    tx_buf_free(&r->phrases);
}

/* Splits a line on TABs; returns the number of columns (at most max). */
static size_t S_columns(const char *s, size_t n, const char **col, size_t *len, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i <= n && count < max;) {
        const char *tab = memchr(s + i, '\t', n - i);
        size_t end = tab ? (size_t)(tab - s) : n;
        col[count] = s + i;
        len[count++] = end - i;
        i = end + 1;
        if (!tab)
            break;
    }
    return count;
}

static int S_is(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* Tokenizes each " | "-separated name exactly as article text is tokenized, so dictionary
 * phrases and text meet on the same keys ("China's" → CHINA 'S).  Fills r->list. */
static int S_names(reader *r, const char *s, size_t n)
{
    tx_buf_clear(&r->phrases);
    r->n_list = 0;
    size_t offsets[MAX_NAMES];
    for (size_t i = 0; i < n;) {
        const char *bar = memchr(s + i, '|', n - i);
        size_t end = bar ? (size_t)(bar - s) : n;
        tx_tokens_clear(&r->tokens);
        if (tx_tokenize(s, i, end, &r->tokens) < 0)
            return -1;
        if (r->tokens.count > 0) {
            if (r->n_list == MAX_NAMES) {
                tx_diag_report(r->diag, r->name, r->line, "expected at most %d names on a line",
                               MAX_NAMES);
                break;
            }
            offsets[r->n_list++] = r->phrases.len;
            for (size_t t = 0; t < r->tokens.count; t++) {
                if (t)
                    tx_buf_putc(&r->phrases, ' ');
                tx_buf_puts(&r->phrases, tx_tokens_key(&r->tokens, t));
            }
            tx_buf_putc(&r->phrases, '\0');
        }
        i = end + 1;
    }
    if (r->phrases.failed)
        return -1;
    for (size_t k = 0; k < r->n_list; k++)
        r->list[k] = r->phrases.data + offsets[k];
    return 0;
}

/* "-" or "YYYY-MM-DD..YYYY-MM-DD" with either end open. */
static int S_dates(const char *s, size_t n, int32_t *from, int32_t *to)
{
    *from = *to = 0;
    if (S_is(s, n, "-"))
        return 0;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots)
        return -1;
    size_t a = (size_t)(dots - s), b = n - a - 2;
    char buf[16];
    if (a) {
        if (a != 10 || s[4] != '-' || s[7] != '-')
            return -1;
        snprintf(buf, sizeof(buf), "%.4s%.2s%.2s", s, s + 5, s + 8);
        if ((*from = tx_actors_parse_date(buf, 8)) < 0)
            return -1;
    }
    if (b) {
        const char *e = dots + 2;
        if (b != 10 || e[4] != '-' || e[7] != '-')
            return -1;
        snprintf(buf, sizeof(buf), "%.4s%.2s%.2s", e, e + 5, e + 8);
        if ((*to = tx_actors_parse_date(buf, 8)) < 0)
            return -1;
    }
    return (a || b) && (!a || !b || *from <= *to) ? 0 : -1;
}

static int S_code_ok(const char *s, size_t n)
{
    if (S_is(s, n, "-"))
        return 1;
    if (n < 3 || n >= 40)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static int S_country_ok(const char *s, size_t n)
{
    return S_is(s, n, "-") || (n == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
                               s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z');
}

static long S_push(tx_entities *e, tx_entity_kind kind, const char *country, size_t country_len,
                   const char *name)
{
    if (e->count == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 256;
        tx_entity *items = realloc(e->items, cap * sizeof(*items));
        if (!items)
            return -1;
        e->items = items;
        e->cap = cap;
    }
    tx_entity *x = &e->items[e->count];
    memset(x, 0, sizeof(*x));
    x->kind = (uint8_t)kind;
    if (!S_is(country, country_len, "-"))
        memcpy(x->country, country, 3);
    x->name = tx_arena_strndup(&e->arena, name, strlen(name));
    if (!x->name)
        return -1;
    return (long)e->count++;
}

static int S_kind(const char *s, size_t n)
{
    for (size_t k = 0; k < TX_ARRAY_SIZE(S_kinds); k++)
        if (S_is(s, n, S_kinds[k]))
            return (int)k;
    return -1;
}

/* Marks the acronyms among the " | "-separated names. */
static int S_acronyms(tx_entities *e, tx_actors *actors, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *bar = memchr(s + i, '|', n - i);
        size_t end = bar ? (size_t)(bar - s) : n;
        const char *name = s + i;
        size_t len = end - i;
        while (len && *name == ' ')
            name++, len--;
        while (len && name[len - 1] == ' ')
            len--;
        if (S_acronym(name, len)) {
            uint32_t word = tx_lexicon_intern(tx_actors_lexicon(actors), name, len);
            if (!word || S_mark_acronym(e, word) < 0)
                return -1;
        }
        i = end + 1;
    }
    return 0;
}

static tx_status S_actor_line(tx_entities *e, tx_actors *actors, reader *r, const char *s,
                              size_t n)
{
    const char *col[MAX_COLUMNS];
    size_t len[MAX_COLUMNS];
    size_t count = S_columns(s, n, col, len, MAX_COLUMNS);
    int kind = count >= 4 ? S_kind(col[0], len[0]) : -1;
    int32_t from, to;
    if (count != 5 && count != 4) {
        tx_diag_report(r->diag, r->name, r->line,
                       "expected 5 TAB-separated columns: kind, code, dates, names, country");
        return TX_OK;
    }
    if (kind < 0) {
        tx_diag_report(r->diag, r->name, r->line,
                       "expected a kind (country, place, org, person, media, region), found '%.*s'",
                       (int)len[0], col[0]);
        return TX_OK;
    }
    if (!S_code_ok(col[1], len[1])) {
        tx_diag_report(r->diag, r->name, r->line, "expected a CAMEO code or '-', found '%.*s'",
                       (int)len[1], col[1]);
        return TX_OK;
    }
    if (S_dates(col[2], len[2], &from, &to) < 0) {
        tx_diag_report(r->diag, r->name, r->line,
                       "expected '-' or dates 'YYYY-MM-DD..YYYY-MM-DD', found '%.*s'", (int)len[2],
                       col[2]);
        return TX_OK;
    }
    const char *country = count == 5 ? col[4] : "-";
    size_t country_len = count == 5 ? len[4] : 1;
    if (!S_country_ok(country, country_len)) {
        tx_diag_report(r->diag, r->name, r->line,
                       "expected an ISO 3166-1 alpha-3 country or '-', found '%.*s'",
                       (int)country_len, country);
        return TX_OK;
    }
    if (S_names(r, col[3], len[3]) < 0 || S_acronyms(e, actors, col[3], len[3]) < 0)
        return TX_ERR_NOMEM;
    if (r->n_list == 0) {
        tx_diag_report(r->diag, r->name, r->line, "expected at least one name");
        return TX_OK;
    }
    char code[40];
    snprintf(code, sizeof(code), "%.*s", (int)len[1], col[1]);
    if (strcmp(code, "-") == 0)
        strcpy(code, "---");
    const char *first = col[3];
    const char *bar = memchr(first, '|', len[3]);  /* the buffer need not end in NUL */
    size_t first_len = bar ? (size_t)(bar - first) : len[3];
    while (first_len && first[first_len - 1] == ' ')
        first_len--;
    char display[256];
    snprintf(display, sizeof(display), "%.*s", (int)TX_MIN(first_len, sizeof(display) - 1), first);
    long tag = S_push(e, (tx_entity_kind)kind, country, country_len, display);
    if (tag < 0)
        return TX_ERR_NOMEM;
    return tx_actors_add(actors, r->list, r->n_list, code, from, to, (uint32_t)tag);
}

static double S_number(const char *s, size_t n, int *ok)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf)) {
        *ok = 0;
        return 0;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *end;
    double v = strtod(buf, &end);
    *ok = *end == '\0';
    return v;
}

/* The tag of the entity a whole phrase already names, or -1. */
static long S_existing(const tx_entities *e, tx_actors *actors, reader *r, const char *phrase)
{
    tx_lexicon *lex = tx_actors_lexicon(actors);
    tx_tokens_clear(&r->tokens);
    if (tx_tokenize(phrase, 0, strlen(phrase), &r->tokens) < 0)
        return -1;
    for (size_t i = 0; i < r->tokens.count; i++) {
        tx_token *t = &r->tokens.items[i];
        t->word = tx_lexicon_find(lex, tx_tokens_key(&r->tokens, i), t->key_len);
    }
    uint32_t phrase_id;
    if (tx_actors_match(actors, &r->tokens, 0, &phrase_id) != r->tokens.count)
        return -1;
    uint32_t tag = tx_actors_tag(actors, phrase_id);
    return tag < e->count ? (long)tag : -1;
}

static tx_status S_place_line(tx_entities *e, tx_actors *actors, reader *r, const char *s,
                              size_t n)
{
    const char *col[MAX_COLUMNS];
    size_t len[MAX_COLUMNS];
    size_t count = S_columns(s, n, col, len, MAX_COLUMNS);
    int ok_lat = 0, ok_lon = 0;
    double lat = count == 6 ? S_number(col[2], len[2], &ok_lat) : 0;
    double lon = count == 6 ? S_number(col[3], len[3], &ok_lon) : 0;
    if (count != 6) {
        tx_diag_report(r->diag, r->name, r->line, "expected 6 TAB-separated columns: names, "
                       "country, latitude, longitude, kind, population");
        return TX_OK;
    }
    if (!ok_lat || !ok_lon || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
        tx_diag_report(r->diag, r->name, r->line, "expected latitude and longitude in degrees");
        return TX_OK;
    }
    if (!S_country_ok(col[1], len[1]) || S_is(col[1], len[1], "-")) {
        tx_diag_report(r->diag, r->name, r->line, "expected an ISO 3166-1 alpha-3 country");
        return TX_OK;
    }
    if (S_names(r, col[0], len[0]) < 0)
        return TX_ERR_NOMEM;
    long place = -1;
    for (size_t k = 0; k < r->n_list; k++) {
        long tag = S_existing(e, actors, r, r->list[k]);
        if (tag >= 0 && e->items[tag].kind != TX_ENTITY_PERSON) {
            e->items[tag].has_point = 1;  /* a capital: Rome, Beijing */
            e->items[tag].latitude = (float)lat;
            e->items[tag].longitude = (float)lon;
            continue;
        }
        if (tag >= 0)
            continue;  /* a person's name: leave it be */
        if (place < 0) {
            char display[256];
            const char *bar = memchr(col[0], '|', len[0]);
            size_t first_len = bar ? (size_t)(bar - col[0]) : len[0];
            while (first_len && col[0][first_len - 1] == ' ')
                first_len--;
            snprintf(display, sizeof(display), "%.*s", (int)TX_MIN(first_len, 255), col[0]);
            if ((place = S_push(e, TX_ENTITY_PLACE, col[1], len[1], display)) < 0)
                return TX_ERR_NOMEM;
            e->items[place].has_point = 1;
            e->items[place].latitude = (float)lat;
            e->items[place].longitude = (float)lon;
        }
        tx_status st = tx_actors_add(actors, &r->list[k], 1, "---", 0, 0, (uint32_t)place);
        if (st != TX_OK)
            return st;
    }
    return TX_OK;
}

static tx_status S_agent_line(tx_agents *agents, reader *r, const char *s, size_t n)
{
    const char *col[MAX_COLUMNS];
    size_t len[MAX_COLUMNS];
    if (S_columns(s, n, col, len, MAX_COLUMNS) != 2) {
        tx_diag_report(r->diag, r->name, r->line,
                       "expected 2 TAB-separated columns: code (~XXX or XXX~), names");
        return TX_OK;
    }
    char code[40];
    snprintf(code, sizeof(code), "%.*s", (int)TX_MIN(len[0], sizeof(code) - 1), col[0]);
    if (S_names(r, col[1], len[1]) < 0)
        return TX_ERR_NOMEM;
    return tx_agents_add(agents, code, r->list, r->n_list, r->name, r->line, r->diag);
}

/* ---- files ---- */

typedef enum { FILE_ACTORS, FILE_PLACES, FILE_AGENTS } file_kind;

static tx_status S_load_buffer(file_kind kind, tx_entities *e, tx_actors *actors,
                               tx_agents *agents, const char *name, const char *data, size_t len,
                               tx_diag *diag)
{
    reader r;
    memset(&r, 0, sizeof(r));
    r.name = name;
    r.diag = diag;
    tx_status st = TX_OK;
    size_t pos = 0;
    while (st == TX_OK && pos < len) {
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + 1;
        r.line++;
        if (n && s[n - 1] == '\r')
            n--;
        if (n == 0 || s[0] == '#')
            continue;
        if (kind == FILE_ACTORS)
            st = S_actor_line(e, actors, &r, s, n);
        else if (kind == FILE_PLACES)
            st = S_place_line(e, actors, &r, s, n);
        else
            st = S_agent_line(agents, &r, s, n);
    }
    S_reader_free(&r);
    return st;
}

static tx_status S_load(file_kind kind, tx_entities *e, tx_actors *actors, tx_agents *agents,
                        const char *path, tx_diag *diag)
{
    char *data;
    size_t len;
    tx_status st = tx_file_read(path, &data, &len);
    if (st != TX_OK)
        return st;
    st = S_load_buffer(kind, e, actors, agents, path, data, len, diag);
    free(data);
    return st;
}

tx_status tx_entities_load_actors(tx_entities *e, tx_actors *actors, const char *path,
                                  tx_diag *diag)
{
    return S_load(FILE_ACTORS, e, actors, NULL, path, diag);
}

tx_status tx_entities_load_actors_buffer(tx_entities *e, tx_actors *actors, const char *name,
                                         const char *data, size_t len, tx_diag *diag)
{
    return S_load_buffer(FILE_ACTORS, e, actors, NULL, name, data, len, diag);
}

tx_status tx_entities_load_places(tx_entities *e, tx_actors *actors, const char *path,
                                  tx_diag *diag)
{
    return S_load(FILE_PLACES, e, actors, NULL, path, diag);
}

tx_status tx_entities_load_places_buffer(tx_entities *e, tx_actors *actors, const char *name,
                                         const char *data, size_t len, tx_diag *diag)
{
    return S_load_buffer(FILE_PLACES, e, actors, NULL, name, data, len, diag);
}

tx_status tx_entities_load_agents(tx_agents *agents, const char *path, tx_diag *diag)
{
    return S_load(FILE_AGENTS, NULL, NULL, agents, path, diag);
}

tx_status tx_entities_load_agents_buffer(tx_agents *agents, const char *name, const char *data,
                                         size_t len, tx_diag *diag)
{
    return S_load_buffer(FILE_AGENTS, NULL, NULL, agents, name, data, len, diag);
}
