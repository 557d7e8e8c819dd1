package dev.blink.bench;

import java.util.List;

/**
 * One row of the grid: a target (a table, or a set of small tables), how many rows one load writes,
 * and the methods that load it. Before every measured load the tables are emptied ({@code reset})
 * and a {@code CHECKPOINT} runs, so that no load pays for the one before it.
 *
 * @param name the case in the report ({@code bench_users}, {@code small 50×10})
 * @param rows rows written by one load
 * @param repeats how many times one measurement runs the load (small seeds: many per measurement,
 *     each into fresh ids, so that the clocks see more than their resolution); figures are per load
 * @param reset SQL that empties the case's tables
 * @param countSql SQL that counts the rows the case's tables hold, checked after every measurement
 * @param methods the methods, in the order they run in each round
 */
record RoundsCase(String name, long rows, int repeats, String reset, String countSql, List<RoundsMethod> methods) {

    RoundsCase {
        methods = List.copyOf(methods);
    }
}
