/* records.h: reads PETRARCH validation records (PETR.UnitTest.records.xml). */
#ifndef TX_RECORDS_H
#define TX_RECORDS_H

#include "coder.h"
#include "diag.h"

typedef struct {
    char source[TX_CODE_MAX], target[TX_CODE_MAX], code[16];
} tx_expected_event;

typedef enum {
    TX_EXPECT_EVENTS,    /* one or more expected events */
    TX_EXPECT_NOTHING,   /* noevents="True" */
    TX_EXPECT_ERROR,     /* error="..." */
    TX_EXPECT_UNGIVEN    /* no EventCoding at all */
} tx_expect_kind;

typedef struct {
    char *id, *category, *text;   /* owned by the record set */
    char error[32];               /* for TX_EXPECT_ERROR */
    int32_t date;                 /* YYYYMMDD */
    int valid;                    /* the sentence="true" validity flag */
    unsigned long line;           /* line of <Sentence> in the file */
    tx_expect_kind kind;
    tx_expected_event *expected;  /* owned */
    size_t n_expected;
    tx_coder_options options;     /* the <Config> state in force for this record */
} tx_record;

typedef struct {
    tx_record *items;
    size_t count;
    /* <Environment>: file names relative to the dictionary directory; owned, may be NULL. */
    char *verb_file, *actor_file, *agent_file, *discard_file;
} tx_records;

/* Parses the file with libxml2.  A malformed file is reported (file:line: message) and
 * returns TX_ERR_SYNTAX; an unreadable one TX_ERR_IO. */
tx_status tx_records_load(const char *path, tx_records *records, tx_diag *diag);
void tx_records_free(tx_records *records);

#endif
