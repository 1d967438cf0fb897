# Slice-vs-rest unpaired DeLong tests by pROC 1.18.0 (roc.test(paired = FALSE, method = "delong"):
# Student's t with Welch-Satterthwaite df) and their Holm adjustment (p.adjust(method = "holm")),
# for SliceEvaluationTest. Run here: Rscript slices_asah.R
# Writes slices_asah.csv (the aSAH data with the group columns) and slices_asah_expected.csv
# (one row per slice of each grouping: the slice against every other row).
suppressMessages(library(pROC))
data(aSAH)
d <- data.frame(outcome = as.integer(aSAH$outcome == "Poor"),
                s100b = aSAH$s100b, ndka = aSAH$ndka,
                gender = as.character(aSAH$gender),
                wfns = as.character(as.integer(aSAH$wfns)),
                age = ifelse(aSAH$age < 50, "under50", "50plus"))
write.csv(d, "slices_asah.csv", row.names = FALSE, quote = FALSE)
f <- function(x) sprintf("%.17g", x)
rows <- list()
for (score in c("s100b", "ndka")) {
  for (group in c("gender", "wfns", "age")) {
    values <- unique(d[[group]])
    res <- list()
    for (v in values) {
      inside <- d[[group]] == v
      ra <- roc(d$outcome[inside], d[[score]][inside], levels = c(0, 1), direction = "<", quiet = TRUE)
      rb <- roc(d$outcome[!inside], d[[score]][!inside], levels = c(0, 1), direction = "<", quiet = TRUE)
      t <- suppressWarnings(roc.test(ra, rb, method = "delong", paired = FALSE))
      res[[v]] <- c(score, group, v, sum(inside), f(ra$auc), f(rb$auc), f(t$statistic), f(t$parameter), t$p.value)
    }
    p <- as.numeric(sapply(res, function(r) r[9]))
    holm <- p.adjust(p, method = "holm")
    for (i in seq_along(res)) {
      r <- res[[i]]
      rows[[length(rows) + 1]] <- c(r[1:8], f(p[i]), f(holm[i]))
    }
  }
}
out <- do.call(rbind, rows)
colnames(out) <- c("score", "group", "value", "n", "auc_slice", "auc_rest", "t", "df", "p_value", "p_value_holm")
write.csv(out, "slices_asah_expected.csv", row.names = FALSE, quote = FALSE)
cat(paste("pROC", packageVersion("pROC"), "on", R.version.string), "\n")
