"""Key bindings of the conversation: pasted lines are questions, and a typed escape sequence must
not crash it.

A bracketed paste is inserted as it is, line breaks included (prompt-toolkit's default); when it
ends with a line break, as a copied line does, that break is Enter: the lines are sent at once, and
the loop answers each line as a question of its own, in order (``app.run_repl``).

prompt-toolkit's input parser reads any ``ESC [ digits/semicolons m|M`` as a mouse report (the
urxvt and SGR formats), so a colour code pasted or typed without bracketed paste (``\\e[31m``)
reaches its mouse handler, which unpacks three numbers and raises "not enough values to unpack";
the event loop then prints a traceback and waits for Enter (prompt-toolkit 3.0.x). qa-bot does not
turn mouse support on, so no real report ever arrives: malformed ones are dropped, well-formed ones
still go to prompt-toolkit's handler.
"""

from __future__ import annotations

import re

from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.key_binding.bindings.mouse import load_mouse_bindings
from prompt_toolkit.keys import Keys

# X10 (three raw bytes), xterm SGR (<b;x;y then m or M), urxvt (b;x;y then M).
_MOUSE_REPORT = re.compile(r"\x1b\[(?:M...|<\d+;\d+;\d+[mM]|\d+;\d+;\d+M)\Z", re.S)


def session_bindings() -> KeyBindings:
    """Bindings that take precedence over prompt-toolkit's defaults in a session."""
    bindings = KeyBindings()

    @bindings.add(Keys.BracketedPaste)
    def _paste(event: KeyPressEvent) -> None:
        data = event.data.replace("\r\n", "\n").replace("\r", "\n")
        buffer = event.current_buffer
        buffer.insert_text(data.removesuffix("\n"))
        if data.endswith("\n"):
            buffer.validate_and_handle()

    default = load_mouse_bindings().get_bindings_for_keys((Keys.Vt100MouseEvent,))
    handler = default[-1].handler if default else None

    @bindings.add(Keys.Vt100MouseEvent)
    def _mouse(event: KeyPressEvent) -> object:
        if handler is None or not _MOUSE_REPORT.match(event.data):
            return None  # not a mouse report: drop it
        try:
            return handler(event)
        except (ValueError, KeyError, IndexError):  # a report prompt-toolkit cannot read
            return None

    return bindings
