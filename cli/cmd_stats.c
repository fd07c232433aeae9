/* cmd_stats.c: `tacitus stats` (not built yet). */
#include "cli.h"

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("stats: not available in this build yet");
    return EXIT_USAGE;
}
