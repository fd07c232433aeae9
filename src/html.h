/* html.h: finds the article in an HTML page: main text, title, date, byline, canonical URL. */
#ifndef TX_HTML_H
#define TX_HTML_H

#include "common.h"

/* What was extracted from one page.  Every string is owned by the page (tx_html_page_clear
 * frees them), NUL-terminated, valid UTF-8; any but `text` is NULL when the page lacks it. */
typedef struct {
    char *title;
    char *date;      /* as found (ISO 8601 when the page gives it so) */
    char *byline;
    char *url;       /* canonical URL */
    char *text;      /* the article body: one paragraph per line, "\n" between them */
    size_t text_len;
} tx_html_page;

#define TX_HTML_PAGE_INIT {NULL, NULL, NULL, NULL, NULL, 0}

void tx_html_page_clear(tx_html_page *page);

/* Extracts the article from html[0..len).  The bytes are read as UTF-8 whatever the page
 * declares; only when they are not valid UTF-8 is a declared legacy charset decoded (and
 * windows-1252 assumed when none is declared).  Returns TX_OK (a page without an article
 * gives an empty text), TX_ERR_NOMEM, TX_ERR_SYNTAX when the bytes are not HTML at all
 * (binary junk), or TX_ERR_LIMIT for a page over 1 GiB. */
tx_status tx_html_extract(const char *html, size_t len, tx_html_page *page);

#endif
