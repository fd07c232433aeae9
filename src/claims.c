/* claims.c: certainty and attribution of events from the words around their verbs; disputes between claims. */
#include "claims.h"

#include <stdlib.h>
#include <string.h>

struct tx_claims {
    tx_dictionaries dict;
    tx_tokens tokens;   /* scratch list of tx_claims_tokenize */
};

tx_claims *tx_claims_new(const tx_dictionaries *dict)
{
    tx_claims *c = calloc(1, sizeof(*c));
    if (c)
        c->dict = *dict;
    return c;
}

void tx_claims_free(tx_claims *c)
{
    if (!c)
        return;
    tx_tokens_free(&c->tokens);
    free(c);
}

const tx_tokens *tx_claims_tokenize(tx_claims *c, const char *text, size_t start, size_t end)
{
    tx_tokens_clear(&c->tokens);
    if (tx_tokenize(text, start, end, &c->tokens) < 0)
        return NULL;
    for (size_t i = 0; i < c->tokens.count; i++) {
        tx_token *t = &c->tokens.items[i];
        t->word = tx_lexicon_find(c->dict.lex, c->tokens.keys.data + t->key, t->key_len);
        if (!(t->flags & TX_TOKEN_CAPITAL) && c->dict.entities &&
            tx_entities_acronym(c->dict.entities, t->word))
            t->word = TX_WORD_NONE;
    }
    return &c->tokens;
}

/* ---- word classes: the few dozen words the judgement turns on ---- */

static int S_in(const char *key, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(key, *list) == 0)
            return 1;
    return 0;
}

#define KEY(t, i) tx_tokens_key((t), (i))

static const char *const S_negators[] = {"NOT", "N'T", "NEVER", "NEITHER", "NOR", NULL};
/* "declined to meet", "denied attacking": the act did not happen (or is denied) */
static const char *const S_negating_verbs[] = {
    "DECLINED", "DECLINES", "DECLINE", "DECLINING", "FAILED", "FAILS", "FAIL", "FAILING",
    "REFUSED", "REFUSES", "REFUSE", "REFUSING", "DENIED", "DENIES", "DENY", "DENYING",
    "AVOIDED", "STOPPED SHORT", NULL};
static const char *const S_modals[] = {
    "MAY", "MIGHT", "COULD", "WOULD", "SHOULD", "WILL", "'LL", "SHALL", "CAN", "MUST",
    "WO", "CA", "'D", NULL};
/* "plans to meet", "threatened to attack": the act is intended, not done */
static const char *const S_intent_verbs[] = {
    "PLANS", "PLAN", "PLANNED", "PLANNING", "INTENDS", "INTEND", "INTENDED", "WANTS", "WANT",
    "WANTED", "HOPES", "HOPE", "HOPED", "HOPING", "SEEKS", "SEEK", "SOUGHT", "SEEKING",
    "AIMS", "AIM", "AIMED", "AIMING", "READY", "WILLING", "PREPARED", "GOING", "DUE", "SET",
    "SCHEDULED", "EXPECTS", "THREATENED", "THREATENS", "THREATEN", "THREATENING", "VOWED",
    "VOWS", "VOW", "PROMISED", "PROMISES", "PLEDGED", "PLEDGES", "OFFERED", "OFFERS",
    "PROPOSED", "PROPOSES", "AGREED", "AGREES", "TRYING", "TRIED", "TRIES", "ATTEMPTED",
    "ATTEMPTING", "EXPECTING", "LIKELY", "UNLIKELY", "ABOUT", "URGED", "URGES", "CALLED",
    "CALLS", "ASKED", "ASKS", "DEMANDED", "WARNED", "CONSIDERING", "WEIGHING", "EAGER",
    "DETERMINED", "RESOLVED", NULL};
static const char *const S_weighing[] = {
    "CONSIDERING", "CONSIDERS", "CONSIDERED", "WEIGHING", "MULLING", "CONTEMPLATING",
    "DISCUSSING", "PROPOSING", "PLANNING", "THREATENING", NULL};
static const char *const S_conditionals[] = {"IF", "UNLESS", "WHETHER", "LEST", NULL};
/* "is believed to have asked": a claim of others, hedged */
static const char *const S_hedge_participles[] = {
    "BELIEVED", "UNDERSTOOD", "SAID", "THOUGHT", "REPORTED", "ALLEGED", "RUMOURED",
    "RUMORED", "EXPECTED", "SUSPECTED", "SEEN", "ESTIMATED", "CLAIMED", "KNOWN", NULL};
static const char *const S_hedge_adverbs[] = {
    "REPORTEDLY", "ALLEGEDLY", "PURPORTEDLY", "SUPPOSEDLY", "OSTENSIBLY", NULL};
static const char *const S_be[] = {"IS", "ARE", "WAS", "WERE", "BEEN", "BEING", "BE", "'S", "'RE", NULL};
/* Words that open a new clause: the verb group of an event does not reach past them. */
static const char *const S_clause_words[] = {
    "AND", "BUT", "OR", "THAT", "WHICH", "WHO", "WHOM", "WHILE", "WHEN", "AS", "BECAUSE",
    "AFTER", "BEFORE", "SINCE", "ALTHOUGH", "THOUGH", "WHERE", "WHETHER", "IF", "UNLESS",
    "UNTIL", "LEST", NULL};
static const char *const S_reporting_verbs[] = {
    "SAID", "SAY", "SAYS", "SAYING", "TOLD", "TELLS", "TELL", "CLAIMED", "CLAIMS", "CLAIM",
    "CLAIMING", "ALLEGED", "ALLEGES", "ALLEGING", "REPORTED", "REPORTS", "REPORT", "ADDED",
    "ADDS", "STATED", "STATES", "CONFIRMED", "CONFIRMS", "INSISTED", "INSISTS", "WROTE",
    "WRITES", "TWEETED", "POSTED", "BELIEVE", "BELIEVES", "SUGGESTED", "SUGGESTS",
    "INDICATED", "ASSERTED", "ASSERTS", "MAINTAINED", "ACKNOWLEDGED", "ADMITTED",
    "REVEALED", "DISCLOSED", "EXPLAINED", "NOTED", "ARGUED", "ESTIMATED", "ANNOUNCED",
    "DECLARED", "REITERATED", "STRESSED", "EMPHASISED", "EMPHASIZED", "REMARKED", NULL};
static const char *const S_pronouns_person[] = {"HE", "SHE", "HIM", "HER", NULL};
static const char *const S_pronouns_group[] = {"IT", "THEY", "THEM", "WE", NULL};

static int S_punct(const tx_tokens *t, size_t i, const char *which)
{
    const tx_token *tok = &t->items[i];
    return tok->kind == TX_TOKEN_PUNCT && tok->key_len == 1 && strchr(which, KEY(t, i)[0]);
}

static int S_quote_mark(const tx_tokens *t, size_t i)
{
    return (t->items[i].flags & (TX_TOKEN_QUOTE_OPEN | TX_TOKEN_QUOTE_CLOSE)) != 0;
}

/* Verbs that introduce a quotation but are no sign of a reported event ("asked", "replied"). */
static const char *const S_quote_verbs[] = {
    "ASKED", "ASKS", "REPLIED", "REPLIES", "RESPONDED", "RESPONDS", "CONTINUED", "CONTINUES",
    "RECALLED", "RECALLS", "WARNED", "WARNS", "EXCLAIMED", "QUIPPED", "JOKED", "SHOUTED",
    "SHOT", "FIRED", "COUNTERED", "RETORTED", "CONCLUDED", "CONCEDED", "OBSERVED",
    "COMPLAINED", "LAMENTED", "PLEADED", "URGED", "NOTES", "ADDS", "EXPLAINS", "ARGUES",
    "INSISTS", "SAYING", "WRITING", "TELLING", "TESTIFIED", "TESTIFIES", "WRITE", "BLASTED",
    "SCOFFED", "SNAPPED", "MUSED", "PROCLAIMED", "ANNOUNCES", "EXPLAINS", NULL};

int tx_claims_is_cue(const tx_tokens *t, size_t pos)
{
    const char *key = KEY(t, pos);
    if (strcmp(key, "ACCORDING") == 0)
        return pos + 1 < t->count && strcmp(KEY(t, pos + 1), "TO") == 0;
    if (pos > 0 && (t->items[pos].flags & TX_TOKEN_CAPITAL))
        return 0;   /* "the United States", not "states" */
    return S_in(key, S_reporting_verbs) || S_in(key, S_quote_verbs);
}

int tx_claims_is_clause_word(const tx_tokens *t, size_t pos)
{
    return S_in(KEY(t, pos), S_clause_words);
}

/* The token at or after byte offset `at`. */
static size_t S_token_at(const tx_tokens *t, uint32_t at)
{
    size_t i = 0;
    while (i < t->count && t->items[i].end <= at)
        i++;
    return i;
}

/* The verb group before the event's verb: back to a clause boundary, at most 7 words. */
static size_t S_group_start(const tx_tokens *t, size_t verb)
{
    size_t i = verb;
    while (i > 0 && verb - i < 7) {
        if (S_punct(t, i - 1, ",;:()-") || S_quote_mark(t, i - 1) ||
            S_in(KEY(t, i - 1), S_clause_words))
            break;
        i--;
    }
    return i;
}

static int S_negated(const tx_tokens *t, size_t from, size_t verb)
{
    for (size_t i = from; i < verb; i++)
        if (S_in(KEY(t, i), S_negators) || S_in(KEY(t, i), S_negating_verbs))
            return 1;
    /* "denied that Russia attacked", "did not establish that", "no evidence that": the
     * words governing the clause */
    if (from < 2 || strcmp(KEY(t, from - 1), "THAT") != 0)
        return 0;
    if (S_in(KEY(t, from - 2), S_negating_verbs))
        return 1;
    for (size_t i = from - 2, seen = 0; seen < 4; i--, seen++) {
        if (S_in(KEY(t, i), S_negators) || strcmp(KEY(t, i), "NO") == 0)
            return 1;
        if (i == 0 || S_punct(t, i, ",;:"))
            break;
    }
    return 0;
}

static int S_hypothetical(const tx_tokens *t, size_t from, size_t verb)
{
    for (size_t i = from; i < verb; i++) {
        const char *key = KEY(t, i);
        if (S_in(key, S_modals))
            return 1;
        /* an intent verb whose "to"-infinitive is the event verb (not "is expected to") */
        if (S_in(key, S_intent_verbs) && i + 1 < verb && strcmp(KEY(t, i + 1), "TO") == 0 &&
            !(i > 0 && S_in(KEY(t, i - 1), S_be) && S_in(key, S_hedge_participles)))
            return 1;
    }
    if (from > 0 && S_in(KEY(t, from - 1), S_conditionals))
        return 1;
    /* "If three months ago I had told you that X would team up with Y": the verb is still
     * inside an if-clause when no comma has closed it */
    for (size_t i = from; i-- > 0;) {
        if (S_punct(t, i, ",;:"))
            break;
        if (S_in(KEY(t, i), S_conditionals))
            return 1;
    }
    /* "considering carrying out strikes": weighing an act is not doing it */
    for (size_t i = from; i + 1 <= verb; i++) {
        const char *next = KEY(t, i + 1);
        size_t n = strlen(next);
        if (S_in(KEY(t, i), S_weighing) && n > 4 && strcmp(next + n - 3, "ING") == 0)
            return 1;
    }
    /* a question is no statement of fact */
    for (size_t i = verb; i < t->count; i++)
        if (S_punct(t, i, "?"))
            return 1;
    return 0;
}

static int S_hedged(const tx_tokens *t, size_t from, size_t verb)
{
    for (size_t i = from; i < verb; i++) {
        if (S_in(KEY(t, i), S_hedge_adverbs))
            return 1;
        if (i > 0 && S_in(KEY(t, i - 1), S_be) && S_in(KEY(t, i), S_hedge_participles) &&
            i + 1 < t->count && strcmp(KEY(t, i + 1), "TO") == 0)
            return 1;
    }
    /* "It is understood (that) ...": an impersonal claim before the clause */
    for (size_t i = 0; i + 2 < verb; i++)
        if (strcmp(KEY(t, i), "IT") == 0 && S_in(KEY(t, i + 1), S_be) &&
            S_in(KEY(t, i + 2), S_hedge_participles) &&
            (i + 3 >= t->count || strcmp(KEY(t, i + 3), "TO") != 0))  /* not "it is expected to be" */
            return 1;
    for (size_t i = verb + 1; i < t->count; i++)
        if (S_in(KEY(t, i), S_hedge_adverbs))
            return i - verb <= 3;
    return 0;
}

/* ---- speakers ---- */

/* The last person (or group) named before byte `before`: the mentions are in text order, so
 * a binary search finds where to start, and the look back is bounded (a pronoun refers to
 * someone named recently; a pathological article must not make this quadratic). */
static const tx_mention_entity *S_last_known(const tx_mention_entity *known, size_t n,
                                             uint32_t before, int person)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (known[mid].end <= before)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo, seen = 0; k-- > 0 && seen < 256; seen++) {
        const tx_mention_entity *m = &known[k];
        int is_person = m->entity->kind == TX_ENTITY_PERSON;
        int is_group = m->entity->kind == TX_ENTITY_COUNTRY || m->entity->kind == TX_ENTITY_ORG;
        if ((person && is_person) || (!person && is_group))
            return m;
    }
    return NULL;
}

static void S_resolve(const tx_mention_entity *m, tx_speaker *out)
{
    if (m->code)
        snprintf(out->code, sizeof(out->code), "%s", m->code);
    if (m->entity->kind == TX_ENTITY_PERSON)
        out->name = m->entity->name;
}

/* An actor name at i: its code (or "" for media and unknown codes) and length. */
static size_t S_actor_at(const tx_claims *c, const tx_tokens *t, size_t i, int32_t date,
                         char code[TX_CODE_MAX], const tx_entity **entity)
{
    uint32_t phrase;
    size_t len = tx_actors_match(c->dict.actors, t, i, &phrase);
    if (!len || (c->dict.entities &&
                 tx_entities_other_person(c->dict.entities, c->dict.actors, t, i, len, phrase)))
        return 0;
    const char *actor = tx_actors_code(c->dict.actors, phrase, date);
    *entity = c->dict.entities ? tx_entities_of_phrase(c->dict.entities, c->dict.actors, phrase)
                               : NULL;
    code[0] = '\0';
    if (actor && strcmp(actor, "---") != 0)
        snprintf(code, TX_CODE_MAX, "%s", actor);
    else if (*entity && (*entity)->kind == TX_ENTITY_MEDIA && (*entity)->country[0])
        snprintf(code, TX_CODE_MAX, "%sMED", (*entity)->country); /* a news outlet: CAMEO MED */
    return len;
}

static void S_add_role(char *code, const tx_agent *agent)
{
    size_t n = strlen(code), m = strlen(agent->code);
    if (!n || n + m >= TX_CODE_MAX)
        return;
    for (size_t at = 0; at + m <= n; at += 3)
        if (memcmp(code + at, agent->code, m) == 0)
            return;
    if (agent->prefix) {
        memmove(code + m, code, n + 1);
        memcpy(code, agent->code, m);
    } else {
        memcpy(code + n, agent->code, m + 1);
    }
}

/* A known mention starting at byte `at` ("Ms Vell", resolved by the coder to Kira Vell). */
static const tx_mention_entity *S_known_at(const tx_mention_entity *known, size_t n, uint32_t at)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (known[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && known[lo].start == at ? &known[lo] : NULL;
}

/* The tokens a known person mention covers, from i. */
static size_t S_person_at(const tx_tokens *t, size_t i, const tx_mention_entity *known,
                          size_t n_known, tx_speaker *out)
{
    const tx_mention_entity *m = S_known_at(known, n_known, t->items[i].start);
    if (!m || m->entity->kind != TX_ENTITY_PERSON)
        return 0;
    size_t len = 1;
    while (i + len < t->count && t->items[i + len].end <= m->end)
        len++;
    S_resolve(m, out);
    return len;
}

static const char *const S_speaker_nouns[] = {
    "SOURCES", "SOURCE", "OUTLET", "OUTLETS", "MEDIA", "NEWSPAPER", "WITNESSES", "RESIDENTS",
    "ANALYSTS", "DIPLOMATS", "EXPERTS", "OFFICIALS", "REPORTS", "INSIDERS", "AIDES", NULL};

static const char *const S_not_names[] = {
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
    "NOVEMBER", "DECEMBER", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
    "SATURDAY", "SUNDAY",
    "THE", "A", "AN", "THIS", "THAT", "THESE", "THOSE", "BUT", "AND", "OR", "IN", "ON", "AT",
    "AS", "IF", "WHEN", "WHILE", "AFTER", "BEFORE", "I", "YOU", "WE", "HE", "SHE", "IT",
    "THEY", "ITS", "HIS", "HER", "THEIR", "OUR", "MY", "YOUR", "ONE", "SOME", "MANY", "OTHER",
    "OTHERS", "ANOTHER", "EARLIER", "LATER", "MEANWHILE", "HOWEVER", "ALSO", "THERE", "THEN",
    "NOW", "STILL", "YET", "SO", "THUS", "HERE", "WHAT", "WHY", "HOW", "WHO", NULL};

/* A run of capitalised words at i that may be a name the dictionaries lack ("Mr. Sondland",
 * "Harney County Sheriff David Ward"): its length, or 0. */
static size_t S_name_run(const tx_tokens *t, size_t i, size_t to)
{
    size_t len = 0;
    while (i + len < to && len < 6) {
        const tx_token *tok = &t->items[i + len];
        if (tok->kind != TX_TOKEN_WORD || !(tok->flags & TX_TOKEN_CAPITAL) ||
            S_in(KEY(t, i + len), S_not_names) || S_in(KEY(t, i + len), S_reporting_verbs) ||
            strpbrk(KEY(t, i + len), "&;"))
            break;
        len++;
    }
    /* a title alone ("Rep.", "Sen.") is no name */
    if (len == 1 && t->items[i].end - t->items[i].start <= 4 &&
        KEY(t, i)[t->items[i].end - t->items[i].start - 1] == '.')
        return 0;
    return len;
}

static void S_from_recent(const tx_speaker *recent, tx_speaker *out)
{
    *out = *recent;
}

/* "he", "she": the later of the last person mention known and the last speaker named. */
static void S_person_pronoun(const tx_tokens *t, size_t i, const tx_speaker_context *ctx,
                             tx_speaker *out)
{
    const tx_mention_entity *m = S_last_known(ctx->known, ctx->n_known, t->items[i].start, 1);
    const tx_speaker *recent = ctx->recent && ctx->recent->found &&
                               ctx->recent->end <= t->items[i].start ? ctx->recent : NULL;
    out->found = 1;
    out->start = t->items[i].start;
    out->end = t->items[i].end;
    if (recent && (!m || recent->end > m->end))
        S_from_recent(recent, out);
    else if (m)
        S_resolve(m, out);
}

static int S_speaker_pass(const tx_claims *c, const tx_tokens *t, size_t from, size_t to,
                          const tx_speaker_context *ctx, tx_speaker *out, int names);

size_t tx_claims_name_at(const tx_tokens *t, size_t i, size_t to)
{
    return S_name_run(t, i, to);
}

int tx_claims_speaker(const tx_claims *c, const tx_tokens *t, size_t from, size_t to,
                      const tx_speaker_context *ctx, tx_speaker *out)
{
    /* a phrase the dictionaries know anywhere in the range beats a capitalised word before it
     * ("April 3 - The White House said") */
    if (!S_speaker_pass(c, t, from, to, ctx, out, 0))
        return S_speaker_pass(c, t, from, to, ctx, out, 1);
    /* a bare role ("Rep.", "diplomat") before a name: "Virginia Rep. Don Beyer" is Don Beyer */
    tx_speaker named;
    if (!out->code[0] && !out->name && S_speaker_pass(c, t, from, to, ctx, &named, 2))
        *out = named;
    return 1;
}

static int S_speaker_pass(const tx_claims *c, const tx_tokens *t, size_t from, size_t to,
                          const tx_speaker_context *ctx, tx_speaker *out, int names)
{
    memset(out, 0, sizeof(*out));
    tx_agent role = {NULL, 0};
    size_t first = to, last = from;
    to = TX_MIN(to, t->count);
    if (from < to && S_in(KEY(t, from), S_pronouns_person)) {
        S_person_pronoun(t, from, ctx, out);
        return 1;
    }
    for (size_t i = from; i < to;) {
        const tx_entity *entity = NULL;
        char code[TX_CODE_MAX];
        tx_agent agent;
        size_t len;
        if (names == 2) {   /* names only */
            if ((len = S_name_run(t, i, to)) && len < to - i + 1) {
                out->found = 1;
                first = i;
                last = i + len;
                break;
            }
            if (i > from && S_punct(t, i, ",;:"))
                break;
            i++;
            continue;
        }
        if (!out->found && (len = S_person_at(t, i, ctx->known, ctx->n_known, out))) {
            out->found = 1;
        } else if (!out->found && (len = S_actor_at(c, t, i, ctx->date, code, &entity))) {
            out->found = 1;
            memcpy(out->code, code, sizeof(code));
            if (entity && entity->kind == TX_ENTITY_PERSON)
                out->name = entity->name;
        } else if (!role.code && c->dict.agents && (len = tx_agents_match(c->dict.agents, t, i, &agent))) {
            role = agent;
        } else if (out->found && !role.code && strcmp(KEY(t, i), "'S") == 0) {
            len = 1;   /* "Russia's defence ministry": the role follows */
        } else if (names == 1 && !out->found && !role.code && S_in(KEY(t, i), S_speaker_nouns)) {
            len = 1;   /* "sources said", "a local outlet reported": a source without a code */
            out->found = 1;
        } else if (names && !out->found && !role.code && (len = S_name_run(t, i, to))) {
            out->found = 1;   /* a name the dictionaries lack: the text is the name */
        } else {
            if (out->found || role.code || (i > from && S_punct(t, i, ",;:")))
                break;  /* the phrase ended, or an apposition begins */
            i++;
            continue;
        }
        if (i < first)
            first = i;
        last = i + len;
        i += len;
    }
    if (!out->found && !role.code) {
        /* "it", "they": the last organisation or country named */
        if (from < to && S_in(KEY(t, from), S_pronouns_group)) {
            const tx_mention_entity *m = S_last_known(ctx->known, ctx->n_known, t->items[from].start, 0);
            if (m) {
                out->found = 1;
                out->start = t->items[from].start;
                out->end = t->items[from].end;
                S_resolve(m, out);
                return 1;
            }
        }
        return 0;
    }
    out->found = 1;
    out->start = t->items[first].start;
    out->end = t->items[last - 1].end;
    if (role.code)
        S_add_role(out->code, &role);
    return 1;
}

/* ---- attribution ---- */

/* A reporting verb at r, in lower case ("states", not "the United States"). */
static int S_reports(const tx_tokens *t, size_t r)
{
    return S_in(KEY(t, r), S_reporting_verbs) &&
           !(r > 0 && (t->items[r].flags & TX_TOKEN_CAPITAL));
}

/* The reporting frame of the verb: "X said (that) ... VERB", "VERB ..., X said",
 * "according to X".  Fills *speaker when found; returns 1 when the event is reported. */
static int S_reported(const tx_claims *c, const tx_tokens *t, size_t verb,
                      const tx_speaker_context *ctx, tx_speaker *speaker)
{
    for (size_t i = 0; i + 2 < t->count; i++)
        if (strcmp(KEY(t, i), "ACCORDING") == 0 && strcmp(KEY(t, i + 1), "TO") == 0 &&
            i + 2 != verb) {
            tx_claims_speaker(c, t, i + 2, t->count, ctx, speaker);
            return 1;
        }
    /* a cue before the verb, with no clause break between them but "that" or ":" */
    for (size_t r = verb; r-- > 0;) {
        if (S_punct(t, r, ";"))
            break;
        if (!S_reports(t, r) || strcmp(KEY(t, r), "ANNOUNCED") == 0)
            continue;
        if (r > 0 && S_in(KEY(t, r - 1), S_be))
            break;   /* "is said to have": a hedge (S_hedged), not a speaker */
        int comma = 0;
        for (size_t i = r + 1; i < verb; i++)
            comma |= S_punct(t, i, ",");
        int opens = r + 1 < t->count && (strcmp(KEY(t, r + 1), "THAT") == 0 || S_punct(t, r + 1, ":"));
        if (comma && !opens)
            break;
        size_t from = r;
        while (from > 0 && !S_punct(t, from - 1, ",;:") && r - from < 10)
            from--;
        tx_claims_speaker(c, t, from, r, ctx, speaker);
        return 1;
    }
    /* a reporting clause after a comma at the end: "..., US officials have said." */
    for (size_t r = verb + 1; r < t->count; r++) {
        if (!S_reports(t, r))
            continue;
        size_t comma = r;
        while (comma > verb && !S_punct(t, comma, ","))
            comma--;
        if (comma == verb || r - comma > 7)
            continue;
        if (!tx_claims_speaker(c, t, comma + 1, r, ctx, speaker))
            tx_claims_speaker(c, t, r + 1, t->count, ctx, speaker); /* "said X" */
        return 1;
    }
    return 0;
}

static const char *const S_claim_nouns[] = {
    "CLAIM", "CLAIMS", "ASSERTION", "ASSERTIONS", "ALLEGATION", "ALLEGATIONS", "ACCUSATION",
    "ACCUSATIONS", "REPORT", "REPORTS", "CHARGE", "CHARGES", "STORY", "STORIES", "RUMOURS",
    "RUMORS", "SUGGESTION", "SUGGESTIONS", NULL};
static const char *const S_dispute_words[] = {
    "DENIED", "DENIES", "DENY", "DENYING", "REJECTED", "REJECTS", "REJECT", "REJECTING",
    "DISMISSED", "DISMISSES", "DISMISS", "REFUTED", "REFUTES", "DISPUTED", "DISPUTES",
    "DISINFORMATION", "MISINFORMATION", "FALSE", "BASELESS", "UNFOUNDED", "GROUNDLESS", "FAKE",
    "UNTRUE", "LIES", "FABRICATED", "FABRICATION", "NONSENSE", "PROPAGANDA", "SMEAR",
    "SLANDER", "ABSURD", NULL};

/* A sentence that rejects, or cannot confirm, claims made earlier. */
static int S_disputing(const tx_tokens *t)
{
    int noun = 0, rejects = 0, cannot_confirm = 0;
    for (size_t i = 0; i < t->count; i++) {
        const char *key = KEY(t, i);
        noun |= S_in(key, S_claim_nouns);
        rejects |= S_in(key, S_dispute_words);
        if (strcmp(key, "CONFIRM") == 0 || strcmp(key, "VERIFY") == 0 ||
            strcmp(key, "CORROBORATE") == 0)
            for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++)
                cannot_confirm |= S_in(KEY(t, k), S_negators) || strcmp(KEY(t, k), "UNABLE") == 0;
    }
    return noun && (rejects || cannot_confirm);
}

void tx_claims_judge(const tx_claims *c, const tx_tokens *t, int32_t date,
                     const tx_mention_entity *known, size_t n_known, tx_analysis_event *e)
{
    e->certainty = TX_CERTAINTY_ASSERTED;
    e->attribution = (tx_event_actor){"", 0, 0};
    size_t verb = S_token_at(t, e->event.verb_start);
    if (verb >= t->count)
        return;
    size_t from = S_group_start(t, verb);
    /* the verb form may hold an auxiliary itself ("will host", "not attack") */
    size_t verb_end = verb;
    while (verb_end + 1 < t->count && t->items[verb_end + 1].end <= e->event.verb_end)
        verb_end++;
    tx_speaker speaker = {0};
    tx_speaker_context ctx = {date, known, n_known, NULL};
    int reported = S_hedged(t, from, verb) | S_reported(c, t, verb, &ctx, &speaker);
    if (S_negated(t, from, verb_end))
        e->certainty = TX_CERTAINTY_NEGATED;
    else if (S_hypothetical(t, from, verb_end))
        e->certainty = TX_CERTAINTY_HYPOTHETICAL;
    else if (reported)
        e->certainty = TX_CERTAINTY_REPORTED;
    if (speaker.found) {
        memcpy(e->attribution.code, speaker.code, sizeof(speaker.code));
        e->attribution.start = speaker.start;
        e->attribution.end = speaker.end;
    }
    e->disputing = (uint8_t)S_disputing(t);
}

/* ---- quotations and disputes ---- */

void tx_claims_attribute_quoted(tx_analysis *r)
{
    for (size_t k = 0; k < r->event_count; k++) {
        tx_analysis_event *e = &r->events[k];
        for (size_t q = 0; q < r->quote_count; q++) {
            const tx_quote *quote = &r->quotes[q];
            if (quote->scare || e->event.verb_start < quote->start ||
                e->event.verb_end > quote->end)
                continue;
            if (e->certainty == TX_CERTAINTY_ASSERTED)
                e->certainty = TX_CERTAINTY_REPORTED;
            if (quote->has_speaker && !e->attribution.code[0] && e->attribution.end == 0) {
                snprintf(e->attribution.code, TX_CODE_MAX, "%s", quote->speaker_code);
                e->attribution.start = quote->speaker_start;
                e->attribution.end = quote->speaker_end;
            }
            break;
        }
    }
}

/* The country part of an actor code ("CHNGOV" → "CHN"); "" for roles and IGOs. */
static int S_same_country(const char *a, const char *b)
{
    return strlen(a) >= 3 && strlen(b) >= 3 && strncmp(a, b, 3) == 0 && strncmp(a, "---", 3) != 0;
}

static int S_disputes(const tx_analysis_event *d, const tx_analysis_event *e, int by_country)
{
    if (e->sentence >= d->sentence || e->disputing || e->certainty == TX_CERTAINTY_NEGATED ||
        e->certainty == TX_CERTAINTY_HYPOTHETICAL)
        return 0;
    if (e->certainty != TX_CERTAINTY_REPORTED)
        return 0;
    if (!by_country)
        return 1;
    const char *who = d->event.source.code;
    return S_same_country(who, e->event.source.code) || S_same_country(who, e->event.target.code);
}

static tx_status S_push(tx_analysis *r, size_t *cap, uint32_t id)
{
    if (tx_reserve((void **)&r->links, cap, r->link_count, sizeof(*r->links)) < 0)
        return TX_ERR_NOMEM;
    r->links[r->link_count++] = id;
    return TX_OK;
}

tx_status tx_claims_link_disputes(tx_analysis *r, size_t *cap)
{
    r->link_count = 0;
    for (size_t k = 0; k < r->event_count; k++) {
        tx_analysis_event *d = &r->events[k];
        d->disputes_first = (uint32_t)r->link_count;
        d->disputes_count = 0;
        if (!d->disputing)
            continue;
        /* the claims about the disputer's own country; failing those, every reported claim */
        for (int by_country = 1; by_country >= 0 && d->disputes_count == 0; by_country--)
            for (size_t j = 0; j < k; j++)
                if (S_disputes(d, &r->events[j], by_country)) {
                    if (S_push(r, cap, r->events[j].id) != TX_OK)
                        return TX_ERR_NOMEM;
                    d->disputes_count++;
                }
    }
    /* the reverse links, after all forward ones */
    for (size_t k = 0; k < r->event_count; k++) {
        tx_analysis_event *e = &r->events[k];
        e->disputed_by_first = (uint32_t)r->link_count;
        e->disputed_by_count = 0;
        for (size_t j = 0; j < r->event_count; j++) {
            const tx_analysis_event *d = &r->events[j];
            for (uint32_t x = 0; x < d->disputes_count; x++)
                if (r->links[d->disputes_first + x] == e->id) {
                    if (S_push(r, cap, d->id) != TX_OK)
                        return TX_ERR_NOMEM;
                    e->disputed_by_count++;
                }
        }
    }
    return TX_OK;
}
