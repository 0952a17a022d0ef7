"""The command line (argparse): the parser, one function per command, and the one place that
maps errors to messages and exit codes."""
