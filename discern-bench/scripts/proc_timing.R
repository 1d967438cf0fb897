#!/usr/bin/env Rscript
# Times R's pROC on the data of org.discern.bench.IntervalsBench, in one session:
#   the AUC alone (roc + auc), the DeLong variance and 95% interval (ci.auc, method = "delong"),
#   the paired DeLong test (roc.test), and optionally 2000 stratified bootstrap replicates
#   (ci.auc, method = "bootstrap").
# Usage: Rscript discern-bench/scripts/proc_timing.R [n ...] [--bootstrap]
#   default n: 1e5 1e6 1e7. The data are identical to the Java benchmark's:
#   label = (i mod 10) < 3, score = frac(i * 0.6180339887498949) + 0.25 * label,
#   score_b = frac(i * 0.7548776662466927) + 0.2 * label, for i = 0 .. n - 1.
suppressMessages(library(pROC))
args <- commandArgs(trailingOnly = TRUE)
boot <- "--bootstrap" %in% args
ns <- as.numeric(args[args != "--bootstrap"])
if (length(ns) == 0) ns <- c(1e5, 1e6, 1e7)

make_data <- function(n) {
  i <- 0:(n - 1)
  label <- as.integer((i %% 10) < 3)
  list(label = label,
       score = (i * 0.6180339887498949) %% 1 + 0.25 * label,
       score_b = (i * 0.7548776662466927) %% 1 + 0.2 * label)
}

elapsed <- function(expr) unname(system.time(expr)[["elapsed"]])

cat(sprintf("pROC %s, %s\n", as.character(packageVersion("pROC")), R.version.string))
for (n in ns) {
  d <- make_data(n)
  t_auc <- elapsed(r1 <- roc(d$label, d$score, levels = c(0, 1), direction = "<", quiet = TRUE))
  auc1 <- as.numeric(auc(r1))
  t_ci <- elapsed(ci1 <- ci.auc(r1, method = "delong"))
  r2 <- roc(d$label, d$score_b, levels = c(0, 1), direction = "<", quiet = TRUE)
  t_test <- elapsed(tt <- roc.test(r1, r2, method = "delong", paired = TRUE))
  # ci.auc on a fresh roc object also pays for building it: report both parts
  t_ci_total <- elapsed(ci.auc(d$label, d$score, levels = c(0, 1), direction = "<", quiet = TRUE,
                               method = "delong"))
  cat(sprintf("n=%-9d roc+auc %8.3f s | ci.auc(delong) on roc %8.3f s | ci.auc(delong) from data %8.3f s | roc.test(delong, paired) %8.3f s | auc=%.10f ci=[%.10f, %.10f] z=%.6f\n",
              as.integer(n), t_auc, t_ci, t_ci_total, t_test, auc1, ci1[1], ci1[3], tt$statistic))
  if (boot && n <= 1e5) {
    set.seed(1)
    t_boot <- elapsed(cb <- ci.auc(r1, method = "bootstrap", boot.n = 2000, boot.stratified = TRUE,
                                   progress = "none"))
    cat(sprintf("n=%-9d ci.auc(bootstrap, 2000 stratified) %8.3f s ci=[%.6f, %.6f]\n",
                as.integer(n), t_boot, cb[1], cb[3]))
  }
}
