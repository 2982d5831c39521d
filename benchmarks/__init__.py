"""Benchmarks of pohon: a synthetic plan generator and the load/check timing script."""
