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

#endif
