#!/usr/bin/python3
"""scikit-learn's KMeans on the points SegmentationBenchmark wrote, for the parity and speed figures.

usage: kmeans_sklearn.py POINTS.f64 N DIMENSIONS RESTARTS SEED K [K ...]
POINTS.f64 holds N x DIMENSIONS little-endian doubles, row-major. Prints one line per K:
"K seconds inertia iterations"; the n-th K is fitted with seed SEED + n - 1.
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

path, n, dimensions, restarts, seed = sys.argv[1:6]
points = np.fromfile(path, dtype="<f8").reshape(int(n), int(dimensions))
for run, k in enumerate(map(int, sys.argv[6:])):
    start = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=int(restarts), random_state=int(seed) + run).fit(points)
    elapsed = time.perf_counter() - start
    print(k, f"{elapsed:.3f}", f"{model.inertia_:.6f}", model.n_iter_, flush=True)
