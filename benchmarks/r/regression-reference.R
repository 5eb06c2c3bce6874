# Reference values for the `regression` forecasting strategy (RegressionReferenceTest).
# A monthly series with planted coefficients and deterministic pseudo-noise, the same formulas
# as the Java test; fitted with R's lm() and forecast with predict(interval = "prediction").
# Run: Rscript benchmarks/r/regression-reference.R
n <- 48; h <- 6; m <- 12
t <- 0:(n + h - 1)
price <- 10 + sin(t / 5)
promotion <- as.numeric(t %% 7 == 3)
season <- c(0, 2, 5, 9, 4, 1, -2, -6, -8, -3, 0, -2)[t %% m + 1]
noise <- 2 * sin(2.3 * t) + cos(1.1 * t * t)
y <- 100 + 0.5 * t + season - 3 * price + 8 * promotion + noise
train <- data.frame(y = y[1:n], t = t[1:n], price = price[1:n], promotion = promotion[1:n])
test <- data.frame(t = t[(n + 1):(n + h)], price = price[(n + 1):(n + h)], promotion = promotion[(n + 1):(n + h)])
fourier <- function(d, k) {
  for (j in 1:k) {
    d[[paste0("s", j)]] <- sin(2 * pi * j * (d$t %% m) / m)
    d[[paste0("c", j)]] <- cos(2 * pi * j * (d$t %% m) / m)
  }
  d
}
show <- function(label, x) cat(label, sprintf("%.10g", x), "\n")

dummies <- lm(y ~ t + factor(t %% m) + price + promotion, data = train)
show("dummies coef t price promotion:", coef(dummies)[c("t", "price", "promotion")])
show("dummies sigma:", summary(dummies)$sigma)
show("dummies mean:", predict(dummies, test))
show("dummies lo80:", predict(dummies, test, interval = "prediction", level = 0.8)[, "lwr"])
show("dummies hi95:", predict(dummies, test, interval = "prediction", level = 0.95)[, "upr"])

k3 <- lm(y ~ t + s1 + c1 + s2 + c2 + s3 + c3 + price + promotion, data = fourier(train, 3))
show("fourier3 coef t price promotion:", coef(k3)[c("t", "price", "promotion")])
show("fourier3 mean:", predict(k3, fourier(test, 3)))
show("fourier3 lo80:", predict(k3, fourier(test, 3), interval = "prediction", level = 0.8)[, "lwr"])
