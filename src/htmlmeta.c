/* htmlmeta.c: title, date, byline and canonical URL of a page, each from its most trusted source. */
#include "htmlmeta.h"

#include "buffer.h"
#include "utf8.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest value kept from element text (a byline, a <title>). */
#define S_TEXT_MAX 512
/* JSON-LD nesting looked into for the article object. */
#define S_JSON_DEPTH 8

/* Stores `value` (s[0..n), white space collapsed and trimmed) in `field` unless a source of
 * the same or a higher rank got there first. */
static int S_offer(tx_html_meta *m, int field, int rank, const char *s, size_t n)
{
    if (!s || (m->field[field] && m->rank[field] >= rank))
        return 0;
    while (n > 0 && tx_utf8_space(s, n)) {
        size_t sp = tx_utf8_space(s, n);
        s += sp;
        n -= sp;
    }
    /* "By Jane Doe" is a byline of "Jane Doe" */
    if (field == TX_META_BYLINE && n > 3 && strncasecmp(s, "by ", 3) == 0) {
        s += 3;
        n -= 3;
    }
    tx_buf b = TX_BUF_INIT;
    int space = 0;
    for (size_t i = 0; i < n;) {
        size_t sp = tx_utf8_space(s + i, n - i);
        if (sp) {
            space = b.len > 0;
            i += sp;
            continue;
        }
        if (space)
            tx_buf_putc(&b, ' ');
        space = 0;
        tx_buf_putc(&b, s[i++]);
    }
    if (b.failed)
        return -1;
    if (b.len == 0 || tx_utf8_validate(b.data, b.len) != b.len) {
        tx_buf_free(&b);
        return 0;
    }
    free(m->field[field]);
    m->field[field] = tx_buf_detach(&b, NULL);
    m->rank[field] = rank;
    return 0;
}

static int S_offer_str(tx_html_meta *m, int field, int rank, const char *s)
{
    return s ? S_offer(m, field, rank, s, strlen(s)) : 0;
}

/* The text under an element, at most S_TEXT_MAX bytes (a few levels deep is enough for
 * titles and bylines). */
static void S_text(const GumboNode *node, tx_buf *out, int depth)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
        if (out->len < S_TEXT_MAX) {
            tx_buf_puts(out, node->v.text.text);
            tx_buf_putc(out, ' ');
        }
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > 8)
        return;
    const GumboVector *children = &node->v.element.children;
    for (unsigned i = 0; i < children->length; i++)
        S_text(children->data[i], out, depth + 1);
}

static int S_offer_text(tx_html_meta *m, int field, int rank, const GumboNode *node)
{
    if (m->field[field] && m->rank[field] >= rank)
        return 0;
    tx_buf b = TX_BUF_INIT;
    S_text(node, &b, 0);
    if (b.failed)
        return -1;
    const char *s = b.data ? b.data : "";
    int rc = b.len < 2 * S_TEXT_MAX ? S_offer(m, field, rank, s, b.len) : 0;
    tx_buf_free(&b);
    return rc;
}

static const char *S_attr(const GumboNode *node, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* ---- JSON-LD ---- */

static int S_article_type(json_t *type)
{
    if (json_is_array(type)) {
        size_t i;
        json_t *t;
        json_array_foreach(type, i, t) if (S_article_type(t)) return 1;
        return 0;
    }
    const char *s = json_string_value(type);
    return s && (strstr(s, "Article") || strstr(s, "Posting") || strstr(s, "Report"));
}

/* "Jane Doe", {"name": "Jane Doe"} or a list of them, joined by ", ". */
static void S_author_names(json_t *author, tx_buf *out, int depth)
{
    if (depth > 3)
        return;
    if (json_is_array(author)) {
        size_t i;
        json_t *a;
        json_array_foreach(author, i, a) S_author_names(a, out, depth + 1);
        return;
    }
    json_t *name = json_is_object(author) ? json_object_get(author, "name") : author;
    const char *s = json_string_value(name);
    if (s && *s) {
        if (out->len > 0)
            tx_buf_puts(out, ", ");
        tx_buf_puts(out, s);
    }
}

static int S_json_article(tx_html_meta *m, json_t *obj)
{
    int article = S_article_type(json_object_get(obj, "@type"));
    json_t *headline = json_object_get(obj, "headline");
    if (!article && !headline)
        return 0;
    int rank = article ? 4 : 3;
    int rc = S_offer_str(m, TX_META_TITLE, rank, json_string_value(headline));
    rc |= S_offer_str(m, TX_META_DATE, rank + 1, json_string_value(json_object_get(obj, "datePublished")));
    tx_buf names = TX_BUF_INIT;
    S_author_names(json_object_get(obj, "author"), &names, 0);
    if (names.failed)
        rc = -1;
    else if (names.len)
        rc |= S_offer(m, TX_META_BYLINE, rank + 1, names.data, names.len);
    tx_buf_free(&names);
    if (article)
        rc |= S_offer_str(m, TX_META_URL, 3, json_string_value(json_object_get(obj, "url")));
    const char *body = json_string_value(json_object_get(obj, "articleBody"));
    if (body && !m->body && (m->body = strdup(body)) == NULL)
        rc = -1;
    return rc;
}

static int S_json_walk(tx_html_meta *m, json_t *v, int depth)
{
    if (depth > S_JSON_DEPTH)
        return 0;
    int rc = 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) rc |= S_json_walk(m, item, depth + 1);
    } else if (json_is_object(v)) {
        rc |= S_json_article(m, v);
        json_t *graph = json_object_get(v, "@graph");
        if (graph)
            rc |= S_json_walk(m, graph, depth + 1);
    }
    return rc;
}

static int S_json_ld(tx_html_meta *m, const GumboNode *script)
{
    const GumboVector *children = &script->v.element.children;
    if (children->length == 0)
        return 0;
    const GumboNode *text = children->data[0];
    if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_WHITESPACE &&
        text->type != GUMBO_NODE_CDATA)
        return 0;
    json_error_t error;
    /* some pages put a second object or a stray ";" after the first */
    json_t *root = json_loads(text->v.text.text, JSON_DISABLE_EOF_CHECK, &error);
    if (!root)
        return 0;  /* broken JSON-LD is common; the other sources remain */
    int rc = S_json_walk(m, root, 0);
    json_decref(root);
    return rc;
}

/* ---- meta tags ---- */

static const char *const S_date_names[] = {
    "og:published_time", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued",
    "parsely-pub-date", "sailthru.date", "article.published", "original-publish-date",
    "article_date_original", "datecreated", NULL,
};
static const char *const S_author_names_meta[] = {
    "author", "byline", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    NULL,
};

static int S_in(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(s, *list) == 0)
            return 1;
    return 0;
}

static int S_meta(tx_html_meta *m, const GumboNode *node)
{
    const char *content = S_attr(node, "content");
    if (!content)
        return 0;
    const char *key = S_attr(node, "property");
    if (!key)
        key = S_attr(node, "name");
    if (!key)
        key = S_attr(node, "itemprop");
    if (!key)
        return 0;
    if (strcasecmp(key, "og:title") == 0)
        return S_offer_str(m, TX_META_TITLE, 5, content);
    if (strcasecmp(key, "twitter:title") == 0)
        return S_offer_str(m, TX_META_TITLE, 3, content);
    if (strcasecmp(key, "article:published_time") == 0)
        return S_offer_str(m, TX_META_DATE, 5, content);
    if (strcasecmp(key, "datePublished") == 0)
        return S_offer_str(m, TX_META_DATE, 4, content);
    if (S_in(key, S_date_names))
        return S_offer_str(m, TX_META_DATE, 3, content);
    if (S_in(key, S_author_names_meta))
        return S_offer_str(m, TX_META_BYLINE, 4, content);
    if (strcasecmp(key, "article:author") == 0 && strncmp(content, "http", 4) != 0)
        return S_offer_str(m, TX_META_BYLINE, 3, content);
    if (strcasecmp(key, "og:url") == 0)
        return S_offer_str(m, TX_META_URL, 4, content);
    return 0;
}

static int S_attr_is(const GumboNode *node, const char *name, const char *value)
{
    const char *v = S_attr(node, name);
    return v && strcasecmp(v, value) == 0;
}

int tx_html_meta_element(tx_html_meta *m, const GumboNode *node)
{
    assert(node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
    const GumboElement *e = &node->v.element;
    if (e->attributes.length == 0 && e->tag != GUMBO_TAG_TITLE && e->tag != GUMBO_TAG_H1)
        return 0;
    switch (e->tag) {
    case GUMBO_TAG_META:
        return S_meta(m, node);
    case GUMBO_TAG_LINK:
        return S_attr_is(node, "rel", "canonical") ? S_offer_str(m, TX_META_URL, 5, S_attr(node, "href")) : 0;
    case GUMBO_TAG_SCRIPT:
        return S_attr_is(node, "type", "application/ld+json") ? S_json_ld(m, node) : 0;
    case GUMBO_TAG_TITLE:
        if (m->seen_title++)
            return 0;
        return S_offer_text(m, TX_META_TITLE, 2, node);
    case GUMBO_TAG_H1:
        if (m->seen_h1++)
            return 0;
        return S_offer_text(m, TX_META_TITLE, 1, node);
    case GUMBO_TAG_TIME: {
        const char *when = S_attr(node, "datetime");
        int rank = S_attr_is(node, "itemprop", "datePublished") ? 4 : S_attr(node, "pubdate") ? 2 : 1;
        return S_offer_str(m, TX_META_DATE, rank, when);
    }
    default:
        break;
    }
    if (S_attr_is(node, "itemprop", "datePublished")) {
        const char *when = S_attr(node, "content");
        return S_offer_str(m, TX_META_DATE, 4, when ? when : S_attr(node, "datetime"));
    }
    if (S_attr_is(node, "rel", "author") || S_attr_is(node, "itemprop", "author"))
        return S_offer_text(m, TX_META_BYLINE, 2, node);
    return 0;
}

tx_status tx_html_meta_finish(tx_html_meta *m, char **title, char **date, char **byline,
                              char **url)
{
    char **out[TX_META_FIELDS] = {title, date, byline, url};
    for (int i = 0; i < TX_META_FIELDS; i++) {
        *out[i] = m->field[i];
        m->field[i] = NULL;
    }
    return TX_OK;
}

void tx_html_meta_free(tx_html_meta *m)
{
    for (int i = 0; i < TX_META_FIELDS; i++)
        free(m->field[i]);
    free(m->body);
    memset(m, 0, sizeof(*m));
}
