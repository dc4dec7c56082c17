"""Pause Python's cyclic garbage collector while large long-lived structures are built.

Loading the vocabularies and building the automata create some hundred thousand objects that
all stay alive; the collector would walk them again and again as they are made (a tenth of the
start-up) and find nothing to free. Reference counting still frees what is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested blocks and a disabled collector respected)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
