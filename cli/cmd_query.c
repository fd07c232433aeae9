/* cmd_query.c: `tacitus query` (not built yet). */
#include "cli.h"

int cmd_query(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("query: not available in this build yet");
    return EXIT_USAGE;
}
