/* fuzz_dicts.c: libFuzzer target: any bytes as a dictionary of each format, then a coder built on it. */
#include "coder.h"
#include "dictset.h"
#include "entities.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char S_sentence[] = "Atlantis accused Lemuria of attacking its embassy in Poseidonia.";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    tx_dictset set;
    if (tx_dictset_init(&set) != TX_OK)
        return 0;
    tx_diag diag = {NULL, NULL, 0, 1};
    tx_dictionaries *d = &set.dict;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 7) {
    case 0: tx_actors_load_buffer(d->actors, "fuzz", text, len, &diag); break;
    case 1: tx_agents_load_buffer(d->agents, "fuzz", text, len, &diag); break;
    case 2: tx_verbs_load_buffer(d->verbs, "fuzz", text, len, &diag); break;
    case 3:
        if (d->discards)
            tx_discards_load_buffer(d->discards, "fuzz", text, len, &diag);
        break;
    case 4: tx_entities_load_actors_buffer(d->entities, d->actors, "fuzz", text, len, &diag); break;
    case 5: tx_entities_load_places_buffer(d->entities, d->actors, "fuzz", text, len, &diag); break;
    default: tx_entities_load_agents_buffer(d->agents, "fuzz", text, len, &diag); break;
    }
    tx_coder *coder = tx_coder_new(d);
    if (coder) {
        tx_coder_options o;
        tx_coder_options_default(&o);
        tx_event events[TX_EVENTS_MAX];
        size_t n;
        tx_coder_code(coder, S_sentence, 0, strlen(S_sentence), 20240101, &o, events, &n);
        tx_coder_free(coder);
    }
    tx_dictset_free(&set);
    return 0;
}
