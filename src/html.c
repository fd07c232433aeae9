/* html.c: finds the article in an HTML page: gumbo parse, one walk into text segments, content scoring. */
#include "html.h"

#include "buffer.h"
#include "charset.h"
#include "htmlmeta.h"
#include "utf8.h"

#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Gumbo's tree builder walks the stack of open elements for most tags, so a page nesting
 * 100,000 elements takes minutes.  Start tags deeper than this are dropped before parsing
 * (their text stays); real pages nest a few dozen levels. */
#define S_DEPTH_MAX 400

/* Text offsets and node numbers are 32-bit; a page is never near this. */
#define S_INPUT_MAX ((size_t)1 << 30)

/* ---- the pre-pass: a tag scanner just good enough to cut scripts and count nesting ---- */

static int S_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int S_name_is(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Elements that never nest: void ones, and those whose end tag is optional (a page of
 * unclosed <p> must not look deep). */
static const char *const S_flat_tags[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option",
    "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup", "html", "head",
    "body", NULL,
};
static const char *const S_raw_tags[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "noscript", "plaintext", NULL,
};

/* Offset just past the next occurrence of `needle` (ASCII, any case) from `at`, or n. */
static size_t S_skip_past(const char *s, size_t n, size_t at, const char *needle)
{
    size_t m = strlen(needle);
    if (!S_alpha(needle[0])) {
        /* "</script", "-->": the first byte has one case, so memchr can hop to it */
        for (size_t i = at; i + m <= n; i++) {
            const char *p = memchr(s + i, needle[0], n - i - m + 1);
            if (!p)
                return n;
            i = (size_t)(p - s);
            if (strncasecmp(p, needle, m) == 0)
                return i + m;
        }
        return n;
    }
    for (size_t i = at; i + m <= n; i++)
        if ((s[i] | 0x20) == (needle[0] | 0x20) && strncasecmp(s + i, needle, m) == 0)
            return i + m;
    return n;
}

/* Offset of the '>' that ends the tag opened at `at`, or n.  A quote opens a value only
 * right after '=' (as in HTML: alt=Bob's is an unquoted value with an apostrophe). */
static size_t S_tag_end(const char *s, size_t n, size_t at)
{
    char last = 0;  /* the last byte that was not white space */
    for (size_t i = at; i < n; i++) {
        char c = s[i];
        if (c == '>')
            return i;
        if ((c == '"' || c == '\'') && last == '=') {
            const char *q = memchr(s + i + 1, c, n - i - 1);
            if (!q)
                return n;
            i = (size_t)(q - s);
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            last = c;
    }
    return n;
}

typedef struct {
    const char *s;
    size_t n, copied;  /* s[0..copied) is in out already */
    tx_buf *out;
    int rewrote;
} S_cutter;

static void S_drop(S_cutter *l, size_t from, size_t to)
{
    tx_buf_append(l->out, l->s + l->copied, from - l->copied);
    l->copied = to;
    l->rewrote = 1;
}

/* Offset just past the end tag `close` ("</script") from `at`, '>' included, or n. */
static size_t S_past_end_tag(const char *s, size_t n, size_t at, const char *close)
{
    size_t past = S_skip_past(s, n, at, close);
    return past < n ? TX_MIN(S_tag_end(s, n, past) + 1, n) : n;
}

/* Does the tag text s[from..to) hold `needle` (lower case ASCII) in any case? */
static int S_tag_has(const char *s, size_t from, size_t to, const char *needle)
{
    return S_skip_past(s, to, from, needle) < to;
}

/* Copies s to out without what can never be article text and costs the parser most of its
 * time (scripts other than JSON-LD, style sheets, inline SVG, comments: over half the bytes
 * of a typical page), and without the start tags nested deeper than S_DEPTH_MAX and their
 * end tags.  Returns 1 when something was dropped (out holds the result), 0 when s is fine
 * as it is, -1 when out of memory. */
static int S_prepare(const char *s, size_t n, tx_buf *out)
{
    S_cutter l = {s, n, 0, out, 0};
    size_t depth = 0, dropped = 0;
    for (size_t i = 0; i < n;) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        size_t j = (size_t)(lt - s);
        if (j + 3 < n && s[j + 1] == '!' && s[j + 2] == '-' && s[j + 3] == '-') {
            /* searching from "<!" makes "<!-->" and "<!--->" end where HTML ends them */
            i = S_skip_past(s, n, j + 2, "-->");
            S_drop(&l, j, i);
            continue;
        }
        int end = j + 1 < n && s[j + 1] == '/';
        size_t k = j + 1 + (size_t)end;
        if (k >= n || !S_alpha(s[k])) {
            i = j + 1;
            continue;
        }
        char name[16];
        size_t m = 0;
        while (k < n && (S_alpha(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '-')) {
            if (m + 1 < sizeof(name))
                name[m++] = (char)(s[k] | 0x20);
            k++;
        }
        name[m] = '\0';
        size_t gt = S_tag_end(s, n, k);
        size_t after = gt < n ? gt + 1 : n;
        i = after;
        if (!end && (strcmp(name, "style") == 0 || strcmp(name, "svg") == 0 ||
                     (strcmp(name, "script") == 0 && !S_tag_has(s, j, after, "ld+json")))) {
            char close[20];
            snprintf(close, sizeof(close), "</%s", name);
            i = S_past_end_tag(s, n, after, close);
            S_drop(&l, j, i);
            continue;
        }
        if (S_name_is(name, S_raw_tags)) {
            if (!end) {
                char close[20];
                snprintf(close, sizeof(close), "</%s", name);
                size_t past = S_skip_past(s, n, after, close);
                i = past < n ? past - strlen(close) : n;
            }
            continue;
        }
        if (S_name_is(name, S_flat_tags) || (!end && gt < n && gt > j && s[gt - 1] == '/'))
            continue;
        if (!end) {
            if (depth < S_DEPTH_MAX)
                depth++;
            else {
                S_drop(&l, j, after);
                dropped++;
            }
        } else if (dropped > 0) {
            S_drop(&l, j, after);
            dropped--;
        } else if (depth > 0) {
            depth--;
        }
    }
    if (!l.rewrote)
        return 0;
    tx_buf_append(out, s + l.copied, n - l.copied);
    return out->failed ? -1 : 1;
}

/* ---- binary junk ---- */

/* Binary data has NUL bytes or many control characters early on; text and HTML have
 * neither. */
static int S_is_binary(const char *s, size_t n)
{
    size_t sample = TX_MIN(n, (size_t)4096), control = 0;
    for (size_t i = 0; i < sample; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
            control++;
    }
    return control * 50 > sample;
}

/* ---- the flattened tree and its text segments ---- */

enum {
    S_JUNK = 1,      /* never article text: scripts, navigation, hidden elements */
    S_BLOCK = 2,     /* a block-level element: its text is a segment of its own */
    S_NEG = 4,       /* class or id says boilerplate (comment, share, related, ...) */
    S_SOFTNEG = 8,   /* class or id says layout that is rarely article (header, sidebar) */
    S_POS = 16,      /* class or id says article body */
    S_BODYPROP = 32, /* itemprop=articleBody */
};

typedef struct {
    const GumboElement *element;
    uint32_t parent;  /* UINT32_MAX at the root */
    uint32_t end;     /* one past the last descendant, in pre-order */
    uint16_t tag;
    uint8_t flags;
    uint8_t in_neg;   /* inside a boilerplate-hinted element */
    uint32_t chars, link_chars;  /* text in the subtree, and how much of it is in links */
    uint32_t kids;    /* child elements kept */
    float good, bad;  /* article-like and boilerplate-like text in the subtree */
    float score;      /* prose near the element: its own and its descendants', decaying */
} S_node;

enum {
    S_SEG_P = 1, S_SEG_PRE = 2, S_SEG_QUOTE = 4,  /* inside <p>, <pre>, <blockquote> */
    S_SEG_TEASER = 8,   /* a link and a text cut short with "...": a teaser of another page */
    S_SEG_REPEATED = 16 /* the same text appears elsewhere on the page */
};

typedef struct {
    uint32_t start, end;  /* bytes of the page text buffer */
    uint32_t owner;       /* nearest block ancestor */
    uint32_t chars, link_chars, punct;
    uint8_t flags;
    uint8_t heading;      /* 1..6 for h1..h6, else 0 */
} S_seg;

typedef struct {
    S_node *nodes;
    size_t count, cap;
    S_seg *segs;
    size_t nsegs, capsegs;
    tx_buf text;
    int open;           /* the last segment is still taking text */
    int space;          /* a space is due before the next character */
    int in_link, in_pre, in_p, in_quote, heading;  /* what the walk is inside */
    tx_html_meta meta;  /* title, date, byline, url, JSON-LD body */
} S_page;

static int S_tag_in(GumboTag tag, const GumboTag *list)
{
    for (; *list != GUMBO_TAG_LAST; list++)
        if (*list == tag)
            return 1;
    return 0;
}

static const GumboTag S_junk_tags[] = {
    GUMBO_TAG_HEAD, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_SVG, GUMBO_TAG_MATH, GUMBO_TAG_CANVAS, GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT,
    GUMBO_TAG_EMBED, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO, GUMBO_TAG_SELECT, GUMBO_TAG_BUTTON,
    GUMBO_TAG_INPUT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_FOOTER,
    GUMBO_TAG_FIGCAPTION, GUMBO_TAG_MENU, GUMBO_TAG_LABEL,
    GUMBO_TAG_H1, GUMBO_TAG_LAST,
};

static const GumboTag S_inline_tags[] = {
    GUMBO_TAG_A, GUMBO_TAG_ABBR, GUMBO_TAG_B, GUMBO_TAG_BDI, GUMBO_TAG_BDO, GUMBO_TAG_BIG,
    GUMBO_TAG_CITE, GUMBO_TAG_CODE, GUMBO_TAG_DATA, GUMBO_TAG_DFN, GUMBO_TAG_EM,
    GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_IMG, GUMBO_TAG_INS, GUMBO_TAG_DEL, GUMBO_TAG_KBD,
    GUMBO_TAG_MARK, GUMBO_TAG_Q, GUMBO_TAG_S, GUMBO_TAG_SAMP, GUMBO_TAG_SMALL, GUMBO_TAG_SPAN,
    GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_SUB, GUMBO_TAG_SUP, GUMBO_TAG_TIME,
    GUMBO_TAG_TT, GUMBO_TAG_U, GUMBO_TAG_VAR, GUMBO_TAG_WBR, GUMBO_TAG_BR, GUMBO_TAG_NOBR,
    GUMBO_TAG_RUBY, GUMBO_TAG_RT, GUMBO_TAG_RP, GUMBO_TAG_LAST,
};

static const char *S_attr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

/* Case-insensitive substring test on a lower-cased haystack. */
static int S_has(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

static int S_has_any(const char *hay, const char *const *needles)
{
    for (; *needles; needles++)
        if (strstr(hay, *needles))
            return 1;
    return 0;
}

/* Does the lower-cased class/id string hold `word` as a whole token (tokens split at
 * anything but letters and digits)? */
static int S_has_token(const char *hay, const char *word)
{
    size_t m = strlen(word);
    for (const char *p = hay; (p = strstr(p, word)) != NULL; p++) {
        int left = p == hay || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
        char r = p[m];
        int right = !((r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'));
        if (left && right)
            return 1;
    }
    return 0;
}

/* Is `name` one of the white-space separated names of the class attribute? */
static int S_has_class(const char *cls, const char *name)
{
    size_t m = strlen(name);
    for (const char *p = cls; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        if ((size_t)(p - start) == m && strncasecmp(start, name, m) == 0)
            return 1;
    }
    return 0;
}

/* Boilerplate whatever else the class says. */
static const char *const S_hard_negative[] = {
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "newsletter",
    "subscri", "cookie", "consent", "gdpr", "outbrain", "taboola", "zergnet", "advert",
    "sponsor", "promo", "popup", "modal", "breadcrumb", "pagination", "caption", "byline",
    "author", "tag-list", "taglist", "tagcloud", "sr-only", "screen-reader", "visually-hidden",
    "visuallyhidden", "skip", "signup", "sign-up", "paywall", "read-more", "readmore",
    "more-stories", "most-read", "mostread", "most-popular", "trending", "jp-relatedposts",
    NULL,
};
static const char *const S_hard_negative_tokens[] = {
    "ad", "ads", "adslot", "adunit", "dfp", "tags", "credit", "credits", "print", "nocontent",
    NULL,
};
/* Whole class names (not parts of one: "field-label-hidden" hides only a label). */
static const char *const S_hidden_classes[] = {
    "hidden", "hide", "invisible", "d-none", "is-hidden", "element-hidden", NULL,
};
/* Layout that usually is not the article, unless the class also says article body. */
static const char *const S_soft_negative[] = {
    "header", "footer", "sidebar", "widget", "menu", "navbar", "navigation", "banner",
    "masthead", "toolbar", "teaser", "popular", "follow", "login", "overlay", "timestamp",
    "dateline", "meta", NULL,
};
static const char *const S_soft_negative_tokens[] = {"nav", "rail", "aside", "email", NULL};
static const char *const S_body_words[] = {"body", "content", "text", "copy", NULL};
static const char *const S_article_words[] = {
    "article", "story", "post", "entry", "blog", "news", NULL,
};

/* Sets S_NEG / S_SOFTNEG / S_POS from class and id. */
/* Class names that name the story's topics, not the element's role: "tag-social-media"
 * or "category-comment" on a post says nothing about boilerplate. */
static const char *const S_taxonomy_prefixes[] = {"tag-", "category-", "topic-", "post_tag-", NULL};

/* Writes the class names (but the taxonomy ones) and the id, lower-cased, into hay. */
static void S_hint_text(const char *cls, const char *id, char *hay, size_t size)
{
    size_t k = 0;
    for (const char *p = cls ? cls : ""; *p && k + 2 < size;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        int taxonomy = 0;
        for (const char *const *t = S_taxonomy_prefixes; *t && !taxonomy; t++)
            taxonomy = strncasecmp(start, *t, strlen(*t)) == 0;
        for (const char *c = start; c < p && !taxonomy && k + 2 < size; c++)
            hay[k++] = *c;
        if (p > start && !taxonomy)
            hay[k++] = ' ';
    }
    for (const char *p = id ? id : ""; *p && k + 1 < size; p++)
        hay[k++] = *p;
    hay[k] = '\0';
    for (char *p = hay; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
}

static uint8_t S_hint(const GumboElement *e)
{
    const char *cls = S_attr(e, "class"), *id = S_attr(e, "id");
    if (!cls && !id)
        return 0;
    char hay[384];
    S_hint_text(cls, id, hay, sizeof(hay));
    uint8_t flags = 0;
    if ((S_has_any(hay, S_article_words) && S_has_any(hay, S_body_words)) ||
        S_has(hay, "articlebody") || S_has(hay, "bodytext") || S_has(hay, "body-text"))
        flags |= S_POS;
    int hard = S_has_any(hay, S_hard_negative);
    for (const char *const *t = S_hard_negative_tokens; !hard && *t; t++)
        hard = S_has_token(hay, *t);
    for (const char *const *t = S_hidden_classes; !hard && cls && *t; t++)
        hard = S_has_class(cls, *t);
    /* an embedded post (a tweet quoted in the story) is article text, social or not */
    int embed = S_has(hay, "embed") || S_has(hay, "tweet") || S_has(hay, "instagram");
    if (hard && !embed)
        flags |= S_NEG;
    int soft = S_has_any(hay, S_soft_negative);
    for (const char *const *t = S_soft_negative_tokens; !soft && *t; t++)
        soft = S_has_token(hay, *t);
    if (soft && !(flags & S_POS) && !embed)
        flags |= S_SOFTNEG;
    return flags;
}

static const char *const S_junk_roles[] = {
    "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog",
    "alert", "alertdialog", "search", "toolbar", NULL,
};

/* Hidden from readers: the hidden attribute, aria-hidden, display:none. */
static int S_hidden(const GumboElement *e)
{
    if (S_attr(e, "hidden"))
        return 1;
    const char *aria = S_attr(e, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0)
        return 1;
    const char *style = S_attr(e, "style");
    if (style) {
        char buf[256];
        size_t k = 0;
        for (const char *p = style; *p && k + 1 < sizeof(buf); p++)
            if (*p != ' ' && *p != '\t')
                buf[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        buf[k] = '\0';
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
            return 1;
    }
    return 0;
}

static uint8_t S_element_flags(const GumboElement *e)
{
    GumboTag tag = e->tag;
    if (S_tag_in(tag, S_junk_tags) || S_hidden(e))
        return S_JUNK;
    const char *role = S_attr(e, "role");
    if (role) {
        char lower[32];
        snprintf(lower, sizeof(lower), "%s", role);
        for (char *p = lower; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        if (S_name_is(lower, S_junk_roles))
            return S_JUNK;
    }
    uint8_t flags = S_hint(e);
    /* custom elements (<hl-source>) render inline unless styled otherwise */
    if (!S_tag_in(tag, S_inline_tags) && tag != GUMBO_TAG_UNKNOWN)
        flags |= S_BLOCK;
    else if ((flags & S_NEG) && !(flags & S_POS))
        return S_JUNK;  /* a caption, credit or share link inside a paragraph */
    const char *prop = S_attr(e, "itemprop");
    if (prop && strcasecmp(prop, "articleBody") == 0)
        flags |= S_BODYPROP | S_POS;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN)
        flags &= (uint8_t)~S_SOFTNEG;
    /* a page-wide class on <body> ("ArticlePage-body") says nothing about one block */
    if (tag == GUMBO_TAG_BODY)
        flags &= (uint8_t)~(S_POS | S_NEG | S_SOFTNEG);
    return flags;
}

/* ---- building segments ---- */

/* Does the text end with "..." or "…" (a summary cut short)? */
static int S_ends_cut(const char *t, size_t n)
{
    return (n >= 3 && memcmp(t + n - 3, "...", 3) == 0) ||
           (n >= 3 && memcmp(t + n - 3, "\xE2\x80\xA6", 3) == 0);
}

static void S_close_segment(S_page *pg)
{
    if (pg->open) {
        S_seg *s = &pg->segs[pg->nsegs - 1];
        /* trim a trailing space or line break */
        while (pg->text.len > s->start &&
               (pg->text.data[pg->text.len - 1] == ' ' || pg->text.data[pg->text.len - 1] == '\n'))
            pg->text.len--;
        s->end = (uint32_t)pg->text.len;
        if (s->end == s->start)
            pg->nsegs--;
        else if (s->link_chars > 0 && S_ends_cut(pg->text.data + s->start, s->end - s->start))
            s->flags |= S_SEG_TEASER;
        pg->open = 0;
    }
    pg->space = 0;
}

static int S_open_segment(S_page *pg, uint32_t owner)
{
    if (pg->open)
        return 0;
    if (tx_reserve((void **)&pg->segs, &pg->capsegs, pg->nsegs, sizeof(*pg->segs)) < 0)
        return -1;
    S_seg *s = &pg->segs[pg->nsegs++];
    memset(s, 0, sizeof(*s));
    s->start = s->end = (uint32_t)pg->text.len;
    s->owner = owner;
    s->flags = (uint8_t)((pg->in_p ? S_SEG_P : 0) | (pg->in_pre ? S_SEG_PRE : 0) |
                         (pg->in_quote ? S_SEG_QUOTE : 0));
    s->heading = (uint8_t)pg->heading;
    pg->open = 1;
    pg->space = 0;
    return 0;
}

/* <br>, or a newline in <pre>: the text goes on on a new line (never a blank one). */
static void S_line_break(S_page *pg)
{
    if (pg->open && pg->text.len > pg->segs[pg->nsegs - 1].start &&
        pg->text.data[pg->text.len - 1] != '\n')
        tx_buf_putc(&pg->text, '\n');
    pg->space = 0;
}

/* Appends a text node to the open segment, white space collapsed (kept in <pre>). */
static int S_add_text(S_page *pg, uint32_t owner, const char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t sp = tx_utf8_space(t + i, n - i);
        if (sp > 0) {
            if (pg->in_pre && t[i] == '\n') {
                S_line_break(pg);
            } else {
                pg->space = 1;
            }
            i += sp;
            continue;
        }
        if (!pg->open && S_open_segment(pg, owner) < 0)
            return -1;
        S_seg *s = &pg->segs[pg->nsegs - 1];
        if (pg->space && pg->text.len > s->start && pg->text.data[pg->text.len - 1] != '\n')
            tx_buf_putc(&pg->text, ' ');
        pg->space = 0;
        size_t start = i;
        while (i < n && tx_utf8_space(t + i, n - i) == 0) {
            unsigned char c = (unsigned char)t[i];
            if ((c & 0xC0) != 0x80) {
                s->chars++;
                if (pg->in_link)
                    s->link_chars++;
                if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';')
                    s->punct++;
            }
            i++;
        }
        tx_buf_append(&pg->text, t + start, i - start);
    }
    return pg->text.failed ? -1 : 0;
}

static int S_heading_level(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
    }
}

/* The context counters an element changes while the walk is inside it. */
static void S_context(S_page *pg, GumboTag tag, int delta)
{
    switch (tag) {
    case GUMBO_TAG_A: pg->in_link += delta; break;
    case GUMBO_TAG_PRE: pg->in_pre += delta; break;
    case GUMBO_TAG_P: pg->in_p += delta; break;
    case GUMBO_TAG_BLOCKQUOTE: pg->in_quote += delta; break;
    default:
        if (S_heading_level(tag))
            pg->heading = delta > 0 ? S_heading_level(tag) : 0;
    }
}

static int S_add_node(S_page *pg, uint32_t parent, const GumboElement *e, uint8_t flags)
{
    if (tx_reserve((void **)&pg->nodes, &pg->cap, pg->count, sizeof(*pg->nodes)) < 0)
        return -1;
    S_node *nd = &pg->nodes[pg->count++];
    memset(nd, 0, sizeof(*nd));
    nd->element = e;
    nd->parent = parent;
    nd->tag = (uint16_t)e->tag;
    nd->flags = flags;
    if (parent != UINT32_MAX)
        pg->nodes[parent].kids++;
    nd->in_neg = parent != UINT32_MAX &&
                 (pg->nodes[parent].in_neg || (pg->nodes[parent].flags & S_NEG));
    return 0;
}

typedef struct {
    const GumboNode *node;
    uint32_t index;    /* our node, or UINT32_MAX for gumbo nodes we do not keep */
    uint32_t block;    /* nearest block ancestor (or self) */
    unsigned child;
    int meta_only;     /* inside <head> or a junk element: metadata only, no text */
} S_frame;

static void S_leave(S_page *pg, const S_frame *f)
{
    if (f->index == UINT32_MAX)
        return;
    S_node *nd = &pg->nodes[f->index];
    nd->end = (uint32_t)pg->count;
    S_context(pg, (GumboTag)nd->tag, -1);
    if (nd->flags & S_BLOCK)
        S_close_segment(pg);
}

/* Walks the document once, depth first without recursion: metadata from every element,
 * nodes and text segments from the visible ones. */
static int S_walk(S_page *pg, const GumboNode *root)
{
    S_frame *stack = NULL;
    size_t depth = 0, cap = 0;
    if (tx_reserve((void **)&stack, &cap, 0, sizeof(*stack)) < 0)
        return -1;
    stack[depth++] = (S_frame){root, UINT32_MAX, UINT32_MAX, 0, 0};
    int rc = 0;
    while (depth > 0 && rc == 0) {
        S_frame *f = &stack[depth - 1];
        const GumboVector *children = f->node->type == GUMBO_NODE_DOCUMENT
                                          ? &f->node->v.document.children
                                          : &f->node->v.element.children;
        if (f->child >= children->length) {
            S_leave(pg, f);
            depth--;
            continue;
        }
        const GumboNode *child = children->data[f->child++];
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
            child->type == GUMBO_NODE_WHITESPACE) {
            if (f->block != UINT32_MAX && !f->meta_only)
                rc = S_add_text(pg, f->block, child->v.text.text, strlen(child->v.text.text));
            continue;
        }
        if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *e = &child->v.element;
        if (tx_html_meta_element(&pg->meta, child) < 0) {
            rc = -1;
            break;
        }
        S_frame next = {child, UINT32_MAX, f->block, 0, f->meta_only};
        if (!f->meta_only) {
            if (e->tag == GUMBO_TAG_BR) {
                S_line_break(pg);
                continue;
            }
            uint8_t flags = S_element_flags(e);
            if (flags & S_JUNK) {
                /* a junk block still ends the text around it */
                if (!S_tag_in(e->tag, S_inline_tags))
                    S_close_segment(pg);
                next.meta_only = 1;
            } else if (e->tag != GUMBO_TAG_HTML) {
                next.index = (uint32_t)pg->count;
                if (S_add_node(pg, f->index, e, flags) < 0) {
                    rc = -1;
                    break;
                }
                if (flags & S_BLOCK) {
                    S_close_segment(pg);
                    next.block = next.index;
                }
                S_context(pg, e->tag, +1);
            }
        }
        if (tx_reserve((void **)&stack, &cap, depth, sizeof(*stack)) < 0) {
            rc = -1;
            break;
        }
        stack[depth++] = next;
    }
    free(stack);
    S_close_segment(pg);
    return rc == 0 && !pg->text.failed ? 0 : -1;
}

/* ---- scoring ---- */

/* Is this segment prose: in a paragraph or long enough with sentence punctuation? */
static int S_prose(const S_seg *s)
{
    if (s->heading || (s->flags & (S_SEG_TEASER | S_SEG_REPEATED)))
        return 0;
    float ld = s->chars ? (float)s->link_chars / (float)s->chars : 0;
    /* a paragraph may carry many links and still be prose */
    if (s->flags & (S_SEG_P | S_SEG_PRE | S_SEG_QUOTE))
        return ld <= 0.6f && s->chars - s->link_chars >= 20;
    uint32_t plain = s->chars - s->link_chars;
    if (ld > 0.5f)
        return 0;
    return plain >= 100 || (plain >= 40 && s->punct > 0);
}

/* Credits a paragraph to the block holding it and, less and less, to the blocks around
 * that: an article is many paragraphs under one parent, a page of teasers is short texts
 * each under a parent of its own. */
static void S_spread(S_page *pg, uint32_t owner, float weight)
{
    static const float decay[] = {1.0f, 1.0f, 0.5f, 1.0f / 6, 1.0f / 9, 1.0f / 12};
    uint32_t at = owner;
    for (size_t level = 0; level < TX_ARRAY_SIZE(decay) && at != UINT32_MAX; level++) {
        pg->nodes[at].score += weight * decay[level];
        at = pg->nodes[at].parent;
    }
}

static uint64_t S_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Marks the segments whose text appears more than once on the page (teaser lists shown
 * twice, repeated widgets).  One hash table of segment indexes, open addressing. */
static int S_mark_repeats(S_page *pg)
{
    size_t size = 64;
    while (size < 2 * pg->nsegs)
        size *= 2;
    uint32_t *table = malloc(size * sizeof(*table));
    if (!table)
        return -1;
    memset(table, 0xFF, size * sizeof(*table));
    for (size_t i = 0; i < pg->nsegs; i++) {
        S_seg *s = &pg->segs[i];
        size_t n = s->end - s->start;
        if (s->chars < 30)
            continue;
        const char *t = pg->text.data + s->start;
        for (size_t at = S_hash(t, n) & (size - 1);; at = (at + 1) & (size - 1)) {
            if (table[at] == UINT32_MAX) {
                table[at] = (uint32_t)i;
                break;
            }
            S_seg *other = &pg->segs[table[at]];
            if (other->end - other->start == n && memcmp(pg->text.data + other->start, t, n) == 0) {
                other->flags |= S_SEG_REPEATED;
                s->flags |= S_SEG_REPEATED;
                break;
            }
        }
    }
    free(table);
    return 0;
}

/* Adds every segment's weight to its owner, then sums subtrees (children follow their
 * parent in pre-order, so one backward pass does it).  Text under a boilerplate-hinted
 * element counts against its ancestors. */
static void S_score(S_page *pg)
{
    for (size_t i = 0; i < pg->nsegs; i++) {
        const S_seg *s = &pg->segs[i];
        S_node *nd = &pg->nodes[s->owner];
        nd->chars += s->chars;
        nd->link_chars += s->link_chars;
        if (S_prose(s)) {
            S_spread(pg, s->owner, (float)(s->chars - s->link_chars));
            nd->good += (float)(s->chars - s->link_chars);
            nd->bad += (float)s->link_chars;
        } else if (!s->heading) {
            nd->bad += (float)s->link_chars + 0.3f * (float)(s->chars - s->link_chars);
        }
    }
    for (size_t i = pg->count; i-- > 0;) {
        S_node *nd = &pg->nodes[i];
        if (nd->parent == UINT32_MAX)
            continue;
        S_node *up = &pg->nodes[nd->parent];
        up->chars += nd->chars;
        up->link_chars += nd->link_chars;
        if (nd->flags & (S_NEG | S_SOFTNEG)) {
            up->bad += nd->good + nd->bad;
        } else {
            up->good += nd->good;
            up->bad += nd->bad;
        }
    }
}

static float S_hint_factor(const S_node *nd)
{
    float factor = 1;
    if (nd->flags & S_BODYPROP)
        factor = 1.5f;
    else if (nd->flags & S_POS)
        factor = 1.25f;
    if (nd->in_neg || (nd->flags & S_NEG))
        factor *= 0.25f;
    return factor;
}

/* The readability-style score: nearby prose, less the share of link text. */
static float S_local_score(const S_node *nd)
{
    float density = nd->chars ? (float)nd->link_chars / (float)nd->chars : 0;
    return nd->score * (1 - density) * S_hint_factor(nd);
}

/* The block with the best local score, or UINT32_MAX when no block holds prose. */
static uint32_t S_top_block(const S_page *pg)
{
    uint32_t best = UINT32_MAX;
    float top = 0;
    for (size_t i = 0; i < pg->count; i++) {
        const S_node *nd = &pg->nodes[i];
        if (!(nd->flags & S_BLOCK))
            continue;
        float score = S_local_score(nd);
        if (score > 0 && score >= top) {
            top = score;
            best = (uint32_t)i;
        }
    }
    return best;
}

/* From the best-scoring block, climbs to a parent that scores better still (the article
 * split into several blocks), or through parents that hold nothing else. */
static uint32_t S_climb(const S_page *pg, uint32_t best)
{
    float last = S_local_score(&pg->nodes[best]), floor = last / 3;
    for (uint32_t up = pg->nodes[best].parent; up != UINT32_MAX; up = pg->nodes[up].parent) {
        if (pg->nodes[up].tag == GUMBO_TAG_BODY)
            break;
        float score = S_local_score(&pg->nodes[up]);
        if (score < floor)
            break;
        if (score > last) {
            best = up;
            break;
        }
        last = score;
    }
    for (uint32_t up = pg->nodes[best].parent;
         up != UINT32_MAX && pg->nodes[up].tag != GUMBO_TAG_BODY && pg->nodes[up].kids == 1;
         up = pg->nodes[up].parent)
        best = up;
    return best;
}

/* An element marked itemprop=articleBody that holds at least as much prose as the chosen
 * block is the publisher's own word on where the article is. */
static uint32_t S_marked_body(const S_page *pg, uint32_t best)
{
    float floor = 0.8f * pg->nodes[best].good;
    uint32_t marked = best;
    for (uint32_t i = 0; i < pg->count; i++) {
        const S_node *nd = &pg->nodes[i];
        if ((nd->flags & S_BODYPROP) && !nd->in_neg && nd->good >= floor && nd->good > 0) {
            floor = nd->good;
            marked = i;
        }
    }
    return marked;
}

static uint32_t S_best(const S_page *pg)
{
    uint32_t best = S_top_block(pg);
    if (best != UINT32_MAX)
        best = S_marked_body(pg, S_climb(pg, best));
    return best;
}

/* ---- output ---- */

enum { S_OUT = 0, S_IN, S_DROPPED };

static void S_mark_range(const S_page *pg, uint32_t node, uint8_t *state)
{
    for (uint32_t i = node; i < pg->nodes[node].end; i++)
        state[i] = S_IN;
}

static int S_same_class(const S_node *a, const S_node *b)
{
    const char *x = S_attr(a->element, "class"), *y = S_attr(b->element, "class");
    return x && y && *x && strcmp(x, y) == 0;
}

/* Is a sibling of the chosen block part of the article too: well scored, or a plain
 * paragraph of prose? */
static int S_sibling_joins(const S_page *pg, uint32_t best, uint32_t sib)
{
    const S_node *top = &pg->nodes[best], *nd = &pg->nodes[sib];
    if (nd->flags & S_NEG)
        return 0;
    float top_score = S_local_score(top), bonus = S_same_class(top, nd) ? 0.2f * top_score : 0;
    if (S_local_score(nd) + bonus >= TX_MAX(100.0f, 0.2f * top_score))
        return 1;
    if (nd->tag != GUMBO_TAG_P || nd->chars == 0)
        return 0;
    float density = (float)nd->link_chars / (float)nd->chars;
    return (density < 0.25f && nd->chars > 80) || (nd->good > 0 && nd->link_chars == 0);
}

/* Marks the nodes whose text is the article: the chosen block and the siblings that join
 * it.  Returns whether text directly under the parent (between siblings) belongs too. */
static int S_select(const S_page *pg, uint32_t best, uint8_t *state)
{
    S_mark_range(pg, best, state);
    uint32_t parent = pg->nodes[best].parent;
    if (parent == UINT32_MAX)
        return 0;
    int joined = 0;
    for (uint32_t i = parent + 1; i < pg->nodes[parent].end; i = pg->nodes[i].end) {
        if (i != best && S_sibling_joins(pg, best, i)) {
            S_mark_range(pg, i, state);
            joined = 1;
        }
    }
    /* an article cut into chunks, each in a block of the same class, wrapped separately */
    const S_node *top = &pg->nodes[best];
    for (uint32_t i = 0; i < pg->count; i++) {
        const S_node *nd = &pg->nodes[i];
        if (state[i] == S_OUT && nd->tag == top->tag && S_same_class(nd, top) &&
            !(i < best && nd->end > best) && nd->good >= 100 && !nd->in_neg) {
            S_mark_range(pg, i, state);
            i = nd->end - 1;
        }
    }
    return joined;
}

/* Inside the selection, which subtrees go: boilerplate-hinted ones (unless they hold most
 * of the article), and link lists. */
static void S_mark_drops(const S_page *pg, uint32_t best, uint8_t *state)
{
    const S_node *top = &pg->nodes[best];
    for (uint32_t i = 0; i < pg->count; i++) {
        const S_node *nd = &pg->nodes[i];
        if (state[i] != S_IN)
            continue;
        if (nd->parent != UINT32_MAX && state[nd->parent] == S_DROPPED) {
            state[i] = S_DROPPED;
            continue;
        }
        int hinted = (nd->flags & S_NEG) || ((nd->flags & S_SOFTNEG) && !(nd->flags & S_POS));
        if (hinted && nd->good < 0.5f * top->good)
            state[i] = S_DROPPED;
        else if (nd->chars > 0 && nd->link_chars * 2 > nd->chars && nd->good < 0.3f * nd->chars &&
                 nd->chars < top->chars / 2)
            state[i] = S_DROPPED;
    }
}

/* Short lines that are page furniture wherever they appear. */
static const char *const S_furniture[] = {
    "advertisement", "advertisment", "sponsored", "share this", "share on", "share:", "tweet",
    "click here", "sign up", "subscribe", "follow us", "read more", "related:", "see also",
    "also read", "image:", "photo:", "getty images", "copyright", "all rights reserved",
    "loading", "continue reading", "watch:", "listen:", "we use cookies", "back to top",
    "skip to", "comments", "leave a comment", "print", "email", NULL,
};

static int S_is_furniture(const char *t, size_t n, const S_seg *s)
{
    if (s->chars > 80)
        return 0;
    for (const char *const *f = S_furniture; *f; f++) {
        size_t m = strlen(*f);
        if (n >= m && strncasecmp(t, *f, m) == 0)
            return 1;
    }
    return 0;
}

/* Is the segment the page's headline again (a heading or title block repeating og:title
 * or <title>, which may add the site name)? */
static int S_is_headline(const S_page *pg, const S_seg *s)
{
    const char *title = pg->meta.field[TX_META_TITLE];
    size_t n = s->end - s->start;
    if (!title || n < 10 || (s->flags & S_SEG_P))
        return 0;
    const char *t = pg->text.data + s->start;
    for (const char *at = title; (at = strchr(at, t[0])) != NULL; at++)
        if (strncmp(at, t, n) == 0)
            return 1;
    return 0;
}

static int S_keep_segment(const S_page *pg, const S_seg *s)
{
    if (s->heading == 1 || S_is_headline(pg, s))
        return 0;
    if (s->chars > 0 && s->link_chars * 2 > s->chars &&
        !((s->flags & S_SEG_P) && S_prose(s) && s->chars - s->link_chars >= 100))
        return 0;
    return !S_is_furniture(pg->text.data + s->start, s->end - s->start, s);
}

static tx_status S_emit(S_page *pg, tx_html_page *page)
{
    tx_buf out = TX_BUF_INIT;
    uint32_t best = S_best(pg);
    if (best != UINT32_MAX) {
        uint8_t *state = calloc(pg->count, 1);
        uint8_t *keep = calloc(pg->nsegs + 1, 1);
        if (!state || !keep) {
            free(state);
            free(keep);
            return TX_ERR_NOMEM;
        }
        int parent_text = S_select(pg, best, state);
        S_mark_drops(pg, best, state);
        uint32_t parent = pg->nodes[best].parent;
        for (size_t i = 0; i < pg->nsegs; i++) {
            const S_seg *s = &pg->segs[i];
            int inside = state[s->owner] == S_IN ||
                         (parent_text && s->owner == parent && S_prose(s));
            keep[i] = inside && S_keep_segment(pg, s);
        }
        /* a heading is kept only when article text follows it before the next heading */
        int text_follows = 0;
        for (size_t i = pg->nsegs; i-- > 0;) {
            if (!keep[i])
                continue;
            if (pg->segs[i].heading) {
                keep[i] = (uint8_t)text_follows;
                text_follows = 0;
            } else {
                text_follows = 1;
            }
        }
        for (size_t i = 0; i < pg->nsegs; i++) {
            if (!keep[i])
                continue;
            const S_seg *s = &pg->segs[i];
            tx_buf_append(&out, pg->text.data + s->start, s->end - s->start);
            tx_buf_putc(&out, '\n');
        }
        free(state);
        free(keep);
    }
    if (out.failed) {
        tx_buf_free(&out);
        return TX_ERR_NOMEM;
    }
    /* the JSON-LD body stands in when the page layout gave next to nothing */
    const char *body = pg->meta.body;
    if (body && strlen(body) > 3 * out.len && strlen(body) > 200) {
        tx_buf_clear(&out);
        tx_buf_puts(&out, body);
    }
    if (tx_buf_reserve(&out, 1) < 0) {
        tx_buf_free(&out);
        return TX_ERR_NOMEM;
    }
    out.data[out.len] = '\0';
    if (out.len > 0 && out.data[out.len - 1] == '\n')
        out.data[--out.len] = '\0';
    if (out.failed) {
        tx_buf_free(&out);
        return TX_ERR_NOMEM;
    }
    page->text = tx_buf_detach(&out, &page->text_len);
    return TX_OK;
}

/* ---- the entry point ---- */

void tx_html_page_clear(tx_html_page *page)
{
    free(page->title);
    free(page->date);
    free(page->byline);
    free(page->url);
    free(page->text);
    *page = (tx_html_page)TX_HTML_PAGE_INIT;
}

static void S_page_free(S_page *pg)
{
    free(pg->nodes);
    free(pg->segs);
    tx_buf_free(&pg->text);
    tx_html_meta_free(&pg->meta);
}

static tx_status S_extract(const char *html, size_t len, tx_html_page *page)
{
    GumboOutput *doc = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!doc)
        return TX_ERR_NOMEM;
    S_page pg;
    memset(&pg, 0, sizeof(pg));
    tx_status status = S_walk(&pg, doc->document) < 0 ? TX_ERR_NOMEM : TX_OK;
    if (status == TX_OK && S_mark_repeats(&pg) < 0)
        status = TX_ERR_NOMEM;
    if (status == TX_OK) {
        S_score(&pg);
        status = S_emit(&pg, page);
    }
    if (status == TX_OK)
        status = tx_html_meta_finish(&pg.meta, &page->title, &page->date, &page->byline,
                                     &page->url);
    gumbo_destroy_output(&kGumboDefaultOptions, doc);
    S_page_free(&pg);
    return status;
}

tx_status tx_html_extract(const char *html, size_t len, tx_html_page *page)
{
    *page = (tx_html_page)TX_HTML_PAGE_INIT;
    assert(html || len == 0);
    if (!html)
        html = "";
    if (len > S_INPUT_MAX)
        return TX_ERR_LIMIT;
    if (len > 0 && S_is_binary(html, len))
        return TX_ERR_SYNTAX;
    tx_buf decoded = TX_BUF_INIT, limited = TX_BUF_INIT;
    tx_status status = TX_OK;
    if (tx_charset_needs_decoding(html, len)) {
        status = tx_charset_decode(html, len, &decoded);
        html = decoded.data ? decoded.data : "";
        len = decoded.len;
    }
    if (status == TX_OK) {
        int rc = S_prepare(html, len, &limited);
        if (rc < 0)
            status = TX_ERR_NOMEM;
        else if (rc > 0) {
            html = limited.data;
            len = limited.len;
        }
    }
    if (status == TX_OK)
        status = S_extract(html, len, page);
    tx_buf_free(&decoded);
    tx_buf_free(&limited);
    if (status != TX_OK)
        tx_html_page_clear(page);
    return status;
}
