"""``python -m pohon.render._pgv -Tsvg``: lay out DOT from stdin with pygraphviz's bundled
Graphviz and write the result to stdout (the child process of :mod:`pohon.render.layout`)."""

from __future__ import annotations

import sys


def main() -> int:
    fmt = sys.argv[1][2:] if len(sys.argv) > 1 and sys.argv[1].startswith("-T") else "svg"
    import pygraphviz

    try:
        graph = pygraphviz.AGraph(string=sys.stdin.buffer.read().decode("utf-8"))
        data = graph.draw(format=fmt, prog="dot")
    except Exception as exc:  # Graphviz's own words only, never a Python traceback
        said = " ".join(str(exc).split())[:300]
        print(said or type(exc).__name__, file=sys.stderr)
        return 1
    if not data:
        return 1
    sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
