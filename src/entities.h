/* entities.h: tacitus's own dictionaries: people, organisations, places and roles, one per line. */
#ifndef TX_ENTITIES_H
#define TX_ENTITIES_H

#include "actors.h"
#include "agents.h"
#include "diag.h"

typedef enum {
    TX_ENTITY_COUNTRY,
    TX_ENTITY_PLACE,
    TX_ENTITY_ORG,
    TX_ENTITY_PERSON,
    TX_ENTITY_MEDIA,
    TX_ENTITY_REGION
} tx_entity_kind;

/* What tacitus knows of a name beyond its actor code. */
typedef struct {
    uint8_t kind;        /* tx_entity_kind */
    uint8_t has_point;   /* latitude and longitude are known */
    char country[4];     /* ISO 3166-1 alpha-3, or "" */
    float latitude, longitude;
    const char *name;    /* the first name of its line, as written; owned by the table */
} tx_entity;

/* The entities of the loaded dictionaries, indexed by the tag of their actor entries. */
typedef struct tx_entities tx_entities;

tx_entities *tx_entities_new(void);
void tx_entities_free(tx_entities *entities);

/* Reads a *.actors.tsv file (docs/dictionary-format.md) into `actors`, recording each line's
 * kind and country here.  Malformed lines are reported as "path:line: what was expected"
 * and skipped.  Returns TX_ERR_IO when the file cannot be read, TX_ERR_NOMEM, else TX_OK. */
tx_status tx_entities_load_actors(tx_entities *entities, tx_actors *actors, const char *path,
                                  tx_diag *diag);
tx_status tx_entities_load_actors_buffer(tx_entities *entities, tx_actors *actors,
                                         const char *name, const char *data, size_t len,
                                         tx_diag *diag);

/* Reads the gazetteer (names, country, latitude, longitude, kind, population).  A name that
 * an actor file already has (a capital) gains the coordinates; others become places that
 * are no actor (code "---").  Load the actor files first. */
tx_status tx_entities_load_places(tx_entities *entities, tx_actors *actors, const char *path,
                                  tx_diag *diag);
tx_status tx_entities_load_places_buffer(tx_entities *entities, tx_actors *actors,
                                         const char *name, const char *data, size_t len,
                                         tx_diag *diag);

/* Reads data/dict/agents.tsv ("~GOV<TAB>government | governments"). */
tx_status tx_entities_load_agents(tx_agents *agents, const char *path, tx_diag *diag);
tx_status tx_entities_load_agents_buffer(tx_agents *agents, const char *name, const char *data,
                                         size_t len, tx_diag *diag);

/* The entity of an actor phrase (an id from tx_actors_match), or NULL for phrases from
 * PETRARCH files.  Owned by the table. */
const tx_entity *tx_entities_of_phrase(const tx_entities *entities, const tx_actors *actors,
                                       uint32_t phrase);

size_t tx_entities_count(const tx_entities *entities);

/* Is the match of `len` tokens at tokens->items[pos], phrase `phrase`, a person's surname
 * alone right after a capitalised first name that is not theirs ("Jay Carney" is not Mark
 * Carney, "Ivanka Trump" not Donald Trump)?  Titles and honorifics before a surname
 * ("President Biden", "Mr Sullivan") are fine.  Returns 1 when the match should be
 * ignored. */
int tx_entities_other_person(const tx_entities *entities, const tx_actors *actors,
                             const tx_tokens *tokens, size_t pos, size_t len, uint32_t phrase);

/* Is `word` (a lexicon id) an acronym written in capitals in the dictionaries ("US", "UN",
 * "WHO")?  The coder ignores such a word when the text has it in lower case ("told us"). */
int tx_entities_acronym(const tx_entities *entities, uint32_t word);

/* "person" "org" "place" ...: the kind as written in the files. */
const char *tx_entity_kind_name(tx_entity_kind kind);

#endif
