package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code discern threshold FILE --cost-matrix FILE [--priors ...]}, in-process. */
class CostDecisionCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path animals() throws IOException {
        return write("animals.csv", "label,cat,dog,fox\ncat,0.6,0.3,0.1\ndog,0.1,0.85,0.05\ndog,0.5,0.5,0\n"
                + "fox,0.2,0.3,0.5\n");
    }

    private Path costs() throws IOException {
        // missing a fox costs 10, every other mistake 1
        return write("costs.csv", "true\\decided,cat,dog,fox\ncat,0,1,1\ndog,1,0,1\nfox,10,10,0\n");
    }

    private static CliRunner.Result run(int code, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.code(), r.out() + r.err());
        return r;
    }

    @Test
    void handDerivedTable() throws IOException {
        // row 1: E[cat] = 0.3 + 1.0 = 1.3, E[dog] = 0.6 + 1.0 = 1.6, E[fox] = 0.9 -> fox (true cat: cost 1)
        // row 2: E = 0.85 + 0.5, 0.1 + 0.5, 0.95 -> dog (0); row 3: E = 0.5, 0.5, 1.0 -> cat, the first (1)
        // row 4: E = 0.3 + 5 = 5.3, 0.2 + 5 = 5.2, 0.5 -> fox (0). Total 2, mean 0.5, accuracy 2/4.
        // argmax: cat, dog, cat (first maximum), fox: costs 0 + 0 + 1 + 0 = 1, accuracy 3/4
        String out = run(0, "threshold", animals().toString(), "--cost-matrix", costs().toString()).out();
        assertTrue(out.contains("total cost                  2                1\n"), out);
        assertTrue(out.contains("mean cost            0.500000         0.250000\n"), out);
        assertTrue(out.contains("accuracy             0.500000         0.750000\n"), out);
        assertTrue(out.contains("least-cost decisions (rows = true class, columns = decided class):\n"
                + "            cat     dog     fox\n"
                + "  cat         0       0       1\n"
                + "  dog         1       1       0\n"
                + "  fox         0       0       1\n"), out);
    }

    /** The Bayes decision of row r over K classes, brute force: every class's expected cost, the first minimum. */
    private static int bruteForce(double[][] p, int r, double[][] c, boolean exact) {
        int k = c.length;
        double[] e = new double[k];
        int best = 0;
        for (int j = 0; j < k; j++) {
            for (int i = k - 1; i >= 0; i--) {
                e[j] += p[r][i] * c[i][j];
            }
            best = e[j] < e[best] ? j : best;
        }
        if (!exact) {
            // probabilities after a prior correction are rounded: no near tie, or the order of the
            // sums could decide it (the seed is fixed, so this holds or fails every time)
            for (int j = 0; j < k; j++) {
                assertTrue(j == best || e[j] - e[best] > 1e-9, "near tie in row " + r);
            }
        }
        return best;
    }

    @Test
    void bruteForceOverClassesWeightsAndPriors() throws IOException {
        Random rnd = new Random(16);
        for (int trial = 0; trial < 12; trial++) {
            int k = 2 + rnd.nextInt(5);
            int n = 5 + rnd.nextInt(40);
            boolean weighted = trial % 2 == 1;
            boolean priors = trial % 3 != 0;
            StringBuilder file = new StringBuilder("label");
            for (int j = 0; j < k; j++) {
                file.append(",k").append(j);
            }
            file.append(weighted ? ",weight\n" : "\n");
            int[] y = new int[n];
            double[][] p = new double[n][k];
            double[] w = new double[n];
            for (int r = 0; r < n; r++) {
                y[r] = r < k ? r : rnd.nextInt(k); // every class present: the default training priors exist
                double sum = 0;
                if (priors) {
                    for (int j = 0; j < k; j++) {
                        p[r][j] = rnd.nextDouble();
                        sum += p[r][j];
                    }
                } else {
                    // eighths (8 units spread over the classes): every expected cost is exact, so
                    // ties between classes happen and are exact
                    for (int unit = 0; unit < 8; unit++) {
                        p[r][rnd.nextInt(k)] += 1;
                    }
                    sum = 8;
                }
                file.append('k').append(y[r]);
                for (int j = 0; j < k; j++) {
                    p[r][j] /= sum;
                    file.append(',').append(p[r][j]);
                }
                w[r] = weighted ? 1 + rnd.nextInt(3) : 1;
                file.append(weighted ? "," + w[r] + "\n" : "\n");
            }
            double[][] c = new double[k][k];
            StringBuilder costs = new StringBuilder("x");
            for (int j = 0; j < k; j++) {
                costs.append(",k").append(j);
            }
            costs.append('\n');
            for (int i = 0; i < k; i++) {
                costs.append('k').append(i);
                for (int j = 0; j < k; j++) {
                    c[i][j] = i == j ? 0 : rnd.nextInt(4);
                    costs.append(',').append(c[i][j]);
                }
                costs.append('\n');
            }
            double[] target = new double[k];
            StringBuilder spec = new StringBuilder();
            if (priors) {
                double[] train = new double[k];
                double total = 0;
                for (int r = 0; r < n; r++) {
                    train[y[r]] += w[r];
                    total += w[r];
                }
                double tsum = 0;
                for (int j = 0; j < k; j++) {
                    target[j] = 1 + rnd.nextInt(9);
                    tsum += target[j];
                    spec.append(j == 0 ? "" : ",").append('k').append(j).append('=').append((int) target[j]);
                }
                // p'(c) = p(c) pi'(c)/pi(c), renormalised; pi = the weighted label frequencies
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        p[r][j] = p[r][j] * (target[j] / tsum) / (train[j] / total);
                        s += p[r][j];
                    }
                    for (int j = 0; j < k; j++) {
                        p[r][j] /= s;
                    }
                }
            }
            double[][] confusion = new double[k][k];
            double cost = 0;
            double argmaxCost = 0;
            double weight = 0;
            for (int r = 0; r < n; r++) {
                int d = bruteForce(p, r, c, !priors);
                int a = 0;
                for (int j = 1; j < k; j++) {
                    a = p[r][j] > p[r][a] ? j : a;
                }
                confusion[y[r]][d] += w[r];
                cost += w[r] * c[y[r]][d];
                argmaxCost += w[r] * c[y[r]][a];
                weight += w[r];
            }
            Path in = write("in" + trial + ".csv", file.toString());
            Path cm = write("c" + trial + ".csv", costs.toString());
            JsonNode j = priors
                    ? MAPPER.readTree(run(0, "threshold", in.toString(), "--cost-matrix", cm.toString(), "--priors",
                            spec.toString(), "--format", "json").out())
                    : MAPPER.readTree(run(0, "threshold", in.toString(), "--cost-matrix", cm.toString(), "--format",
                            "json").out());
            String at = "trial " + trial + ", K " + k + ", n " + n;
            assertEquals(n, j.get("n").asInt(), at);
            assertEquals(weighted, j.get("weighted").asBoolean(), at);
            assertEquals(priors, j.has("target_priors"), at);
            JsonNode d = j.get("cost_decision");
            assertEquals(cost, d.get("total_cost").asDouble(), 1e-12, at);
            assertEquals(cost / weight, d.get("mean_cost").asDouble(), 1e-12, at);
            assertEquals(argmaxCost, j.get("argmax").get("total_cost").asDouble(), 1e-12, at);
            for (int t = 0; t < k; t++) {
                for (int q = 0; q < k; q++) {
                    assertEquals(confusion[t][q], d.get("confusion_matrix").get(t).get(q).asDouble(), at + " cell " + t
                            + "," + q);
                }
            }
        }
    }

    @Test
    void priorCorrectionByHandWithGivenTrainingPriors() throws IOException {
        // training priors cat 0.5, dog 0.25, fox 0.25 to target 0.25 each: ratios 0.5, 1, 1
        // row 3 (0.5, 0.5, 0) -> (0.25, 0.5, 0) / 0.75: E[cat] = 1/3, E[dog] = 1/3 * ... -> dog
        //   E[cat] = p(dog) * 1 = 2/3, E[dog] = p(cat) * 1 = 1/3, E[fox] = 1: dog (true dog: cost 0)
        Path priors = write("target.csv", "class,prior\ncat,1\ndog,1\nfox,1\n");
        JsonNode j = MAPPER.readTree(run(0, "threshold", animals().toString(), "--cost-matrix", costs().toString(),
                "--priors", priors.toString(), "--train-priors", "cat=0.5,dog=0.25,fox=0.25", "--format", "json").out());
        assertEquals("[0.5,0.25,0.25]", j.get("training_priors").toString());
        assertEquals(1.0 / 3, j.get("target_priors").get(1).asDouble(), 1e-15);
        // row 1 (0.6, 0.3, 0.1) -> (0.3, 0.3, 0.1) / 0.7: E = 0.4/0.7 + 0, ..., E[fox] = 0.6/0.7 -> cat (0)
        //   E[cat] = (0.3 + 1.0) / 0.7, E[dog] = (0.3 + 1.0) / 0.7, E[fox] = 0.6 / 0.7 -> fox (true cat: 1)
        // row 2 -> dog (0); row 4 (0.2, 0.3, 0.5) -> (0.1, 0.3, 0.5): E[fox] = 0.4 smallest -> fox (0)
        assertEquals(1.0, j.get("cost_decision").get("total_cost").asDouble(), 1e-12);
        assertEquals(0.75, j.get("cost_decision").get("accuracy").asDouble(), 1e-12);
        String table = run(0, "threshold", animals().toString(), "--cost-matrix", costs().toString(), "--priors",
                "cat=1,dog=1,fox=1", "--train-priors", "cat=2,dog=1,fox=1").out();
        assertTrue(table.contains(String.format(Locale.ROOT, "  cat       0.500000     0.333333%n")), table);
    }

    @Test
    void nonZeroDiagonalIsWarned() throws IOException {
        Path c = write("diag.csv", ",cat,dog,fox\ncat,0,1,1\ndog,1,0.5,1\nfox,10,10,0\n");
        String out = run(0, "threshold", animals().toString(), "--cost-matrix", c.toString()).out();
        assertTrue(out.contains("warning: a correct decision of 'dog' costs 0.5 (non-zero diagonal)"), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--priors|cat=1,dog=1,fox=1|2|--priors and --train-priors apply to --cost-matrix only",
        "--by|youden|2|--cost-matrix decides among all classes",
        "--train-priors|cat=1,dog=1,fox=1|2|--train-priors needs --priors",
        "--class|cat|2|--cost-matrix decides among the classes of multi-class predictions"})
    void usageErrors(String option, String value, int code, String message) throws IOException {
        String[] args = option.equals("--priors")
                ? new String[] {"threshold", animals().toString(), option, value}
                : new String[] {"threshold", animals().toString(), "--cost-matrix", costs().toString(), option, value};
        CliRunner.Result r = run(code, args);
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void badInputsAreLocated() throws IOException {
        Path bad = write("bad.csv", ",cat,dog,fox\ncat,0,1,1\ndog,1,0,x\n");
        CliRunner.Result r = run(3, "threshold", animals().toString(), "--cost-matrix", bad.toString());
        assertTrue(r.err().contains(bad + ":3: column 'fox': expected a number, found 'x'"), r.err());
        r = run(2, "threshold", animals().toString(), "--cost-matrix", costs().toString(), "--priors", "cat=1,dgo=1");
        assertTrue(r.err().contains("--priors: expected a class of the predictions (cat, dog, fox), found 'dgo'; "
                + "did you mean 'dog'?"), r.err());
        Path missing = write("missing.csv", "label,cat,dog,fox\ncat,0.6,0.3,0.1\ndog,0.1,0.85,0.05\n");
        r = run(2, "threshold", missing.toString(), "--cost-matrix", costs().toString(), "--priors", "cat=1,dog=1,fox=1");
        assertTrue(r.err().contains("class 'fox' has no rows in " + missing + ", so its training prior is unknown"),
                r.err());
        Path logits = write("logits.csv", "label,cat,dog,fox\ncat,2.5,-1,0\n");
        r = run(3, "threshold", logits.toString(), "--cost-matrix", costs().toString());
        assertTrue(r.err().contains("decisions by cost take class probabilities (finite, >= 0)"), r.err());
        Path binary = write("binary.csv", "label,score\n1,0.9\n0,0.2\n");
        r = run(2, "threshold", binary.toString(), "--cost-matrix", costs().toString());
        assertTrue(r.err().contains("(for two classes: --by cost --cost-fp C --cost-fn C)"), r.err());
    }
}
