#!/usr/bin/python3
"""scipy's Ward clustering of the points SegmentationBenchmark wrote, for the hierarchical parity figure.

usage: ward_scipy.py POINTS.f64 N DIMENSIONS K [K ...]
Prints one line per K: the cluster of every point (fcluster with criterion maxclust), space-separated.
"""
import sys

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

path, n, dimensions = sys.argv[1:4]
points = np.fromfile(path, dtype="<f8").reshape(int(n), int(dimensions))
tree = linkage(points, method="ward")
for k in map(int, sys.argv[4:]):
    print(" ".join(map(str, fcluster(tree, k, criterion="maxclust"))), flush=True)
