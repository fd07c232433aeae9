/* dictset.h: loads and owns a complete set of dictionaries for the coder. */
#ifndef TX_DICTSET_H
#define TX_DICTSET_H

#include "coder.h"
#include "diag.h"

typedef struct {
    tx_dictionaries dict;  /* all members owned */
    size_t files;          /* dictionary files loaded */
} tx_dictset;

/* Creates empty dictionaries; TX_ERR_NOMEM on failure (then nothing needs freeing). */
tx_status tx_dictset_init(tx_dictset *set);
void tx_dictset_free(tx_dictset *set);

typedef enum { TX_DICT_ACTORS, TX_DICT_AGENTS, TX_DICT_VERBS, TX_DICT_DISCARDS } tx_dict_kind;

/* Loads one file of the given kind into the set (several actor files may be loaded).
 * Problems inside the file go to diag; returns TX_ERR_IO when it cannot be read. */
tx_status tx_dictset_load(tx_dictset *set, tx_dict_kind kind, const char *path, tx_diag *diag);

/* Loads tacitus's own dictionaries from a data directory (docs/dictionary-format.md):
 * DIR/dict/ *.actors.tsv in name order, DIR/gazetteer.tsv, DIR/dict/agents.tsv,
 * DIR/dict/verbs.txt and, when present, DIR/dict/discards.txt.  On TX_ERR_IO *failed
 * (may be NULL) names the file that could not be read; it points into a static buffer. */
tx_status tx_dictset_load_default(tx_dictset *set, const char *dir, tx_diag *diag,
                                  const char **failed);

#endif
