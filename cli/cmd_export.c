/* cmd_export.c: `tacitus export` (not built yet). */
#include "cli.h"

int cmd_export(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("export: not available in this build yet");
    return EXIT_USAGE;
}
