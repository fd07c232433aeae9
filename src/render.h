/* render.h: writes an article's analysis as JSON Lines records or as a readable table. */
#ifndef TX_RENDER_H
#define TX_RENDER_H

#include "analysis.h"
#include "buffer.h"

typedef struct {
    const char *article;      /* the article's id */
    const char *source, *title, *url;  /* may be NULL */
    const tx_cameo *cameo;    /* names and Goldstein weights; may be NULL */
    const char *patterns;     /* path of the verb dictionary, for "pattern": "path:line" */
    int all_certainties;      /* also hypothetical and negated events */
} tx_render_options;

void tx_render_options_default(tx_render_options *options);

/* Whether an event is output: asserted and reported ones always, the others on request. */
int tx_render_keeps(const tx_analysis_event *event, const tx_render_options *options);

/* Appends the records of one article: "noise" lines, then per sentence its "event" and
 * "entity" records, then "quote" records, then the closing "article" record.  Returns 0,
 * or -1 when out of memory (out->failed is set). */
int tx_render_jsonl(tx_buf *out, const tx_analysis *analysis, const tx_render_options *options);

/* Appends one event record (the "event" of tx_render_jsonl) without the newline. */
int tx_render_event_json(tx_buf *out, const tx_analysis *analysis,
                         const tx_analysis_event *event, const tx_render_options *options);

/* The header line of the table and the rows of one article's events. */
int tx_render_table_header(tx_buf *out);
int tx_render_table(tx_buf *out, const tx_analysis *analysis, const tx_render_options *options);

/* "YYYY-MM-DD" of a YYYYMMDD date into out[11]. */
void tx_render_date(int32_t date, char out[16]);

#endif
