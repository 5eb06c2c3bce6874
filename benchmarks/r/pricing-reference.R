# Reference values for the pricing family on Dominick's refrigerated orange juice (bayesm's
# orangeJuice, shared/data/dominicks-oj/sales.csv.gz). Used by LogLogReferenceTest and
# PricingBenchmark. Run: Rscript benchmarks/r/pricing-reference.R [path/to/sales.csv.gz]
#
# 1. The published textbook specification: Taddy, "Business Data Science" (McGraw-Hill 2019),
#    ch. 1-2, on its 3-brand file oj.csv (github.com/TaddyLab/BDS): glm(log(sales) ~
#    log(price)*brand*feat). That file is brands 1 (tropicana = Tropicana Premium 64oz),
#    5 (minute.maid = Minute Maid 64oz) and 10 (dominicks = Dominick's 64oz) of this panel, with
#    price = round(64 * price per ounce, 2), sales = exp(logmove) and feat = 1 when feat > 0.
# 2. The log-log strategy's own specification per brand, with shrinkage off: logmove on store
#    dummies, log own price, the mean log price of the other brands in the same store-week, deal,
#    feat and two seasonal sine/cosine pairs of period 52 weeks.
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) > 0) args[1] else "../shared/data/dominicks-oj/sales.csv.gz"
d <- read.csv(gzfile(file))
show <- function(label, x) cat(label, sprintf("%.6f", x), "\n")

taddy <- d[d$brand %in% c(1, 5, 10), ]
taddy$price <- round(64 * as.numeric(taddy[cbind(seq_len(nrow(taddy)), match(paste0("price", taddy$brand), names(taddy)))]), 2)
taddy$brand <- factor(c("1" = "tropicana", "5" = "minute.maid", "10" = "dominicks")[as.character(taddy$brand)])
taddy$sales <- exp(taddy$logmove)
taddy$feat <- as.numeric(taddy$feat > 0)
cat("3-brand file rows:", nrow(taddy), "\n")
show("log(price) + brand, log(price) coef and se:", coef(summary(glm(log(sales) ~ log(price) + brand, data = taddy)))["log(price)", 1:2])
three <- coef(summary(glm(log(sales) ~ log(price) * brand * feat, data = taddy)))
for (term in c("log(price)", "log(price):brandminute.maid", "log(price):brandtropicana", "log(price):feat",
               "log(price):brandminute.maid:feat", "log(price):brandtropicana:feat")) {
  show(paste0(term, " coef and se:"), three[term, 1:2])
}

prices <- log(as.matrix(d[, paste0("price", 1:11)]))
for (b in 1:11) {
  s <- d[d$brand == b, ]
  p <- prices[d$brand == b, ]
  s$own <- p[, b]
  s$substitute <- rowMeans(p[, -b])
  for (h in 1:2) {
    s[[paste0("sin", h)]] <- sin(2 * pi * h * s$week / 52)
    s[[paste0("cos", h)]] <- cos(2 * pi * h * s$week / 52)
  }
  fit <- lm(logmove ~ factor(store) + own + substitute + deal + feat + sin1 + cos1 + sin2 + cos2, data = s)
  e <- coef(summary(fit))
  show(sprintf("brand %d own, se, substitute, se, df:", b),
       c(e["own", 1:2], e["substitute", 1:2], fit$df.residual))
}
