"""Pausing Python's cyclic garbage collector while a plan is read or checked.

Reading a 50,000-node plan builds some 700,000 container objects (pydantic models, their
``__dict__``, tuples, dicts) and checking it builds a few hundred thousand more; none of them
form reference cycles that need the collector, they are freed by reference counting. With
the collector on, every 700 new objects start a pass over the youngest objects, every tenth
such pass goes over the middle generation, and now and then a full pass goes over the whole
heap: on a Provinsi plan that is a quarter of the time, and it grows faster than the plan.

:func:`paused_gc` turns the collector off for the duration of a ``with`` block and turns it
back on afterwards, whatever happens inside; it changes nothing when the collector was already
off. Blocks may nest and may run in several threads at once: the collector is turned back on
when the last block still open ends, and only if it was on when the first one began.

When it turns the collector back on, every object still young is moved to the oldest
generation (``gc.freeze()`` then ``gc.unfreeze()``), as if it had survived the young passes:
the first pass would otherwise walk the hundreds of thousands of objects the block made only
to promote them, a tenth of a Provinsi check. Nothing is lost by it: a reference cycle made
outside pohon just before, if garbage, is freed by the next full pass instead of a young one.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_open = 0
"""How many :func:`paused_gc` blocks are open, in every thread."""
_restore = False
"""Whether the collector was on when the first open block began."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Turn the cyclic garbage collector off inside the block; see the module.

    >>> import gc
    >>> before = gc.isenabled()
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled() == before
    True
    """
    global _open, _restore
    with _lock:
        if _open == 0:
            _restore = gc.isenabled()
            gc.disable()
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0 and _restore:
                # What the block made goes straight to the oldest generation, as if it had
                # survived the young passes: the first pass after gc.enable() would
                # otherwise walk every one of those objects only to promote them.
                gc.freeze()
                gc.unfreeze()
                gc.enable()
