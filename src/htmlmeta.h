/* htmlmeta.h: a page's title, date, byline and canonical URL from its meta tags, JSON-LD and markup. */
#ifndef TX_HTMLMETA_H
#define TX_HTMLMETA_H

#include "common.h"

#include <gumbo.h>

enum { TX_META_TITLE, TX_META_DATE, TX_META_BYLINE, TX_META_URL, TX_META_FIELDS };

/* What the elements seen so far say.  Each field keeps the value of the most trusted
 * source (og:title over <title>, JSON-LD datePublished over <time>, ...); the strings are
 * owned by the struct.  Zero-initialise it. */
typedef struct {
    char *field[TX_META_FIELDS];
    int rank[TX_META_FIELDS];
    char *body;        /* JSON-LD articleBody, when the page has one */
    int seen_title, seen_h1;
} tx_html_meta;

/* Looks at one element (not its descendants, except for the text of a few like <title>).
 * Returns 0, or -1 when out of memory. */
int tx_html_meta_element(tx_html_meta *meta, const GumboNode *node);

/* Moves the four fields out to the caller, who then owns (and frees) them; NULL for those
 * the page lacked.  Returns TX_OK. */
tx_status tx_html_meta_finish(tx_html_meta *meta, char **title, char **date, char **byline,
                              char **url);

void tx_html_meta_free(tx_html_meta *meta);

#endif
