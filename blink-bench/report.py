#!/usr/bin/env python3
"""Turns blink-bench's JMH JSON results into the table of throughputs and ratios.

Usage: report.py OUT_DIR [NOTE]

Reads OUT_DIR/load.json and OUT_DIR/encode.json (JMH -rf json), the side files that the
benchmarks write into OUT_DIR/side (binary COPY sizes, encoder CPU times) and OUT_DIR/peak-heap.json.
Prints the tables and one line "RESULT <table> <method> <rows_per_s>" per load measurement, and
writes OUT_DIR/results.json, OUT_DIR/results.md and OUT_DIR/chart.svg.
"""
import datetime
import glob
import json
import os
import platform
import sys

LABELS = {
    "serverCopyBinary": "server-side COPY FROM file (binary), the limit",
    "blinkMaps": "Blink, maps",
    "blinkRecords": "Blink, records",
    "blinkJpa": "Blink, JPA entities (blink-jpa)",
    "blinkCsv": "Blink, CSV file (blink-files)",
    "pgBulkInsert": "PgBulkInsert 8.1.5 (binary COPY)",
    "handWritten": "hand-written encoder for these records (the yardstick)",
    "copyManagerCsv": "pgjdbc CopyManager, CSV file",
    "jdbcBatch": "JDBC batch, reWriteBatchedInserts",
    "multiRowInsert": "multi-row INSERT (insert_all), 1000 rows",
    "hibernatePersist": "Hibernate persist, batch 1000",
    "hibernateStateless": "Hibernate StatelessSession, batch 1000",
}
ORDER = list(LABELS)
TABLES = {"users": "bench_users", "narrow": "bench_narrow"}
LIMIT = "serverCopyBinary"
PEER = "pgBulkInsert"


def load_json(path, default):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def method_of(benchmark):
    return benchmark.rsplit(".", 1)[-1]


def rows_of(params):
    return int(params["usersRows"] if params["table"] == "users" else params["narrowRows"])


def seconds(metric):
    unit = metric["scoreUnit"]
    factor = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    return metric["score"] * factor


def fmt_int(value):
    return "—" if value is None else f"{value:,.0f}"


def fmt(value, digits=2):
    return "—" if value is None else f"{value:.{digits}f}"


def side_files(out, prefix):
    found = {}
    for path in glob.glob(os.path.join(out, "side", prefix + "-*.json")):
        data = load_json(path, None)
        if data:
            found[path] = data
    return list(found.values())


def load_rows(out):
    sizes = {(s["table"], int(s["rows"])): s["binaryCopyBytes"] / s["rows"] for s in side_files(out, "size")}
    results = []
    for entry in load_json(os.path.join(out, "load.json"), []):
        params = entry.get("params", {})
        table = TABLES[params["table"]]
        rows = rows_of(params)
        secs = seconds(entry["primaryMetric"])
        raw = [x for fork in entry["primaryMetric"].get("rawData", []) for x in fork]
        results.append({
            "table": table,
            "method": method_of(entry["benchmark"]),
            "label": LABELS.get(method_of(entry["benchmark"]), method_of(entry["benchmark"])),
            "rows": rows,
            "samples": len(raw),
            "secondsPerOp": secs,
            "rowsPerSecond": rows / secs,
            "rowsPerSecondMin": rows / (max(raw) * secs / entry["primaryMetric"]["score"]) if raw else None,
            "rowsPerSecondMax": rows / (min(raw) * secs / entry["primaryMetric"]["score"]) if raw else None,
            "bytesPerRow": sizes.get((table, rows)),
        })
    for table in TABLES.values():
        by_method = {r["method"]: r for r in results if r["table"] == table}
        limit = by_method.get(LIMIT)
        peer = by_method.get(PEER)
        for r in by_method.values():
            r["mbPerSecond"] = r["rowsPerSecond"] * r["bytesPerRow"] / 1e6 if r["bytesPerRow"] else None
            r["ratioToLimit"] = r["rowsPerSecond"] / limit["rowsPerSecond"] if limit else None
            r["ratioToPgBulkInsert"] = r["rowsPerSecond"] / peer["rowsPerSecond"] if peer else None
    results.sort(key=lambda r: (list(TABLES.values()).index(r["table"]),
                                ORDER.index(r["method"]) if r["method"] in ORDER else 99))
    return results


def encode_rows(out):
    cpu = {(c["method"], c["table"], int(c["rows"])): c for c in side_files(out, "cpu")}
    results = []
    for entry in load_json(os.path.join(out, "encode.json"), []):
        params = entry.get("params", {})
        table = TABLES[params["table"]]
        rows = rows_of(params)
        method = method_of(entry["benchmark"])
        side = cpu.get((method, table, rows), {})
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        results.append({
            "table": table,
            "method": method,
            "label": LABELS.get(method, method),
            "rows": rows,
            "wallSecondsPerMillionRows": seconds(entry["primaryMetric"]) * 1e6 / rows,
            "cpuSecondsPerMillionRows": side.get("medianCpuSecondsPerMillionRows", side.get("cpuSecondsPerMillionRows")),
            "allocatedBytesPerRow": alloc["score"] / rows if alloc else None,
            "copyBytesPerRow": side["bytesPerOp"] / rows if side.get("bytesPerOp") else None,
        })
    results.sort(key=lambda r: (list(TABLES.values()).index(r["table"]),
                                ORDER.index(r["method"]) if r["method"] in ORDER else 99))
    return results


def markdown(load, encode, heap, note, when):
    lines = [f"Measured {when}. {note}".strip(), ""]
    for table in TABLES.values():
        rows = [r for r in load if r["table"] == table]
        if not rows:
            continue
        lines += [f"**{table}** ({rows[0]['rows']:,} rows per operation, {rows[0]['samples']} measured operations per method; "
                  f"MB/s counts the rows' binary COPY size, {fmt(rows[0]['bytesPerRow'], 1)} bytes/row)", "",
                  "| method | rows/s | MB/s | × server limit | × PgBulkInsert | rows/s, slowest–fastest operation |",
                  "|---|---:|---:|---:|---:|---:|"]
        for r in rows:
            lines.append(f"| {r['label']} | {fmt_int(r['rowsPerSecond'])} | {fmt(r['mbPerSecond'], 1)} | "
                         f"{fmt(r['ratioToLimit'])} | {fmt(r['ratioToPgBulkInsert'])} | "
                         f"{fmt_int(r['rowsPerSecondMin'])}–{fmt_int(r['rowsPerSecondMax'])} |")
        lines.append("")
    if encode:
        lines += ["**Client encoding to a null COPY sink** (single thread, nothing on the wire)", "",
                  "| table | encoder path | CPU s per 1M rows (median) | wall s per 1M rows | allocated B/row | COPY B/row |",
                  "|---|---|---:|---:|---:|---:|"]
        for r in encode:
            lines.append(f"| {r['table']} | {r['label']} | {fmt(r['cpuSecondsPerMillionRows'], 3)} | "
                         f"{fmt(r['wallSecondsPerMillionRows'], 3)} | {fmt(r['allocatedBytesPerRow'], 0)} | "
                         f"{fmt(r['copyBytesPerRow'], 1)} |")
        lines.append("")
    if heap:
        lines += [f"**Peak heap, streamed load** of {heap['rows']:,} bench_users rows (`Rows.of(stream)`, `Retain.NONE`) "
                  f"in a JVM with -Xmx{heap['maxHeapBytes'] // (1 << 20)}m: peak heap in use "
                  f"{heap['peakHeapUsedBytes'] / (1 << 20):.1f} MiB (garbage included), highest live heap after a GC "
                  f"{heap['peakLiveAfterGcBytes'] / (1 << 20):.1f} MiB; {heap['rowsPerSecond']:,.0f} rows/s.", ""]
    return "\n".join(lines)


def svg(load, when):
    tables = [t for t in TABLES.values() if any(r["table"] == t for r in load)]
    bar_h, gap, label_w, plot_w, top = 18, 6, 330, 430, 40
    height = top
    for t in tables:
        height += 30 + sum(1 for r in load if r["table"] == t) * (bar_h + gap) + 20
    width = label_w + plot_w + 120
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="10" y="22" font-size="15" font-weight="bold">blink-bench: rows/s per method ({when})</text>']
    y = top
    for t in tables:
        rows = [r for r in load if r["table"] == t]
        peak = max(r["rowsPerSecond"] for r in rows)
        parts.append(f'<text x="10" y="{y + 18}" font-size="13" font-weight="bold">{t} ({rows[0]["rows"]:,} rows)</text>')
        y += 30
        for r in rows:
            w = max(1, plot_w * r["rowsPerSecond"] / peak)
            color = "#d62728" if r["method"] == LIMIT else "#1f77b4" if r["method"].startswith("blink") else \
                "#ff7f0e" if r["method"] == PEER else "#7f7f7f"
            parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(r["label"])}</text>')
            parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>')
            parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{r["rowsPerSecond"]:,.0f}</text>')
            y += bar_h + gap
        y += 20
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
    note = sys.argv[2] if len(sys.argv) > 2 else ""
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = load_rows(out)
    encode = encode_rows(out)
    heap = load_json(os.path.join(out, "peak-heap.json"), None)
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    md = markdown(load, encode, heap, f"{machine}. {note}", when)
    print(md)
    for r in load:
        print(f"RESULT {r['table']} {r['method']} {r['rowsPerSecond']:.0f}")
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"measured": when, "machine": machine, "note": note, "load": load, "encode": encode,
                   "peakHeap": heap}, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "results.md"), "w", encoding="utf-8") as f:
        f.write(md + "\n")
    with open(os.path.join(out, "chart.svg"), "w", encoding="utf-8") as f:
        f.write(svg(load, when))
    print(f"\nWrote {out}/results.json, {out}/results.md and {out}/chart.svg")


if __name__ == "__main__":
    main()
