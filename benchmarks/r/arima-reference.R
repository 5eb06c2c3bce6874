# Reference values for the ARIMA strategy's tests (plugins/forecasting-arima), from R's forecast
# package (8.20 here). Writes the textbook series (R's datasets, public domain) as one value per
# line into the test resources, and prints, per test series, R's fixed-order Arima() fit
# (coefficients, log-likelihood, AICc), auto.arima()'s choice with its AICc, and the KPSS
# statistic ndiffs() uses. The numbers printed were copied into ArimaReferenceTest.
#   Rscript benchmarks/r/arima-reference.R ../shared/data/m3 plugins/forecasting-arima/src/test/resources/io/mercator/plugins/forecasting/arima
suppressPackageStartupMessages({library(forecast); library(urca)})
args <- commandArgs(trailingOnly = TRUE)
m3 <- args[1]
resources <- args[2]
writeLines(format(as.numeric(AirPassengers), digits = 15), file.path(resources, "airpassengers.txt"))
writeLines(format(as.numeric(lynx), digits = 15), file.path(resources, "lynx.txt"))
writeLines(format(as.numeric(WWWusage), digits = 15), file.path(resources, "wwwusage.txt"))
train <- read.csv(gzfile(file.path(m3, "train.csv.gz")), stringsAsFactors = FALSE)
m3series <- function(id, m) ts(train$value[train$series_id == id], frequency = m)
cases <- list(
  list(name = "log AirPassengers", y = log(AirPassengers), order = c(0, 1, 1), seasonal = c(0, 1, 1), drift = FALSE),
  list(name = "lynx", y = lynx, order = c(2, 0, 0), seasonal = c(0, 0, 0), drift = FALSE),
  list(name = "WWWusage", y = WWWusage, order = c(1, 1, 1), seasonal = c(0, 0, 0), drift = FALSE),
  list(name = "M3 N1680", y = m3series("N1680", 12), order = c(1, 0, 0), seasonal = c(1, 0, 0), drift = FALSE),
  list(name = "M3 N1700", y = m3series("N1700", 12), order = c(1, 1, 0), seasonal = c(0, 1, 1), drift = FALSE),
  list(name = "M3 N1700 drift", y = m3series("N1700", 12), order = c(0, 1, 1), seasonal = c(0, 0, 0), drift = TRUE),
  list(name = "M3 N0852 quarterly", y = m3series("N0852", 4), order = c(1, 1, 0), seasonal = c(0, 1, 0), drift = FALSE))
for (case in cases) {
  fit <- Arima(case$y, order = case$order, seasonal = case$seasonal, include.drift = case$drift,
               include.mean = TRUE)
  cat(sprintf("%s %s: %s loglik %.6f aicc %.6f sigma2 %.8g\n", case$name, arimaorder(fit)[1:6] |> paste(collapse = ","),
              paste(sprintf("%s=%.6f", names(coef(fit)), coef(fit)), collapse = " "), fit$loglik, fit$aicc, fit$sigma2))
  f <- forecast(fit, h = 3, level = 95)
  cat(sprintf("  forecast %s upper95 %s\n", paste(sprintf("%.6f", f$mean), collapse = " "),
              paste(sprintf("%.6f", f$upper[, 1]), collapse = " ")))
  auto <- auto.arima(case$y)
  cat(sprintf("  auto.arima %s aicc %.6f ndiffs %d nsdiffs %s kpss %.6f\n", forecast:::arima.string(auto), auto$aicc,
              ndiffs(case$y), if (frequency(case$y) > 1) nsdiffs(case$y) else "-",
              ur.kpss(case$y, type = "mu", use.lag = trunc(3 * sqrt(length(case$y)) / 13))@teststat))
}
