#!/usr/bin/python3
"""scikit-learn's KMeans on the points SegmentationBenchmark wrote, for the parity and speed figures.

usage: kmeans_sklearn.py POINTS.f64 N DIMENSIONS
POINTS.f64 holds N x DIMENSIONS little-endian doubles, row-major. The script then answers requests
read from stdin, one a line, so that the benchmark can interleave its runs with Mercator's:

  fit K RESTARTS SEED    KMeans(n_clusters=K, n_init=RESTARTS, random_state=SEED), k-means++ seeding
  start K CENTRES.f64    one run (n_init=1) from the K x DIMENSIONS centres in the file

Every other setting is scikit-learn's default (algorithm "lloyd", tol 1e-4, max_iter 300). Each
answer is one line: "wall_seconds cpu_seconds inertia iterations", where cpu_seconds is the
process's CPU time over all its threads. The first line printed is the scikit-learn version and
its thread pools' sizes.
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info

path, n, dimensions = sys.argv[1:4]
dimensions = int(dimensions)
points = np.fromfile(path, dtype="<f8").reshape(int(n), dimensions)
pools = ", ".join(f"{pool['internal_api']} {pool['num_threads']} threads" for pool in threadpool_info())
print(f"scikit-learn {sklearn.__version__} ({pools})", flush=True)
for request in sys.stdin:
    words = request.split()
    if words[0] == "fit":
        k, restarts, seed = map(int, words[1:4])
        model = KMeans(n_clusters=k, n_init=restarts, random_state=seed)
    else:
        k = int(words[1])
        centres = np.fromfile(words[2], dtype="<f8").reshape(k, dimensions)
        model = KMeans(n_clusters=k, init=centres, n_init=1)
    wall, cpu = time.perf_counter(), time.process_time()
    model.fit(points)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{wall:.4f} {cpu:.4f} {model.inertia_:.6f} {model.n_iter_}", flush=True)
