#!/usr/bin/env python3
"""Peers for bench/network.ts: networkx, igraph and leidenalg on the same graphs, in the same run.

Run by bench/network.ts with Debian's interpreter (/usr/bin/python3; python3-networkx, python3-igraph,
python3-leidenalg). Reads a JSON job on stdin:
  {"graphs": [{"name", "n", "undirected": path, "directed": path, "seeds", "k", "exact", "nx_communities"}]}
where each path holds lines "u v w" (0-based). `undirected` is the merged loop-free graph communities and
betweenness run on; `directed` the arcs PageRank runs on (mutual ties both ways, self-loops kept).
Writes one JSON object per graph on stdout. Times are medians in ms of the algorithm alone (graph already built),
as the TypeScript side reports them.
"""
import json
import random
import statistics
import sys
import time

import igraph as ig
import leidenalg
import networkx as nx


def read(path):
    edges, weights = [], []
    with open(path) as f:
        for line in f:
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    return edges, weights


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def summary(times, qs):
    return {"ms": statistics.median(times), "q_mean": statistics.fmean(qs), "q_max": max(qs), "runs": len(qs)}


def run(job):
    n = job["n"]
    edges, weights = read(job["undirected"])
    g = ig.Graph(n=n, edges=edges, directed=False)
    g.es["weight"] = weights
    out = {"name": job["name"]}

    times, qs = [], []
    for seed in range(job["seeds"]):
        random.seed(seed)  # python-igraph draws from Python's `random`
        ms, part = timed(lambda: g.community_multilevel(weights="weight"))
        times.append(ms)
        qs.append(g.modularity(part.membership, weights="weight"))
    out["igraph_multilevel"] = summary(times, qs)

    times, qs = [], []
    for seed in range(job["seeds"]):
        ms, part = timed(lambda: leidenalg.find_partition(
            g, leidenalg.ModularityVertexPartition, weights="weight", seed=seed))
        times.append(ms)
        qs.append(g.modularity(part.membership, weights="weight"))
    out["leidenalg"] = summary(times, qs)

    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))
    if job.get("nx_communities", True):
        times, qs = [], []
        for seed in range(min(job["seeds"], 3)):
            ms, comms = timed(lambda: nx.community.louvain_communities(G, weight="weight", seed=seed))
            membership = [0] * n
            for c, members in enumerate(comms):
                for v in members:
                    membership[v] = c
            times.append(ms)
            qs.append(g.modularity(membership, weights="weight"))
        out["networkx_louvain"] = summary(times, qs)

    arcs, arc_weights = read(job["directed"])
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    D.add_weighted_edges_from((u, v, w) for (u, v), w in zip(arcs, arc_weights))
    times = []
    for _ in range(3):
        ms, _pr = timed(lambda: nx.pagerank(D, alpha=0.85, weight="weight"))
        times.append(ms)
    out["networkx_pagerank"] = {"ms": statistics.median(times)}
    gd = ig.Graph(n=n, edges=arcs, directed=True)
    gd.es["weight"] = arc_weights
    times = []
    for _ in range(3):
        ms, _pr = timed(lambda: gd.pagerank(damping=0.85, weights="weight"))
        times.append(ms)
    out["igraph_pagerank"] = {"ms": statistics.median(times)}

    if job["exact"]:
        ms, _b = timed(lambda: nx.betweenness_centrality(G, normalized=True))
        out["networkx_betweenness"] = {"ms": ms, "mode": "exact"}
        ms, _b = timed(lambda: g.betweenness(directed=False))
        out["igraph_betweenness"] = {"ms": ms, "mode": "exact"}
    elif job.get("nx_betweenness_k"):
        k = job["nx_betweenness_k"]
        ms, _b = timed(lambda: nx.betweenness_centrality(G, k=k, normalized=True, seed=0))
        out["networkx_betweenness"] = {"ms": ms, "mode": f"k={k}"}
    return out


def main():
    job = json.load(sys.stdin)
    for graph in job["graphs"]:
        print(json.dumps(run(graph)), flush=True)


if __name__ == "__main__":
    main()
