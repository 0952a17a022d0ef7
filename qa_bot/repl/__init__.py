"""The conversation (prompt-toolkit): the session, its commands, display, history and keys."""
