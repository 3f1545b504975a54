package dev.promptport.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Source of in-memory stand-ins for the Spark and Scala types the documented cluster job uses,
 * with the same names, signatures and meaning for one partition: enough to compile the job as
 * written and run it on a small log.
 */
final class SparkStandIns {

    private SparkStandIns() {
    }

    private static final Map<String, String> SOURCES = Map.of(
            "scala/Tuple2.java", """
                    package scala;
                    public final class Tuple2<A, B> implements java.io.Serializable {
                        private final A a;
                        private final B b;
                        public Tuple2(A a, B b) { this.a = a; this.b = b; }
                        public A _1() { return a; }
                        public B _2() { return b; }
                    }
                    """,
            "org/apache/spark/SparkContext.java", """
                    package org.apache.spark;
                    public final class SparkContext {
                    }
                    """,
            "org/apache/spark/sql/SparkSession.java", """
                    package org.apache.spark.sql;
                    public final class SparkSession {
                        public static Builder builder() { return new Builder(); }
                        public org.apache.spark.SparkContext sparkContext() { return new org.apache.spark.SparkContext(); }
                        public void stop() { }
                        public static final class Builder {
                            public Builder appName(String name) { return this; }
                            public SparkSession getOrCreate() { return new SparkSession(); }
                        }
                    }
                    """,
            "org/apache/spark/api/java/function/PairFunction.java", """
                    package org.apache.spark.api.java.function;
                    public interface PairFunction<T, K, V> extends java.io.Serializable {
                        scala.Tuple2<K, V> call(T t) throws Exception;
                    }
                    """,
            "org/apache/spark/api/java/function/PairFlatMapFunction.java", """
                    package org.apache.spark.api.java.function;
                    public interface PairFlatMapFunction<T, K, V> extends java.io.Serializable {
                        java.util.Iterator<scala.Tuple2<K, V>> call(T t) throws Exception;
                    }
                    """,
            "org/apache/spark/api/java/function/Function2.java", """
                    package org.apache.spark.api.java.function;
                    public interface Function2<T1, T2, R> extends java.io.Serializable {
                        R call(T1 a, T2 b) throws Exception;
                    }
                    """,
            "org/apache/spark/api/java/JavaSparkContext.java", """
                    package org.apache.spark.api.java;
                    public final class JavaSparkContext {
                        public static JavaSparkContext fromSparkContext(org.apache.spark.SparkContext sc) { return new JavaSparkContext(); }
                        public JavaRDD<String> textFile(String path) {
                            try {
                                return new JavaRDD<>(java.nio.file.Files.readAllLines(java.nio.file.Path.of(path)));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                    """,
            "org/apache/spark/api/java/JavaRDD.java", """
                    package org.apache.spark.api.java;
                    import java.util.ArrayList;
                    import java.util.List;
                    import scala.Tuple2;
                    public final class JavaRDD<T> {
                        private final List<T> rows;
                        JavaRDD(List<T> rows) { this.rows = rows; }
                        public JavaPairRDD<T, Long> zipWithIndex() {
                            List<Tuple2<T, Long>> out = new ArrayList<>();
                            for (int i = 0; i < rows.size(); i++) {
                                out.add(new Tuple2<>(rows.get(i), (long) i));
                            }
                            return new JavaPairRDD<>(out);
                        }
                    }
                    """,
            "org/apache/spark/api/java/JavaPairRDD.java", """
                    package org.apache.spark.api.java;
                    import java.util.ArrayList;
                    import java.util.Iterator;
                    import java.util.LinkedHashMap;
                    import java.util.List;
                    import java.util.Map;
                    import org.apache.spark.api.java.function.Function2;
                    import org.apache.spark.api.java.function.PairFlatMapFunction;
                    import org.apache.spark.api.java.function.PairFunction;
                    import scala.Tuple2;
                    public final class JavaPairRDD<K, V> {
                        private final List<Tuple2<K, V>> rows;
                        JavaPairRDD(List<Tuple2<K, V>> rows) { this.rows = rows; }
                        public <K2, V2> JavaPairRDD<K2, V2> mapToPair(PairFunction<Tuple2<K, V>, K2, V2> f) {
                            List<Tuple2<K2, V2>> out = new ArrayList<>();
                            for (Tuple2<K, V> row : rows) {
                                out.add(call(() -> f.call(row)));
                            }
                            return new JavaPairRDD<>(out);
                        }
                        public <K2, V2> JavaPairRDD<K2, V2> mapPartitionsToPair(
                                PairFlatMapFunction<Iterator<Tuple2<K, V>>, K2, V2> f) {
                            List<Tuple2<K2, V2>> out = new ArrayList<>();
                            call(() -> f.call(rows.iterator())).forEachRemaining(out::add);
                            return new JavaPairRDD<>(out);
                        }
                        public JavaPairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
                            Map<K, V> merged = new LinkedHashMap<>();
                            for (Tuple2<K, V> row : rows) {
                                V before = merged.get(row._1());
                                merged.put(row._1(), before == null ? row._2() : call(() -> f.call(before, row._2())));
                            }
                            List<Tuple2<K, V>> out = new ArrayList<>();
                            merged.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
                            return new JavaPairRDD<>(out);
                        }
                        private static <R> R call(java.util.concurrent.Callable<R> c) {
                            try {
                                return c.call();
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        public Map<K, V> collectAsMap() {
                            Map<K, V> out = new LinkedHashMap<>();
                            for (Tuple2<K, V> row : rows) {
                                out.put(row._1(), row._2());
                            }
                            return out;
                        }
                    }
                    """);

    static void write(Path src) throws Exception {
        for (Map.Entry<String, String> e : SOURCES.entrySet()) {
            Path p = src.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
