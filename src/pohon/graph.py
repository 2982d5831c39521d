"""The plan as a graph: cascade links between nodes, alignment links to framework items,
ownership links to OPDs.

:class:`PlanGraph` answers the questions rules and analyses ask (children, ancestors,
descendants, paths to a root) in time linear in the plan, and hands out a networkx graph
for users' own analysis.

>>> import pohon
>>> g = pohon.PlanGraph.of(pohon.example("mojokerto"))
>>> g.roots()
['V1']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pohon.model import Node, Plan
from pohon.model._gc import paused_gc

if TYPE_CHECKING:
    import networkx as nx

EdgeKind = Literal["cascade", "alignment", "ownership"]


class PlanGraph:
    """Cascade structure of a plan, built once from the plan and kept by whoever made it.

    A check keeps one for all its rules; keep your own when you ask many questions of one
    plan. The plan itself is never changed.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.index: dict[str, int] = plan.node_index()

    @cached_property
    def _links(self) -> tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]:
        """The children and the parents of every node, made on first use: a drawing of the
        whole plan needs neither, and a check needs both at once. Made with the collector
        paused, whoever asks first (see :mod:`pohon.model._gc`)."""
        with paused_gc():
            return self._make_links()

    def _make_links(self) -> tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]:
        plan = self.plan
        index = self.index
        # One pass over the links fills the children and the parents of every node. A parent
        # is kept as the string of the node it names (the index's key), not the link's own
        # equal copy of it: every later look-up of an id then finds the very same object in
        # the dicts keyed by ids and needs no comparison of characters, which on a large
        # plan would each read memory far from the rest.
        nodes = plan.nodes
        ids = list(index)
        at = list(index.values())
        children: dict[str, list[str]] = {}
        parents_of: dict[str, tuple[str, ...]] = {}
        first = 0
        for i, node in enumerate(nodes):
            node_id = node.id
            links = node.parents
            if not links:
                if first < len(at) and at[first] == i:
                    parents_of[ids[first]] = ()
                    first += 1
                continue
            found: list[str] = []
            for link in links:
                position = index.get(link.id)
                if position is not None:
                    parent = nodes[position].id
                    found.append(parent)
                    if parent in children:
                        children[parent].append(node_id)
                    else:
                        children[parent] = [node_id]
            if first < len(at) and at[first] == i:
                if len(found) <= 1:
                    parents_of[ids[first]] = tuple(found)
                else:
                    parents_of[ids[first]] = tuple(dict.fromkeys(found))
                first += 1
        return children, parents_of

    # Cached, so that after the first use each is read as a plain attribute.
    @cached_property
    def _children(self) -> dict[str, list[str]]:
        return self._links[0]

    @cached_property
    def _parents_of(self) -> dict[str, tuple[str, ...]]:
        return self._links[1]

    @classmethod
    def of(cls, plan: Plan) -> PlanGraph:
        """A new graph of ``plan`` (the same as ``PlanGraph(plan)``)."""
        return cls(plan)

    # -- neighbours -----------------------------------------------------------------------
    def node(self, node_id: str) -> Node:
        return self.plan.nodes[self.index[node_id]]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.index

    def children(self, node_id: str) -> list[str]:
        """Ids of the nodes that list ``node_id`` as a parent, in file order."""
        return self._children.get(node_id, [])

    def parents(self, node_id: str) -> list[str]:
        """Ids of the existing parents of ``node_id`` (unknown parent ids are left out)."""
        return [p.id for p in self.node(node_id).parents if p.id in self.index]

    def roots(self) -> list[str]:
        """Nodes of the highest level present in the plan, in file order."""
        # One pass: the highest level so far, and its nodes without parents.
        rank = self.plan.scheme.rank
        top: int | None = None
        found: list[str] = []
        for node in self.plan.nodes:
            mine = rank(node.level)
            if top is None or mine < top:
                top = mine
                found = [] if node.parents else [node.id]
            elif mine == top and not node.parents:
                found.append(node.id)
        return found

    def opd_part(self, opd: str) -> set[str]:
        """The ids of ``opd``'s nodes and of the Pemda nodes (no OPD) above them: the part of
        the plan one OPD's drawing or capaian shows."""
        nodes = self.plan.nodes
        own = [n for n, at in self.index.items() if nodes[at].opd == opd]
        keep = set(own)
        stack = list(own)
        parents_of = self.parents_of
        while stack:
            for parent in parents_of.get(stack.pop(), ()):
                if parent not in keep and self.node(parent).opd is None:
                    keep.add(parent)
                    stack.append(parent)
        return keep

    # -- walks ----------------------------------------------------------------------------
    def ancestors(self, node_id: str) -> list[str]:
        """Every node above ``node_id`` through the cascade, nearest first (breadth-first)."""
        return list(self._walk(node_id, self.parents))

    def descendants(self, node_id: str) -> list[str]:
        """Every node below ``node_id`` through the cascade, nearest first (breadth-first)."""
        return list(self._walk(node_id, self.children))

    def _walk(self, start: str, step: object) -> Iterator[str]:
        seen = {start}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for nxt in step(current):  # type: ignore[operator]
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
                    yield nxt

    def path_to_root(self, node_id: str) -> list[str]:
        """``node_id`` and its first parents up to a node without parents (cycles stop it)."""
        path = [node_id]
        seen = {node_id}
        current = node_id
        while True:
            parents = self.parents(current)
            if not parents or parents[0] in seen:
                return path
            current = parents[0]
            seen.add(current)
            path.append(current)

    def paths_to_root(self, node_id: str, limit: int = 1000) -> list[list[str]]:
        """Every cascade path from ``node_id`` up to a root (a node is a DAG member)."""
        paths: list[list[str]] = []
        stack: list[list[str]] = [[node_id]]
        while stack and len(paths) < limit:
            path = stack.pop()
            parents = [p for p in self.parents(path[-1]) if p not in path]
            if not parents:
                paths.append(path)
            for parent in reversed(parents):
                stack.append([*path, parent])
        return paths

    # -- networkx -------------------------------------------------------------------------
    @cached_property
    def cascade(self) -> nx.DiGraph[str]:
        """Cascade links only, parent → child, one graph node per node id."""
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self.index)
        graph.add_edges_from(
            (parent.id, node.id)
            for node in self.plan.nodes
            for parent in node.parents
            if parent.id in self.index
        )
        return graph

    @property
    def parents_of(self) -> dict[str, tuple[str, ...]]:
        """Existing parent ids of every node, each once, in the order written.

        Tuples of strings, unlike sets, are not tracked by the garbage collector: on a
        50,000-node plan that spares it a large share of its work.
        """
        return self._parents_of

    @cached_property
    def _kahn(self) -> tuple[list[str], list[str], dict[str, tuple[str, ...]]]:
        """Kahn's algorithm: (parents-first order, nodes left on or below a cycle, parents)."""
        parents_of = self.parents_of
        pending = {node_id: len(parents) for node_id, parents in parents_of.items()}
        kids: dict[str, list[str]] = {}
        for node_id, parents in parents_of.items():
            for parent in parents:
                kids.setdefault(parent, []).append(node_id)
        ready = [node_id for node_id, count in pending.items() if count == 0]
        ready.reverse()
        order: list[str] = []
        while ready:
            current = ready.pop()
            order.append(current)
            for child in kids.get(current, ()):
                pending[child] -= 1
                if pending[child] == 0:
                    ready.append(child)
        rest = [node_id for node_id, count in pending.items() if count > 0]
        return order, rest, parents_of

    def topological(self) -> list[str]:
        """Node ids with every parent before its children; nodes on or below a cycle last.

        Analyses that pass something down the cascade (alignments, sasaran) walk this order
        once, so they stay linear in the plan.
        """
        order, rest, _ = self._kahn
        return order + rest

    def judged(self) -> list[str]:
        """Node ids with every parent before its children, leaving out the nodes set apart
        (:meth:`set_apart`). What passes down the cascade is well defined on these nodes:
        every ancestor of one of them is one of them too."""
        return self._kahn[0]

    def set_apart(self) -> tuple[str, ...]:
        """Ids of the nodes on a cycle or below one, in file order; empty without cycles.

        These are the nodes Kahn's algorithm cannot order (each waits for a parent that
        waits, through the cycle, for itself), found in the same linear pass. What passes
        down to them depends on where one enters the cycle, so analyses leave them out and
        judge the rest of the plan.
        """
        return tuple(self._kahn[1])  # left in the index's order, which is the file's

    def cycles(self) -> list[list[str]]:
        """Groups of nodes that reach themselves through the cascade, each sorted.

        Nodes outside any cycle are peeled off first (Kahn's algorithm, linear); only what is
        left, usually nothing, goes to networkx for its strongly connected components.
        """
        _, rest, parents_of = self._kahn
        if not rest:
            return []
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(rest)
        keep = set(rest)
        graph.add_edges_from((p, n) for n in rest for p in parents_of[n] if p in keep)
        found = [
            sorted(component)
            for component in nx.strongly_connected_components(graph)
            if len(component) > 1
        ]
        found.extend([n] for n in nx.nodes_with_selfloops(graph))
        return sorted(found)

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """A networkx multigraph of nodes, OPDs and framework items with typed edges.

        Graph nodes: plan node ids (``kind="node"``), ``opd:<id>`` (``kind="opd"``) and
        ``<framework>:<item>`` (``kind="framework_item"``). Edges carry ``kind``:
        ``cascade`` (parent → child, with ``weight`` when given), ``alignment`` (node → item)
        and ``ownership`` (opd → node).

        A plan node carries ``level``, ``name``, ``label`` (kode and name, for the labels of
        yEd and Gephi) and, when it has them, ``opd``, ``kode``, ``pagu`` (the total over the
        years) and ``pagu_2026`` (one per year). An attribute with no value is left out, never
        ``None``, and pagu values are all whole numbers or all decimals, so
        ``nx.write_graphml(plan_graph.to_networkx(), "pohon.graphml")`` writes a file yEd and
        Gephi open.
        """
        import networkx as nx

        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(plan=self.plan.id, name=self.plan.name)
        for opd in sorted(self.plan.opds, key=lambda o: o.id):
            graph.add_node(
                f"opd:{opd.id}",
                kind="opd",
                **_present(name=opd.name, label=opd.name, kode=opd.kode),
            )
        whole = all(
            isinstance(v, int) or float(v).is_integer()
            for n in self.plan.nodes
            for v in n.pagu.values()
        )
        number: Callable[[float], int | float] = int if whole else float
        for node_id in sorted(self.index):
            node = self.node(node_id)
            kode = node.kode.strip() if node.kode and node.kode.strip() else None
            pagu = {f"pagu_{year}": number(v) for year, v in sorted(node.pagu.items())}
            graph.add_node(
                node_id,
                kind="node",
                level=node.level,
                name=node.name,
                label=f"{kode} {node.name}" if kode else node.name,
                **_present(
                    opd=node.opd,
                    kode=node.kode,
                    pagu=number(sum(node.pagu.values())) if node.pagu else None,
                ),
                **pagu,
            )
        for node_id in sorted(self.index):
            node = self.node(node_id)
            for parent in node.parents:
                if parent.id in self.index:
                    graph.add_edge(
                        parent.id,
                        node_id,
                        key="cascade",
                        kind="cascade",
                        **_present(weight=parent.weight),
                    )
            for item in node.aligns:
                if item not in graph:
                    graph.add_node(item, kind="framework_item", label=item)
                graph.add_edge(node_id, item, key="alignment", kind="alignment")
            if node.opd is not None:
                owner = f"opd:{node.opd}"
                if owner not in graph:
                    graph.add_node(owner, kind="opd", label=node.opd)
                graph.add_edge(owner, node_id, key="ownership", kind="ownership")
        return graph


def _present(**values: Any) -> dict[str, Any]:
    """The values that are not ``None``: GraphML and GEXF have no way to write ``None``."""
    return {key: value for key, value in values.items() if value is not None}
