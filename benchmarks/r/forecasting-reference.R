# Reference figures from R's forecast package for ForecastingBenchmark: ets(), auto.arima() and
# thetaf() on a shared data folder with its train/test split, scored with the definitions of
# shared/data/m3/README.md (coverage over all test points, as ForecastAccuracy). Benchmark-only; never used by tests or the runtime.
#   Rscript benchmarks/r/forecasting-reference.R ../shared/data/m3 [ets,arima,theta] [season]
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
methods <- if (length(args) >= 2) strsplit(args[2], ",")[[1]] else c("ets", "arima", "theta")
default_season <- if (length(args) >= 3) as.integer(args[3]) else 12
read_long <- function(name) {
  file <- file.path(folder, name)
  if (!file.exists(file)) file <- paste0(file, ".gz")
  d <- read.csv(file, stringsAsFactors = FALSE)
  split(d[[3]], factor(d[[1]], levels = unique(d[[1]])))
}
train <- read_long("train.csv")
test <- read_long("test.csv")
catalogue <- read.csv(file.path(folder, "series.csv"), stringsAsFactors = FALSE)
frequency <- if ("frequency" %in% names(catalogue)) setNames(catalogue$frequency, catalogue$series_id) else NULL
period <- if ("period" %in% names(catalogue)) setNames(catalogue$period, catalogue$series_id) else NULL
fitters <- list(
  ets = function(y, h) forecast(ets(y), h = h, level = c(80, 95)),
  arima = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95)),
  theta = function(y, h) thetaf(y, h = h, level = c(80, 95)))
for (method in methods) {
  rows <- list()
  start <- Sys.time()
  cpu <- proc.time()
  for (id in names(train)) {
    m <- if (is.null(frequency)) default_season else frequency[[id]]
    y <- ts(train[[id]], frequency = m)
    actual <- test[[id]]
    f <- fitters[[method]](y, length(actual))
    mean <- as.numeric(f$mean)
    scale <- mean(abs(diff(train[[id]], lag = m)))
    lo95 <- as.numeric(f$lower[, 2]); hi95 <- as.numeric(f$upper[, 2])
    rows[[id]] <- data.frame(
      group = if (is.null(period)) "ALL" else period[[id]],
      smape = mean(200 * abs(actual - mean) / (abs(actual) + abs(mean))),
      mase = mean(abs(actual - mean)) / scale,
      points = length(actual),
      inside80 = sum(actual >= f$lower[, 1] & actual <= f$upper[, 1]),
      inside95 = sum(actual >= lo95 & actual <= hi95),
      msis = mean(hi95 - lo95 + 40 * pmax(0, lo95 - actual) + 40 * pmax(0, actual - hi95)) / scale)
  }
  seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))
  cpu_seconds <- sum((proc.time() - cpu)[c("user.self", "sys.self")])
  all <- do.call(rbind, rows)
  cat(sprintf("\n%s %s: %d series in %.1f s wall, %.1f s CPU (%.2f series/s wall)\n", basename(folder), method,
              nrow(all), seconds, cpu_seconds, nrow(all) / seconds))
  for (group in unique(c(all$group, "ALL"))) {
    g <- if (group == "ALL") all else all[all$group == group, ]
    cat(sprintf("%-10s sMAPE %7.3f  MASE %6.3f  cover80 %6.2f  cover95 %6.2f  MSIS %7.3f\n", group,
                mean(g$smape), mean(g$mase), 100 * sum(g$inside80) / sum(g$points),
                100 * sum(g$inside95) / sum(g$points), mean(g$msis)))
  }
}
