# Unpaired DeLong tests by pROC 1.18.0 (roc.test(paired = FALSE, method = "delong")), for
# DeLongUnpairedTest. Run: Rscript delong_unpaired.R   (writes delong_unpaired.json here)
suppressMessages(library(pROC))
library(jsonlite)
data(aSAH)
# numbers written with 17 significant digits (jsonlite alone stops at 15)
num <- function(x) structure(paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]"), class = "json")
one1 <- function(x) structure(sprintf("%.17g", x), class = "json")
one <- function(name, ya, sa, yb, sb) {
  ra <- roc(ya, sa, quiet = TRUE, levels = c("Good", "Poor"), direction = "<")
  rb <- roc(yb, sb, quiet = TRUE, levels = c("Good", "Poor"), direction = "<")
  t <- suppressWarnings(roc.test(ra, rb, method = "delong", paired = FALSE))
  list(name = name,
       labels_a = as.integer(ya == "Poor"), scores_a = num(sa),
       labels_b = as.integer(yb == "Poor"), scores_b = num(sb),
       roc_auc_a = one1(ra$auc), roc_auc_b = one1(rb$auc),
       variance_a = one1(var(ra, method = "delong")), variance_b = one1(var(rb, method = "delong")),
       statistic = one1(t$statistic), df = one1(t$parameter), p_value = one1(t$p.value),
       p_value_normal = one1(2 * pnorm(-abs(unname(t$statistic)))))
}
m <- aSAH$gender == "Male"
f <- aSAH$gender == "Female"
cases <- list(
  one("asah_wfns_vs_s100b", aSAH$outcome, aSAH$wfns, aSAH$outcome, aSAH$s100b),
  one("asah_wfns_male_vs_s100b_female", aSAH$outcome[m], aSAH$wfns[m], aSAH$outcome[f], aSAH$s100b[f]),
  one("asah_s100b_male_vs_s100b_female", aSAH$outcome[m], aSAH$s100b[m], aSAH$outcome[f], aSAH$s100b[f]),
  one("asah_ndka_male_vs_wfns_female", aSAH$outcome[m], aSAH$ndka[m], aSAH$outcome[f], aSAH$wfns[f]))
writeLines(toJSON(list(generator = paste("pROC", packageVersion("pROC"), "on", R.version.string),
                       cases = cases), auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE),
           "delong_unpaired.json")
