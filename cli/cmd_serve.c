/* cmd_serve.c: `tacitus serve` (not built yet). */
#include "cli.h"

int cmd_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("serve: not available in this build yet");
    return EXIT_USAGE;
}
