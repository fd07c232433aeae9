/* fuzz_html.c: libFuzzer target: any bytes as an HTML page through the article extractor. */
#include "html.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    tx_html_page page = TX_HTML_PAGE_INIT;
    tx_html_extract((const char *)data, size, &page);
    tx_html_page_clear(&page);
    return 0;
}
