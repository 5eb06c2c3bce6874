# Reference values for MinT reconciliation (HierarchyTest): R's hts package is not installed
# here, so MinT with the shrunk covariance is computed from its closed form in base R, with the
# shrinkage estimator written as in hts:::shrink.estim (uncentred covariance, Schafer-Strimmer
# intensity towards the diagonal).
# Hierarchy: total -> A, B; A -> AA, AB; B -> BA, BB, BC. Nodes in the order below.
# Run: Rscript benchmarks/r/reconciliation-reference.R
nodes <- c("total", "A", "AA", "AB", "B", "BA", "BB", "BC")
S <- rbind(c(1, 1, 1, 1, 1), c(1, 1, 0, 0, 0), c(1, 0, 0, 0, 0), c(0, 1, 0, 0, 0),
           c(0, 0, 1, 1, 1), c(0, 0, 1, 0, 0), c(0, 0, 0, 1, 0), c(0, 0, 0, 0, 1))
# residuals: 20 periods per node from a fixed formula, the same as the Java test
periods <- 0:19
residuals <- sapply(seq_along(nodes) - 1, function(i) sin(0.7 * periods * (i + 1) + i) * (i + 1) + cos(1.3 * periods) * 2)
n <- nrow(residuals)
covm <- crossprod(residuals) / n
corm <- cov2cor(covm)
xs <- scale(residuals, center = FALSE, scale = sqrt(diag(covm)))
v <- (1 / (n * (n - 1))) * (crossprod(xs^2) - 1 / n * (crossprod(xs))^2)
diag(v) <- 0
d <- (corm - diag(nrow(corm)))^2
lambda <- max(min(sum(v) / sum(d), 1), 0)
W <- lambda * diag(diag(covm)) + (1 - lambda) * covm
base <- c(100, 45, 20, 22, 50, 12, 18, 21)
Winv <- solve(W)
G <- solve(t(S) %*% Winv %*% S) %*% t(S) %*% Winv
cat("lambda:", sprintf("%.10g", lambda), "\n")
cat("mint:", sprintf("%.10g", S %*% G %*% base), "\n")
