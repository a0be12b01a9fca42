#!/usr/bin/python3
"""RFM segments of the seed paper (section 4, Table 1) in pandas: the reference Rapport's engine must match.

Definitions (SPEC.md "Analytics definitions"): order lines with a customer, not cancelled (invoice starting with
"C") and with a positive quantity; recency = whole days from the customer's last order to the latest order + 1 day;
frequency = distinct invoices; monetary = sum of quantity x unit price. R = qcut(recency, 5, labels 5..1),
F = qcut(frequency.rank(method="first"), 5), M = qcut(monetary, 5); segment by the paper's regex map.
Where pandas would raise on duplicate quantile edges (tiny or degenerate data), see qcut() below.

Usage: /usr/bin/python3 bench/rfm-pandas.py [CSV] [--repeat N] [--scores OUT.csv]
Prints JSON: customers, segment counts, per-segment frequency means, read time and the median RFM time (ms).
Run with Debian's interpreter (/usr/bin/python3, python3-pandas).
"""
import argparse
import json
import statistics
import time

import numpy as np
import pandas as pd

SEG_MAP = {
    r"[1-2][1-2]": "hibernating",
    r"[1-2][3-4]": "at_risk",
    r"[1-2]5": "cant_lose",
    r"3[1-2]": "about_to_sleep",
    r"33": "need_attention",
    r"[3-4][4-5]": "loyal_customers",
    r"41": "promising",
    r"51": "new_customers",
    r"[4-5][2-3]": "potential_loyalists",
    r"5[4-5]": "champions",
}


def qcut(x, labels):
    """pd.qcut(x, 5, labels); where pandas raises on duplicate edges, the rule Rapport documents instead:
    the same right-closed cut on the edges as they are (empty bins stay empty, ties take the lowest bin)."""
    try:
        return pd.qcut(x, 5, labels=labels).astype(int)
    except ValueError:
        values = x.to_numpy(dtype=float)
        edges = np.quantile(values, np.linspace(0, 1, 6))
        ids = np.searchsorted(edges, values, side="left")
        ids[values == edges[0]] = 1
        return pd.Series(np.asarray(labels)[ids - 1], index=x.index)


def rfm(df):
    valid = df[df["CustomerID"].notna() & ~df["InvoiceNo"].str.startswith("C") & (df["Quantity"] > 0)]
    valid = valid.assign(TotalPrice=valid["Quantity"] * valid["UnitPrice"])
    reference = valid["InvoiceDate"].max() + pd.Timedelta(days=1)
    # groupby sorts by CustomerID, so rank(method="first") breaks frequency ties in ascending id order.
    table = valid.groupby("CustomerID").agg(
        last=("InvoiceDate", "max"), frequency=("InvoiceNo", "nunique"), monetary=("TotalPrice", "sum")
    )
    table["recency"] = (reference - table["last"]).dt.days
    if len(table) == 0:
        table = table.assign(recency=[], R=[], F=[], M=[], segment=[])
        return table, table.groupby("segment")[["recency", "frequency", "monetary"]].describe()
    table["R"] = qcut(table["recency"], [5, 4, 3, 2, 1])
    table["F"] = qcut(table["frequency"].rank(method="first"), [1, 2, 3, 4, 5])
    table["M"] = qcut(table["monetary"], [1, 2, 3, 4, 5])
    table["segment"] = (table["R"].astype(str) + table["F"].astype(str)).replace(SEG_MAP, regex=True)
    summary = table.groupby("segment")[["recency", "frequency", "monetary"]].describe()
    return table, summary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", nargs="?", default="/work/shared/data/online-retail/online_retail.csv.gz")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scores", help="write per-customer recency, frequency, monetary, R, F, M, segment here")
    args = parser.parse_args()

    start = time.perf_counter()
    df = pd.read_csv(args.csv, dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
    read_ms = (time.perf_counter() - start) * 1000

    times = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        table, summary = rfm(df)
        times.append((time.perf_counter() - start) * 1000)

    if args.scores:
        out = table[["recency", "frequency", "monetary", "R", "F", "M", "segment"]].copy()
        out.index = out.index.astype("int64")
        out.to_csv(args.scores, float_format="%.17g")

    counts = table["segment"].value_counts()
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "customers": int(len(table)),
                "segments": {name: int(counts.get(name, 0)) for name in SEG_MAP.values()},
                "frequencyMean": {name: round(float(summary.loc[name, ("frequency", "mean")]), 4) for name in summary.index},
                "readMs": round(read_ms, 1),
                "rfmMs": {"median": round(statistics.median(times), 2), "min": round(min(times), 2), "runs": len(times)},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
