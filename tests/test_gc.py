"""The collector pause around a load or a check: restored, and nothing leaks."""

from __future__ import annotations

import gc
import weakref

import pohon
from pohon.model._gc import paused_gc


class _Holder:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_collector_back_on_and_objects_made_inside_are_old() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        made = [[] for _ in range(10)]
    assert gc.isenabled()
    # Moved to the oldest generation as they left the block, not walked by a young pass.
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in made)


def test_garbage_cycle_made_before_a_load_is_still_freed() -> None:
    cycle = _Holder()
    alive = weakref.ref(cycle)
    del cycle
    pohon.check(pohon.example("mojokerto"))  # a load and a check, each in a paused block
    gc.collect()
    assert alive() is None


def test_collector_left_off_when_the_user_had_it_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
