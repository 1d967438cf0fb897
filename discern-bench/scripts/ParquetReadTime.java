// PredictionReader.read of one file four times in one JVM (cold, then warm): docs/PERFORMANCE.md, "Parquet".
// java -Xmx4g -cp discern-cli/target/discern.jar discern-bench/scripts/ParquetReadTime.java FILE
import org.discern.io.*; import java.nio.file.Path;
public class ParquetReadTime { public static void main(String[] a) throws Exception {
  for (int i = 0; i < 4; i++) { long t = System.nanoTime();
    Predictions p = PredictionReader.read(InputSpec.builder().file(Path.of(a[0])).build());
    System.out.printf("read %s: %.3f s (%d rows)%n", a[0], (System.nanoTime() - t) / 1e9, ((BinaryPredictions) p).size()); }
}}
