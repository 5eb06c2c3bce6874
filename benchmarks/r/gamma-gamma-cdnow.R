# Reference fit of the Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary
# Value", 2013) on cdnow, for GammaGammaTest: base R optim on the closed-form log-likelihood of the
# mean repeat-transaction value. Same-day purchases are merged, the calibration period ends on
# 1997-09-30, and only customers with at least one repeat purchase count. Benchmark-only.
#   Rscript benchmarks/r/gamma-gamma-cdnow.R ../shared/data/cdnow
args <- commandArgs(trailingOnly = TRUE)
folder <- if (length(args) >= 1) args[1] else "../shared/data/cdnow"
events <- read.csv(file.path(folder, "transactions.csv"), stringsAsFactors = FALSE)
events$date <- as.Date(events$date)
events <- events[events$date <= as.Date("1997-09-30"), ]
daily <- aggregate(sales ~ customer_id + date, data = events, FUN = sum)
daily <- daily[order(daily$customer_id, daily$date), ]
first <- !duplicated(daily$customer_id)
repeats <- daily[!first, ]
x <- tapply(repeats$sales, repeats$customer_id, length)
mx <- tapply(repeats$sales, repeats$customer_id, mean)
# a zero mean spend has zero density under the model (BTYD drops such customers too)
cat(sprintf("customers with a zero mean repeat spend, left out: %d\n", sum(mx == 0)))
x <- x[mx > 0]
mx <- mx[mx > 0]
cat(sprintf("customers with repeat purchases: %d, repeat transactions: %d\n", length(x), sum(x)))
log_likelihood <- function(p, q, gamma) {
  sum(lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * log(gamma) + (p * x - 1) * log(x * mx) + log(x)
      - (p * x + q) * log(gamma + x * mx))
}
objective <- function(l) -log_likelihood(exp(l[1]), exp(l[2]), exp(l[3]))
# Nelder-Mead from (1, 1, 1) to get close, then BFGS on the log-parameters to polish
fit <- optim(c(0, 0, 0), objective, control = list(reltol = 1e-12, maxit = 10000))
fit <- optim(fit$par, objective, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
estimate <- exp(fit$par)
cat(sprintf("p = %.6f, q = %.6f, gamma = %.6f, log-likelihood = %.4f\n", estimate[1], estimate[2], estimate[3],
            -fit$value))
p <- estimate[1]; q <- estimate[2]; gamma <- estimate[3]
conditional <- (gamma + x * mx) * p / (p * x + q - 1)
cat(sprintf("population mean spend %.4f; conditional expected spend, mean over these customers %.4f; customer 1516 (x = %d, mean %.2f): %.4f\n",
            p * gamma / (q - 1), mean(conditional), x[["1516"]], mx[["1516"]], conditional[["1516"]]))
