/* test_html.c: the HTML article extractor on small hand-written pages. */
#include "buffer.h"
#include "html.h"
#include "test.h"

#include <stdlib.h>

/* Paragraphs long enough to read as prose, so the article wins over the furniture. */
#define P1 "<p>The river rose through the night, and by morning the lower town was under water, " \
           "its streets turned into channels that boats could follow.</p>"
#define P2 "<p>Officials in the valley said the levees had held at first, but a second surge, " \
           "driven by rain in the hills, broke through near the old mill.</p>"
#define P3 "<p>Residents who left early, carrying what they could, spent the day in the school " \
           "gymnasium, where volunteers served soup and dry blankets.</p>"
#define P4 "<p>Engineers expect the water to fall within three days, after which the long work " \
           "of clearing mud from houses and shops will begin.</p>"

static const char news_page[] =
    "<!DOCTYPE html><html><head><title>Flood in the valley | Daily Example</title>"
    "<meta property=\"og:title\" content=\"Flood in the valley\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\">"
    "<meta name=\"author\" content=\"Ada Reporter\">"
    "<link rel=\"canonical\" href=\"https://news.example/flood\">"
    "</head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World news and analysis</a></nav>"
    "<div class=\"cookie-banner\"><p>We use cookies to improve your experience of this site, "
    "as described in our policy.</p></div>"
    "<main><article><h1>Flood in the valley</h1>"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
    "<div class=\"article-body\">" P1
    "<figure><img src=\"a.jpg\"><figcaption>Boats in the main street on Tuesday, seen from "
    "the bridge.</figcaption></figure>" P2
    "<div class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/a\">Storm warning for the "
    "coast this weekend</a></li><li><a href=\"/b\">How levees are built and why they "
    "fail</a></li></ul></div>" P3
    "<h2>What comes next</h2>" P4
    "</div></article>"
    "<aside><p>Most read: a long list of other stories that readers liked this week, with "
    "commentary.</p></aside>"
    "<section class=\"comments\"><p>This is a reader comment that goes on, at some length, "
    "about the council and the levees, and what should be done.</p></section></main>"
    "<footer><p>Copyright Daily Example, all rights reserved, and a long footer text.</p></footer>"
    "</body></html>";

static int S_has(const char *text, const char *needle) { return strstr(text, needle) != NULL; }

/* Position of `needle` in `text`, or -1. */
static long S_at(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    return p ? (long)(p - text) : -1;
}

static tx_status S_extract(const char *html, tx_html_page *page)
{
    return tx_html_extract(html, strlen(html), page);
}

static void test_article_and_furniture(void)
{
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(news_page, &page), TX_OK);
    const char *t = page.text;
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK_INT(strlen(t), page.text_len);
    /* all four paragraphs, in order, one per line */
    long a = S_at(t, "The river rose"), b = S_at(t, "Officials in the valley"),
         c = S_at(t, "Residents who left"), d = S_at(t, "Engineers expect");
    CHECK(a == 0);
    CHECK(a < b && b < c && c < d);
    CHECK(S_has(t, "boats could follow.\nOfficials"));
    /* a subheading followed by article text stays */
    CHECK(S_has(t, "What comes next\nEngineers"));
    /* the furniture goes */
    CHECK(!S_has(t, "Home"));
    CHECK(!S_has(t, "cookies"));
    CHECK(!S_has(t, "Share on"));
    CHECK(!S_has(t, "Tweet"));
    CHECK(!S_has(t, "Boats in the main street"));
    CHECK(!S_has(t, "Storm warning"));
    CHECK(!S_has(t, "Related"));
    CHECK(!S_has(t, "Most read"));
    CHECK(!S_has(t, "reader comment"));
    CHECK(!S_has(t, "Copyright"));
    CHECK(!S_has(t, "Flood in the valley"));  /* the headline is not body text */
    CHECK(t[page.text_len - 1] != '\n');
    /* metadata from the meta tags */
    CHECK_STR(page.title, "Flood in the valley");
    CHECK_STR(page.date, "2024-03-05T08:00:00Z");
    CHECK_STR(page.byline, "Ada Reporter");
    CHECK_STR(page.url, "https://news.example/flood");
    tx_html_page_clear(&page);
    CHECK(page.text == NULL && page.title == NULL);
}

static void test_line_breaks(void)
{
    static const char html[] =
        "<html><body><div class=\"story\"><p>First line of a poem about the sea,<br>second "
        "line of the same poem, longer,<br/>  third line<br><br>and a new stanza after a "
        "blank, with more words to make it prose.</p>" P1 P2 "</div></body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(html, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "about the sea,\nsecond line"));
    CHECK(page.text && S_has(page.text, "longer,\nthird line\n"));
    CHECK(page.text && S_has(page.text, "\nand a new stanza"));
    CHECK(page.text && !S_has(page.text, " \n") && !S_has(page.text, "\n "));
    /* white space inside a paragraph collapses to single spaces */
    tx_html_page_clear(&page);
    static const char spaced[] = "<body><p>Spread   over\n\t several\xC2\xA0 lines, as HTML "
                                 "source often is, yet one paragraph.</p></body>";
    CHECK_INT(S_extract(spaced, &page), TX_OK);
    CHECK_STR(page.text, "Spread over several lines, as HTML source often is, yet one paragraph.");
    tx_html_page_clear(&page);
}

static void test_json_ld(void)
{
    static const char html[] =
        "<html><head><title>Site title</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"Example\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Levees \\u201cheld\\u201d at first\","
        "\"datePublished\":\"2024-03-05\",\"author\":[{\"@type\":\"Person\",\"name\":\"By Ada "
        "Reporter\"},{\"name\":\"Bo Writer\"}],\"url\":\"https://news.example/levees\"}]}"
        "</script></head><body>" P1 P2 "</body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(html, &page), TX_OK);
    CHECK_STR(page.title, "Levees \xE2\x80\x9Cheld\xE2\x80\x9D at first");
    CHECK_STR(page.date, "2024-03-05");
    CHECK_STR(page.byline, "Ada Reporter, Bo Writer");
    CHECK_STR(page.url, "https://news.example/levees");
    tx_html_page_clear(&page);

    /* a plain object, author as a string; broken JSON-LD elsewhere is ignored */
    static const char plain[] =
        "<head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"H\","
        "\"author\":\"Cy Author\"}</script><script type=\"application/ld+json\">{broken"
        "</script></head><body>" P1 "</body>";
    CHECK_INT(S_extract(plain, &page), TX_OK);
    CHECK_STR(page.title, "H");
    CHECK_STR(page.byline, "Cy Author");
    CHECK(page.date == NULL);
    CHECK(page.url == NULL);
    tx_html_page_clear(&page);

    /* articleBody stands in when the layout hides the article */
    static const char body_only[] =
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
        "\"The whole article is here, in the structured data, because the page builds its "
        "text with scripts. It goes on for a while, long enough to be an article, with several "
        "sentences, some numbers like 42, and a closing line.\"}</script></head>"
        "<body><div id=\"app\"></div></body>";
    CHECK_INT(S_extract(body_only, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "The whole article is here"));
    tx_html_page_clear(&page);
}

static void test_time_element(void)
{
    static const char html[] =
        "<html><head><title>Plain title</title></head><body><article>"
        "<time datetime=\"2023-11-19T10:00\">19 Nov</time>" P1 P2 "</article></body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(html, &page), TX_OK);
    CHECK_STR(page.date, "2023-11-19T10:00");
    CHECK_STR(page.title, "Plain title");
    CHECK(page.byline == NULL);
    tx_html_page_clear(&page);
}

static void test_hidden_and_teasers(void)
{
    static const char html[] =
        "<html><body><div class=\"content\">" P1
        "<div style=\"display: none\"><p>Hidden text that a reader never sees on the page, "
        "however long it is.</p></div>"
        "<p hidden>Also hidden from readers, a paragraph with the hidden attribute set.</p>" P2
        "<p>Photo caption inline <span class=\"image-credit\">Credit: Agency</span>stays out.</p>"
        "</div>"
        "<ul class=\"list\"><li><a href=\"/x\">Another story entirely</a> A summary of that "
        "other story, cut short for the teaser list...</li></ul></body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(html, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "The river rose"));
    CHECK(page.text && !S_has(page.text, "Hidden text"));
    CHECK(page.text && !S_has(page.text, "Also hidden"));
    CHECK(page.text && !S_has(page.text, "Credit: Agency"));
    CHECK(page.text && !S_has(page.text, "summary of that"));
    tx_html_page_clear(&page);
}

static void test_class_hints(void)
{
    /* topic classes on the post do not make it boilerplate; an embedded post stays; the
     * sidebar, though prose too, goes */
    static const char html[] =
        "<html><body><div class=\"post tag-social-media category-comments\">" P1 P2
        "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>The water is at "
        "the door of the town hall now, says the mayor's office.</p></blockquote></div>" P3
        "</div><div class=\"sidebar\"><p>Another story from the same site, with a full "
        "sentence of its own to tempt the reader away.</p></div></body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(html, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "The river rose"));
    CHECK(page.text && S_has(page.text, "Residents who left"));
    CHECK(page.text && S_has(page.text, "town hall now"));
    CHECK(page.text && !S_has(page.text, "Another story"));
    tx_html_page_clear(&page);

    /* itemprop=articleBody outweighs a block that scores a little better */
    static const char marked[] =
        "<html><body><div itemprop=\"articleBody\"><div class=\"lead\">" P1 P2 "</div>"
        "<div class=\"more\">" P3 "</div></div></body></html>";
    CHECK_INT(S_extract(marked, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "The river rose") && S_has(page.text, "Residents"));
    tx_html_page_clear(&page);

    /* an article cut into chunks of the same class, each wrapped on its own */
    static const char chunks[] =
        "<html><body><main><div class=\"grid\"><div class=\"chunk body\">" P1 P2 "</div>"
        "<div class=\"ad-slot\">Advertisement</div></div><div class=\"grid\"><div "
        "class=\"chunk body\">" P3 P4 "</div></div></main>"
        "<div class=\"more-stories\"><p>Read this other story about something else "
        "entirely, which has a sentence.</p></div></body></html>";
    CHECK_INT(S_extract(chunks, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "The river rose") && S_has(page.text, "Engineers"));
    CHECK(page.text && !S_has(page.text, "Advertisement") && !S_has(page.text, "other story"));
    tx_html_page_clear(&page);
}

static void test_charset(void)
{
    /* windows-1252: curly quotes 0x93 0x94, e acute 0xE9, euro 0x80; not valid UTF-8 */
    static const char cp1252[] =
        "<html><head><meta charset=\"windows-1252\"></head><body><p>The caf\xE9 owner said "
        "\x93it costs \x80" "5 now\x94, and the regulars, who have come for years, agreed with "
        "her.</p></body></html>";
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(S_extract(cp1252, &page), TX_OK);
    CHECK_STR(page.text, "The caf\xC3\xA9 owner said \xE2\x80\x9Cit costs \xE2\x82\xAC"
                         "5 now\xE2\x80\x9D, and the regulars, who have come for years, agreed "
                         "with her.");
    tx_html_page_clear(&page);

    /* no declaration: windows-1252 is assumed */
    static const char undeclared[] = "<p>Na\xEFve r\xE9sum\xE9s, written in a hurry by people "
                                     "who should know better, pile up.</p>";
    CHECK_INT(S_extract(undeclared, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "Na\xC3\xAFve r\xC3\xA9sum\xC3\xA9s"));
    tx_html_page_clear(&page);

    /* a declared legacy charset that iconv knows */
    static const char latin2[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                 "charset=iso-8859-2\"><p>\xA3\xF3\x64\xBC is a city in "
                                 "Poland, and a large one, with a long history.</p>";
    CHECK_INT(S_extract(latin2, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "\xC5\x81\xC3\xB3\x64\xC5\xBA is a city"));
    tx_html_page_clear(&page);

    /* valid UTF-8 is read as UTF-8 whatever the page declares */
    static const char utf8[] = "<meta charset=\"iso-8859-1\"><p>Gr\xC3\xBC\xC3\x9F" "e aus "
                               "K\xC3\xB6ln, where the cathedral stands by the river.</p>";
    CHECK_INT(S_extract(utf8, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln"));
    tx_html_page_clear(&page);
}

static void test_bad_input(void)
{
    tx_html_page page = TX_HTML_PAGE_INIT;
    /* empty input: a page without an article */
    CHECK_INT(tx_html_extract("", 0, &page), TX_OK);
    CHECK_STR(page.text, "");
    CHECK_INT(page.text_len, 0);
    CHECK(page.title == NULL);
    tx_html_page_clear(&page);

    /* binary junk */
    char junk[2048];
    uint32_t seed = 7;
    for (size_t i = 0; i < sizeof(junk); i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (char)(seed >> 16);
    }
    CHECK_INT(tx_html_extract(junk, sizeof(junk), &page), TX_ERR_SYNTAX);
    CHECK(page.text == NULL);
    static const char gzip_magic[] = "\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03<html>";
    CHECK_INT(tx_html_extract(gzip_magic, sizeof(gzip_magic) - 1, &page), TX_ERR_SYNTAX);

    /* a page with nothing but furniture has no article text */
    static const char furniture[] = "<nav><a href=\"/\">Home</a></nav><footer>About us</footer>";
    CHECK_INT(S_extract(furniture, &page), TX_OK);
    CHECK_STR(page.text, "");
    tx_html_page_clear(&page);

    /* unclosed everything, stray end tags, a NUL after the first 4 KB: no crash */
    tx_buf odd = TX_BUF_INIT;
    tx_buf_puts(&odd, "<div><p>Unclosed <b>bold <i>italic <a href='x'>link</div></span></table>");
    for (int i = 0; i < 500; i++)
        tx_buf_puts(&odd, "text in the middle of a long page, ");
    tx_buf_append(&odd, "\0after", 6);
    CHECK_INT(tx_html_extract(odd.data, odd.len, &page), TX_OK);
    CHECK(page.text != NULL);
    tx_html_page_clear(&page);
    tx_buf_free(&odd);
}

static void test_big_pages(void)
{
    /* 100,000 nested elements: the parser would take minutes; the depth limit keeps it
     * linear and the text survives */
    tx_buf deep = TX_BUF_INIT;
    for (int i = 0; i < 100000; i++)
        tx_buf_puts(&deep, i % 2 ? "<div>" : "<span class=\"x\">");
    tx_buf_puts(&deep, "<p>Deep inside all those elements is one paragraph of prose, long enough "
                       "to count, with commas, and a full stop.</p>");
    for (int i = 0; i < 100000; i++)
        tx_buf_puts(&deep, i % 2 ? "</div>" : "</span>");
    tx_html_page page = TX_HTML_PAGE_INIT;
    CHECK_INT(tx_html_extract(deep.data, deep.len, &page), TX_OK);
    CHECK(page.text && S_has(page.text, "Deep inside all those elements"));
    tx_html_page_clear(&page);
    tx_buf_free(&deep);

    /* a 20 MB page of paragraphs, links and scripts */
    tx_buf big = TX_BUF_INIT;
    tx_buf_puts(&big, "<html><body><div class=\"article-body\">");
    size_t paragraphs = 0;
    while (big.len < (size_t)20 << 20) {
        /* numbered, since text repeated across a page reads as furniture */
        tx_buf_printf(&big, "<p>Paragraph %zu of the long report, in which the river rises, the "
                      "town floods, and people leave.</p><script>var x = '<p>not text</p>';"
                      "</script><a href=\"/n\">n</a>", paragraphs);
        paragraphs++;
    }
    tx_buf_puts(&big, "</div></body></html>");
    CHECK(!big.failed);
    CHECK_INT(tx_html_extract(big.data, big.len, &page), TX_OK);
    size_t lines = 0;
    for (size_t i = 0; page.text && i < page.text_len; i++)
        lines += page.text[i] == '\n';
    CHECK_INT(lines + 1, paragraphs);
    CHECK(page.text && !S_has(page.text, "not text"));
    tx_html_page_clear(&page);
    tx_buf_free(&big);
}

int main(void)
{
    test_article_and_furniture();
    test_line_breaks();
    test_json_ld();
    test_time_element();
    test_hidden_and_teasers();
    test_class_hints();
    test_charset();
    test_bad_input();
    test_big_pages();
    return test_report("test_html");
}
