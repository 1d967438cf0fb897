# Reference values of Student's t distribution from R (pt, qt), for StudentTTest.
# Run: Rscript student_t.R   (writes student_t_cdf.csv and student_t_quantile.csv here)
dfs <- c(0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7.3, 10, 20, 30, 50, 75.08380637, 100,
         206.6610638, 1000, 1e4, 1e5, 1e6, 1e8)
ts <- c(0, 1e-8, 0.1, 0.5, 1, 1.4337, 1.96, 2.5, 3, 5, 10, 30, 100, 1e4, 1e8)
ts <- c(rev(-ts[-1]), ts)
g <- expand.grid(t = ts, df = dfs)
g$lower <- pt(g$t, g$df)
g$upper <- pt(g$t, g$df, lower.tail = FALSE)
write.csv(format(g, digits = 17), "student_t_cdf.csv", row.names = FALSE, quote = FALSE)
ps <- c(1e-10, 1e-6, 0.001, 0.025, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99,
        0.995, 0.9995)
q <- expand.grid(p = ps, df = dfs)
q$quantile <- qt(q$p, q$df)
write.csv(format(q, digits = 17), "student_t_quantile.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
