/* cmd_ingest.c: `tacitus ingest` (not built yet). */
#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("ingest: not available in this build yet");
    return EXIT_USAGE;
}
