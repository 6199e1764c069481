#!/usr/bin/env python3
"""Names the addresses that perf left unresolved in Bearings' own code.

    perf report ... --sort dso,symbol --stdio -g none >REPORT
    python3 bench/perf_symbols.py BINARY PERF_DATA REPORT >NAMED

On some machines perf 6.1 reads no symbols from the Swift 6.3 release binary (its `nm` has them):
every Bearings frame is a bare address, as at 04fc09e on the benchmark machine of issue #29. This
looks each address of BINARY up in `nm -n`'s table (runtime addresses first moved back by where
perf saw the binary mapped, from `perf script --show-mmap-events`) and prints the report as
`--sort symbol` prints it, one line per function with the shares of its addresses added up, for
bench/profile_table.py. Lines perf resolved itself pass through. Standard library only.
"""

import bisect
import re
import subprocess
import sys

ROW = re.compile(r"^\s*([\d.]+)%(?:\s+([\d.]+)%)?\s+(\S+)\s+\[(.)\]\s+(.*?)\s*$")


def symbols(binary):
    out = subprocess.run(["nm", "-n", binary], capture_output=True, text=True, check=True).stdout
    addresses, names = [], []
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[0] and parts[1] in "tTwW":
            addresses.append(int(parts[0], 16))
            names.append(parts[2])
    return addresses, names


def mapping_start(perf_data, binary_name):
    """Where the binary's code was mapped (its executable segment starts at file offset 0)."""
    out = subprocess.run(["perf", "script", "-i", perf_data, "--show-mmap-events"], capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        if "PERF_RECORD_MMAP" in line and "r-xp" in line and line.rstrip().endswith("/" + binary_name):
            m = re.search(r"\[(0x[0-9a-f]+)\(0x[0-9a-f]+\) @ (0x[0-9a-f]+|0) ", line)
            if m:
                return int(m.group(1), 16) - int(m.group(2), 16)
    return 0


def main():
    binary, perf_data, report = sys.argv[1], sys.argv[2], sys.argv[3]
    addresses, names = symbols(binary)
    name = binary.rsplit("/", 1)[-1]
    start = mapping_start(perf_data, name)
    totals, order, header = {}, [], []
    with open(report, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                header.append(line.rstrip("\n"))
                continue
            m = ROW.match(line)
            if not m:
                continue
            first, second, dso, space, what = m.groups()
            what = what.split()[0] if what.startswith("0x") else re.sub(r"(\s+-)+\s*$", "", what).rstrip()
            if what.startswith("0x") and dso == name:
                address = int(what, 16)
                if start and address >= start:
                    address -= start
                index = bisect.bisect_right(addresses, address) - 1
                if index >= 0:
                    what = names[index]
            key = (space, what)
            if key not in totals:
                totals[key] = [0.0, 0.0 if second is not None else None]
                order.append(key)
            totals[key][0] += float(first)
            if second is not None:
                totals[key][1] += float(second)
    print("\n".join(header))
    for key in sorted(order, key=lambda k: -totals[k][0]):
        first, second = totals[key]
        shares = "%6.2f%%" % first if second is None else "%6.2f%%  %6.2f%%" % (first, second)
        print("%s  [%s] %s" % (shares, key[0], key[1]))


if __name__ == "__main__":
    main()
