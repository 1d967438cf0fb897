package org.discern.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test run: {@code local[2]}, no UI, few shuffle partitions. Shared by
 * every test class (a session starts in seconds; starting one per class would dominate the run)
 * and stopped when the JVM exits.
 */
final class SparkSessions {
    private static SparkSession session;

    private SparkSessions() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("discern-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return session;
    }
}
