/* fuzz_jsonl.c: libFuzzer target: any bytes as an input stream (sniffed: JSON Lines, HTML, text, gzip). */
#include "article.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    tx_diag diag = {NULL, NULL, 0, 1};
    tx_article_reader *reader = tx_article_open_file(f, "fuzz", TX_INPUT_AUTO, &diag);
    if (reader) {
        tx_article art = TX_ARTICLE_INIT;
        while (tx_article_next(reader, &art) == 1)
            ;
        tx_article_clear(&art);
        tx_article_close(reader);
    }
    fclose(f);
    return 0;
}
