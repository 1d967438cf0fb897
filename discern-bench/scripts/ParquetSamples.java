import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes Parquet files with DuckDB (a different library than Discern's reader), from the golden
 * fixtures' CSV files: the small test inputs of discern-io (src/test/resources/parquet, listed in
 * the README there) and, given a CSV, its Parquet copy for the benchmark. Run by
 * parquet_samples.sh (which fetches the DuckDB JDBC driver from Maven Central):
 *
 *   java -cp duckdb_jdbc.jar ParquetSamples.java FIXTURE_DIR OUT_DIR
 *   java -cp duckdb_jdbc.jar ParquetSamples.java --copy IN.csv OUT.parquet
 */
public class ParquetSamples {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET preserve_insertion_order = true");
            if (args[0].equals("--copy")) {
                s.execute("COPY (SELECT * FROM read_csv('" + args[1] + "')) TO '" + args[2]
                        + "' (FORMAT parquet, COMPRESSION snappy)");
                return;
            }
            Path fx = Path.of(args[0]);
            Path out = Path.of(args[1]);
            Files.createDirectories(out);
            // binary: BIGINT labels, gzip
            copy(s, "SELECT label::BIGINT AS label, score FROM " + csv(fx, "binary_breast_cancer"),
                    out.resolve("binary_breast_cancer_bigint.gzip.parquet"), "gzip", null);
            // binary: the first 5000 rows, ids, format version 2, row groups of 2048 rows (three groups)
            copy(s, "SELECT r AS id, label::BIGINT AS label, score FROM (SELECT row_number() OVER () AS r, * FROM "
                    + csv(fx, "binary_fraudlike") + ") WHERE r <= 5000 ORDER BY r",
                    out.resolve("binary_fraudlike_5000_v2.gzip.parquet"), "gzip",
                    "PARQUET_VERSION V2, ROW_GROUP_SIZE 2048");
            // binary: text labels, uncompressed
            copy(s, "SELECT CASE WHEN label = 1 THEN 'yes' ELSE 'no' END AS outcome, score AS p FROM "
                    + csv(fx, "binary_asah_s100b_vs_wfns"), out.resolve("binary_asah_text.uncompressed.parquet"),
                    "uncompressed", null);
            // binary: the first 5000 rows, a null score in row 2060 (the second row group)
            copy(s, "SELECT label::INTEGER AS label, CASE WHEN r = 2060 THEN NULL ELSE score END AS score FROM"
                    + " (SELECT row_number() OVER () AS r, * FROM " + csv(fx, "binary_fraudlike") + ") WHERE r <= 5000"
                    + " ORDER BY r", out.resolve("binary_fraudlike_null.snappy.parquet"), "snappy",
                    "PARQUET_VERSION V2, ROW_GROUP_SIZE 2048");
            // multi-class: a list<double> column (as pandas/pyarrow write one), class-name labels, weights
            copy(s, "SELECT label, [north, south, east, west] AS scores, weight FROM "
                    + csv(fx, "multiclass_weighted"), out.resolve("multiclass_weighted_list.zstd.parquet"), "zstd",
                    null);
            // multi-class: flat columns, Parquet format version 2 (data pages v2, newer encodings)
            copy(s, "SELECT * FROM " + csv(fx, "multiclass_digits"), out.resolve("multiclass_digits_v2.zstd.parquet"),
                    "zstd", "PARQUET_VERSION V2, ROW_GROUP_SIZE 300");
            // multi-class: a Spark ML vector struct, sparse (type 0) on even rows and dense (type 1) on odd rows
            copy(s, "WITH t AS (SELECT row_number() OVER () - 1 AS r, label, [ant, bee, cat, dog, eel] AS s FROM "
                    + csv(fx, "multiclass_small_ties") + ") SELECT (list_position(['ant', 'bee', 'cat', 'dog', 'eel'],"
                    + " label) - 1)::DOUBLE AS label, CASE WHEN r % 2 = 0 THEN {'type': 0::TINYINT, 'size': 5,"
                    + " 'indices': [(i - 1)::INTEGER FOR i IN range(1, 6) IF s[i] != 0], 'values': [s[i] FOR i IN"
                    + " range(1, 6) IF s[i] != 0]} ELSE {'type': 1::TINYINT, 'size': NULL::INTEGER, 'indices':"
                    + " NULL::INTEGER[], 'values': s} END AS probability FROM t ORDER BY r",
                    out.resolve("multiclass_small_ties_sparse.zstd.parquet"), "zstd", null);
            // multi-label: label columns as boolean, tinyint, integer and double
            copy(s, "SELECT label_red::BOOLEAN AS label_red, label_green::TINYINT AS label_green, label_blue::INTEGER"
                    + " AS label_blue, label_alpha::DOUBLE AS label_alpha, score_red, score_green, score_blue,"
                    + " score_alpha FROM " + csv(fx, "multilabel_small"), out.resolve("multilabel_small.snappy.parquet"),
                    "snappy", null);
        }
    }

    private static String csv(Path dir, String name) {
        return "read_csv('" + dir.resolve(name + ".csv") + "')";
    }

    private static void copy(Statement s, String query, Path file, String codec, String options) throws Exception {
        s.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
                + (options == null ? "" : ", " + options) + ")");
        System.out.println(file + " " + Files.size(file) + " bytes");
    }
}
