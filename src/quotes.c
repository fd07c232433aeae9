/* quotes.c: pairs quotation marks within paragraphs and reads the speaker from the cue beside them. */
#include "quotes.h"

#include "claims.h"
#include "fold.h"

#include <stdlib.h>
#include <string.h>

struct tx_quoter {
    tx_claims *claims;   /* tokenizer and speaker reader */
    tx_speaker recent;   /* the last speaker named, for "he said" */
    tx_quote *quotes;
    size_t count, cap;
};

tx_quoter *tx_quoter_new(const tx_dictionaries *dict)
{
    tx_quoter *q = calloc(1, sizeof(*q));
    if (!q)
        return NULL;
    q->claims = tx_claims_new(dict);
    if (!q->claims) {
        free(q);
        return NULL;
    }
    return q;
}

void tx_quoter_free(tx_quoter *q)
{
    if (!q)
        return;
    tx_claims_free(q->claims);
    free(q->quotes);
    free(q);
}

/* How far from a quotation its cue may be, in bytes. */
enum { CUE_REACH = 300 };

/* ---- marks ---- */

enum { FAMILY_NONE, FAMILY_DOUBLE, FAMILY_LOW, FAMILY_GUILLEMET, FAMILY_SINGLE,
       FAMILY_STRAIGHT, FAMILY_STRAIGHT_SINGLE };

static int S_letter_at(const char *s, size_t n, size_t at)
{
    if (at >= n)
        return 0;
    unsigned char ch = (unsigned char)s[at];
    return ch >= 0x80 || (unsigned)((ch | 0x20) - 'a') < 26u || (unsigned)(ch - '0') < 10u;
}

static int S_space_before(const char *s, size_t line_start, size_t at)
{
    if (at == line_start)
        return 1;
    char ch = s[at - 1];
    return ch == ' ' || ch == '\t' || ch == '(' || ch == '[' || ch == '-' || ch == '/';
}

/* The family of an opening mark at `at` (and its length), or FAMILY_NONE. */
static int S_opening(const char *s, size_t n, size_t line_start, size_t at, size_t *len)
{
    unsigned char first = (unsigned char)s[at];
    *len = 1;
    /* every mark starts with one of these bytes: " ' or the lead byte of “ „ ‘ (E2) or « (C2) */
    if (first != '"' && first != '\'' && first != 0xE2 && first != 0xC2)
        return FAMILY_NONE;
    int32_t cp;
    *len = tx_utf8_decode(s + at, n - at, &cp);
    switch (cp) {
    case 0x201C: return FAMILY_DOUBLE;
    case 0x201E: return FAMILY_LOW;
    case 0x00AB: return FAMILY_GUILLEMET;
    case 0x2018: return FAMILY_SINGLE;
    case '"':
        return S_space_before(s, line_start, at) && at + 1 < n && s[at + 1] != ' ' ? FAMILY_STRAIGHT : FAMILY_NONE;
    case '\'':
        return S_space_before(s, line_start, at) && S_letter_at(s, n, at + 1) ? FAMILY_STRAIGHT_SINGLE
                                                                              : FAMILY_NONE;
    default: return FAMILY_NONE;
    }
}

/* Whether a closing mark of `family` is at `at` (its length in *len). */
static int S_closing(const char *s, size_t n, size_t at, int family, size_t *len)
{
    int32_t cp;
    *len = tx_utf8_decode(s + at, n - at, &cp);
    switch (family) {
    case FAMILY_DOUBLE: return cp == 0x201D;
    case FAMILY_LOW: return cp == 0x201C || cp == 0x201D;
    case FAMILY_GUILLEMET: return cp == 0x00BB;
    case FAMILY_SINGLE: return cp == 0x2019 && !S_letter_at(s, n, at + *len);
    case FAMILY_STRAIGHT: return cp == '"';
    case FAMILY_STRAIGHT_SINGLE:
        return cp == '\'' && at > 0 && s[at - 1] != ' ' && !S_letter_at(s, n, at + 1);
    default: return 0;
    }
}

/* ---- one quotation ---- */

/* The nearest character boundary at or after (step 1) or before (step -1) `at`. */
static size_t S_boundary(const char *s, size_t n, size_t at, int step)
{
    while (at < n && at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at = step > 0 ? at + 1 : at - 1;
    return at;
}

static size_t S_words(const char *s, size_t start, size_t end)
{
    size_t words = 0;
    for (size_t i = start; i < end && words <= 4; i++)  /* callers only ask "more than 4?" */
        if (S_letter_at(s, end, i) && (i == start || !S_letter_at(s, end, i - 1)))
            words++;
    return words;
}

/* A scare quote: a few words that make no sentence ("invasion", ‘chilling silence’).  Returns
 * 0 (a quotation), 1 (scare), or 2: a few words ending in a comma, a quotation only when a
 * cue follows ("Fine," said X; but "a 'gift,' however"). */
static int S_scare(const char *s, size_t start, size_t end, size_t line_start, size_t open)
{
    if (S_words(s, start, end) > 4)
        return 0;
    size_t last = end;
    while (last > start && s[last - 1] == ' ')
        last--;
    if (last > start && strchr(",;", s[last - 1]))
        return 2;
    if (S_words(s, start, end) > 1 && last > start && strchr(".!?", s[last - 1]))
        return 0;
    size_t before = open;
    while (before > line_start && s[before - 1] == ' ')
        before--;
    return !(before > line_start && s[before - 1] == ':');
}

static void S_set_speaker(tx_quoter *qr, tx_quote *q, const tx_speaker *sp, const tx_tokens *t,
                          size_t cue)
{
    if (sp->found && (sp->name || sp->code[0] || sp->end - sp->start > 3))
        qr->recent = *sp;   /* a name, not an unresolved pronoun */
    if (sp->found) {
        q->has_speaker = 1;
        q->speaker_start = sp->start;
        q->speaker_end = sp->end;
        q->speaker_name = sp->name;
        memcpy(q->speaker_code, sp->code, sizeof(q->speaker_code));
    }
    if (cue < t->count && tx_claims_is_cue(t, cue)) {
        q->has_cue = 1;
        q->cue_start = t->items[cue].start;
        q->cue_end = t->items[cue + (strcmp(tx_tokens_key(t, cue), "ACCORDING") == 0)].end;
    }
}

/* The last person named before `before` in the text around it: a known person, or a name
 * next to a speech verb ("Steiner said", "said Michelson"), so that "he said" after it is
 * that person.  Updates qr->recent when it finds one later than it. */
static void S_refresh_recent(tx_quoter *qr, const tx_analysis *r, size_t before)
{
    size_t from = before > 2 * CUE_REACH ? S_boundary(r->text, r->text_len, before - 2 * CUE_REACH, 1) : 0;
    if (qr->recent.found && qr->recent.end > from)
        from = qr->recent.end;
    if (from >= before)
        return;
    const tx_tokens *t = tx_claims_tokenize(qr->claims, r->text, from, before);
    if (!t)
        return;
    for (size_t i = 0; i < t->count; i++) {
        size_t len = tx_claims_name_at(t, i, t->count);
        if (!len)
            continue;
        int cue_after = i + len < t->count && tx_claims_is_cue(t, i + len);
        int cue_before = i > 0 && tx_claims_is_cue(t, i - 1);
        if (cue_after || cue_before) {
            tx_speaker_context ctx = {r->date, r->entities, r->entity_count, NULL};
            tx_speaker sp;
            /* people only: a person the dictionaries know, or a name they lack */
            if (tx_claims_speaker(qr->claims, t, i, i + len, &ctx, &sp) && sp.end > qr->recent.end &&
                (sp.name || !sp.code[0]))
                qr->recent = sp;
        }
        i += len - 1;
    }
}

/* Whether "he" or "she" stands within a few words before or after the quotation: only then
 * is the last person named worth looking for (a cheap byte scan; most cues name someone). */
static int S_pronoun_near(const char *s, size_t line_start, size_t line_end, size_t open,
                          size_t after)
{
    size_t from = open > line_start + 80 ? open - 80 : line_start;
    size_t to = after + 80 < line_end ? after + 80 : line_end;
    for (size_t i = from; i + 2 < to; i++) {
        if (i > line_start && S_letter_at(s, to, i - 1))
            continue;
        size_t skip = (s[i] | 0x20) == 's' ? 1 : 0;
        if ((s[i + skip] | 0x20) == 'h' && i + skip + 1 < to && (s[i + skip + 1] | 0x20) == 'e' &&
            !S_letter_at(s, to, i + skip + 2))
            return 1;
    }
    return 0;
}

/* "”, X said." / "”, said X." / "” according to X" */
static int S_cue_after(tx_quoter *qr, const tx_analysis *r, tx_quote *q, size_t from, size_t to)
{
    const tx_tokens *t = tx_claims_tokenize(qr->claims, r->text, from, to);
    if (!t)
        return 0;
    size_t limit = TX_MIN(t->count, 20);
    for (size_t i = 0; i < limit; i++) {
        const char *key = tx_tokens_key(t, i);
        if (strcmp(key, ".") == 0 || strcmp(key, "!") == 0 || strcmp(key, "?") == 0 ||
            tx_claims_is_clause_word(t, i))
            break;
        if (!tx_claims_is_cue(t, i))
            continue;
        tx_speaker sp;
        tx_speaker_context ctx = {r->date, r->entities, r->entity_count, &qr->recent};
        int after = strcmp(key, "ACCORDING") == 0;
        if (after || !tx_claims_speaker(qr->claims, t, 0, i, &ctx, &sp))
            tx_claims_speaker(qr->claims, t, i + 1 + (size_t)after, t->count, &ctx, &sp);
        S_set_speaker(qr, q, &sp, t, i);
        return 1;
    }
    return 0;
}

/* The first token of the comma-delimited segment that ends before token `end`. */
static size_t S_clause_start(const tx_tokens *t, size_t end)
{
    while (end > 0 && !strchr(",;:", tx_tokens_key(t, end - 1)[0]))
        end--;
    return end;
}

/* "Wasserman Schultz, chairwoman of the DNC, told ABC: “": the speaker is the name the
 * apposition describes, when the short segment before it is one; the name keeps the
 * apposition's code when it has none of its own. */
static void S_apposition_head(tx_quoter *qr, const tx_tokens *t, size_t clause,
                              const tx_speaker_context *ctx, tx_speaker *sp)
{
    if (clause < 2 || strcmp(tx_tokens_key(t, clause - 1), ",") != 0)
        return;
    size_t head = S_clause_start(t, clause - 1);
    tx_speaker named;
    if (clause - 1 - head > 5 || !tx_claims_speaker(qr->claims, t, head, clause - 1, ctx, &named) ||
        (!named.name && named.code[0]))
        return;   /* not a person's name */
    if (!named.code[0] && sp->found)
        memcpy(named.code, sp->code, sizeof(named.code));
    *sp = named;
}

/* "X said: “", "He told CNN: “", "According to X, “" */
static int S_cue_before(tx_quoter *qr, const tx_analysis *r, tx_quote *q, size_t from, size_t to)
{
    const tx_tokens *t = tx_claims_tokenize(qr->claims, r->text, from, to);
    if (!t || t->count == 0)
        return 0;
    tx_speaker_context ctx = {r->date, r->entities, r->entity_count, &qr->recent};
    size_t first = t->count > 10 ? t->count - 10 : 0;
    for (size_t i = t->count; i-- > first;) {
        /* "Graham: “...”": a name and a colon right before the quotation */
        int colon = i + 1 == t->count && strcmp(tx_tokens_key(t, i), ":") == 0;
        for (size_t k = i > 4 ? i - 4 : 0; colon && k < i; k++)
            colon = !tx_claims_is_cue(t, k);   /* "X told CNN:": the cue is the verb */
        if (!tx_claims_is_cue(t, i) && !colon)
            continue;
        tx_speaker sp;
        if (strcmp(tx_tokens_key(t, i), "ACCORDING") == 0) {
            tx_claims_speaker(qr->claims, t, i + 2, t->count, &ctx, &sp);
        } else {
            size_t clause = S_clause_start(t, i);
            if (clause == i && clause > 1)   /* "X, a writer, tweeted:" */
                clause = S_clause_start(t, clause - 1);
            int found = tx_claims_speaker(qr->claims, t, clause, i, &ctx, &sp);
            /* "Graham: “": only a name, nothing else, before the colon */
            if (colon && (!found || clause + 4 < i || sp.end != t->items[i - 1].end))
                continue;
            if (!colon && (!found || !sp.name))
                S_apposition_head(qr, t, clause, &ctx, &sp);
        }
        S_set_speaker(qr, q, &sp, t, i);
        return 1;
    }
    return 0;
}

/* Whether the text before a quotation ends in a colon or a comma ("X said: “", "said, “"). */
static int S_cue_adjacent(const char *s, size_t from, size_t open)
{
    while (open > from && s[open - 1] == ' ')
        open--;
    return open > from && (s[open - 1] == ':' || s[open - 1] == ',');
}

/* The sentence start at or before `at` within its line. */
static size_t S_sentence_start(const tx_analysis *r, size_t at, size_t line_start)
{
    size_t lo = 0, hi = r->sentences.count;
    while (lo < hi) {   /* the last sentence starting at or before `at` */
        size_t mid = (lo + hi) / 2;
        if (r->sentences.items[mid].start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t start = lo ? r->sentences.items[lo - 1].start : line_start;
    return start < line_start ? line_start : start;
}

static tx_status S_push(tx_quoter *qr, const tx_quote *q)
{
    if (tx_reserve((void **)&qr->quotes, &qr->cap, qr->count, sizeof(*qr->quotes)) < 0)
        return TX_ERR_NOMEM;
    qr->quotes[qr->count++] = *q;
    return TX_OK;
}

/* Finds the quotations of one line (a paragraph). */
static tx_status S_line(tx_quoter *qr, const tx_analysis *r, const tx_line *l,
                        size_t *last_speaking)
{
    const char *s = r->text;
    size_t at = l->start, end = l->end, len;
    while (at < end) {
        int family = S_opening(s, end, l->start, at, &len);
        if (family == FAMILY_NONE) {
            at++;
            continue;
        }
        size_t open = at, start = at + len, close = start, close_len = 0;
        /* an unclosed quotation runs to the end of the paragraph, so each byte is seen once */
        while (close < end && !S_closing(s, end, close, family, &close_len))
            close++;
        tx_quote q = {0};
        q.start = (uint32_t)start;
        q.end = (uint32_t)close;
        while (q.end > q.start && s[q.end - 1] == ' ')
            q.end--;
        if (q.end == q.start) {
            at = start;
            continue;
        }
        int scare = S_scare(s, q.start, q.end, l->start, open);
        q.scare = scare == 1;
        size_t after = close < end ? close + close_len : end;
        if (scare == 2) {
            size_t stop = S_boundary(s, r->text_len, TX_MIN(end, after + CUE_REACH), -1);
            q.scare = !S_cue_after(qr, r, &q, after, stop) || !q.has_speaker;
            if (q.scare) {
                q.has_speaker = q.has_cue = 0;
                memset(q.speaker_code, 0, sizeof(q.speaker_code));
            }
        } else if (!q.scare) {
            if (S_pronoun_near(s, l->start, end, open, after))
                S_refresh_recent(qr, r, open);
            size_t next = after;
            while (next < end && S_opening(s, end, l->start, next, &len) == FAMILY_NONE)
                next++;
            /* a cue stands next to its quotation: look a few hundred bytes either side */
            size_t from = S_sentence_start(r, open, l->start);
            if (open - from > CUE_REACH)
                from = S_boundary(s, r->text_len, open - CUE_REACH, 1);
            /* "X said: “..." right before wins over a cue after; else after, else before */
            if (!S_cue_adjacent(s, from, open) ||
                !S_cue_before(qr, r, &q, from, open))
                if (!S_cue_after(qr, r, &q, after, S_boundary(s, r->text_len, TX_MIN(next, after + CUE_REACH), -1)))
                    S_cue_before(qr, r, &q, from, open);
            /* a quotation naming nobody continues the last speaker: in its own paragraph,
             * or in a paragraph opening with a quotation */
            int same_paragraph = *last_speaking < qr->count &&
                                 qr->quotes[*last_speaking].start >= l->start;
            if (!q.has_speaker && (open == l->start || same_paragraph) &&
                *last_speaking < qr->count) {
                const tx_quote *prev = &qr->quotes[*last_speaking];
                q.has_speaker = 1;
                q.speaker_start = prev->speaker_start;
                q.speaker_end = prev->speaker_end;
                q.speaker_name = prev->speaker_name;
                memcpy(q.speaker_code, prev->speaker_code, sizeof(q.speaker_code));
            }
        }
        if (S_push(qr, &q) != TX_OK)
            return TX_ERR_NOMEM;
        if (!q.scare && q.has_speaker)
            *last_speaking = qr->count - 1;
        at = after;
    }
    return TX_OK;
}

tx_status tx_quoter_find(tx_quoter *qr, tx_analysis *r, const uint8_t *noisy, size_t n_noisy)
{
    qr->count = 0;
    memset(&qr->recent, 0, sizeof(qr->recent));
    size_t last_speaking = (size_t)-1;
    for (size_t i = 0; i < r->lines.count; i++) {
        const tx_line *l = &r->lines.items[i];
        if (l->number < n_noisy && noisy[l->number])
            continue;
        /* an index, not a pointer: the array moves as it grows */
        tx_status status = S_line(qr, r, l, &last_speaking);
        if (status != TX_OK)
            return status;
    }
    r->quotes = qr->quotes;
    r->quote_count = qr->count;
    return TX_OK;
}
