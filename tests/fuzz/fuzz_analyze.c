/* fuzz_analyze.c: libFuzzer target: any bytes, repaired to UTF-8, through the whole pipeline with tacitus's own dictionaries. */
#include "analysis.h"
#include "cameo.h"
#include "dictset.h"
#include "render.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>

static tx_dictset S_set;
static tx_analyzer *S_analyzer;
static tx_buf S_text = TX_BUF_INIT, S_out = TX_BUF_INIT;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = getenv("TACITUS_DATA") ? getenv("TACITUS_DATA") : "data";
    tx_diag diag = {NULL, NULL, 0, 1};
    if (tx_dictset_init(&S_set) != TX_OK ||
        tx_dictset_load_default(&S_set, dir, &diag, NULL) != TX_OK) {
        fprintf(stderr, "fuzz_analyze: cannot load the dictionaries of %s (set TACITUS_DATA)\n", dir);
        exit(1);
    }
    S_analyzer = tx_analyzer_new(&S_set.dict, NULL);
    if (!S_analyzer)
        exit(1);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (tx_utf8_repair((const char *)data, size, &S_text, NULL, NULL) < 0)
        return 0;
    const tx_analysis *r;
    /* the first bytes choose the date, so date arithmetic is fuzzed too */
    int32_t date = 19000101 + (int32_t)(size % 2000) * 100;
    if (tx_analyzer_run(S_analyzer, S_text.data ? S_text.data : "", S_text.len, date, &r) != TX_OK)
        return 0;
    tx_render_options o;
    tx_render_options_default(&o);
    o.all_certainties = 1;
    tx_buf_clear(&S_out);
    tx_render_jsonl(&S_out, r, &o);
    tx_render_table(&S_out, r, &o);
    return 0;
}
