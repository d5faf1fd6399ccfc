#!/usr/bin/env python3
"""Resident memory of the whole platform: the AppHost's process tree and DCP's (dcp ... --monitor <AppHost pid> is
detached from the AppHost). Sums VmRSS (shared pages counted once per process) and Pss (shared pages split).
usage: tools/apphost-figures/rss.py APPHOST_PID [-v]   (-v: per kind of process)"""
import os, sys
root = int(sys.argv[1]); verbose = "-v" in sys.argv
def kb(path, key):
    try:
        for l in open(path):
            if l.startswith(key): return int(l.split()[1])
    except OSError: pass
    return 0
procs = {}
for d in os.listdir("/proc"):
    if not d.isdigit(): continue
    try:
        stat = open(f"/proc/{d}/stat").read()
        cmd = open(f"/proc/{d}/cmdline").read().replace("\0", " ").strip()
    except OSError: continue
    fields = stat[stat.rindex(")") + 2:].split()
    if fields[0] == "Z": continue
    procs[int(d)] = (int(fields[1]), cmd)
roots = {root} | {p for p, (_, c) in procs.items() if f"--monitor {root} " in c + " "}
found, frontier = set(), list(roots)
while frontier:
    p = frontier.pop()
    if p in found or p not in procs: continue
    found.add(p)
    frontier += [c for c, (pp, _) in procs.items() if pp == p]
def kind(cmd):
    if "/dcp " in cmd or cmd.endswith("/dcp"): return "DCP (" + cmd.split("/dcp ")[1].split()[0] + ")"
    if "Aspire.Dashboard" in cmd: return "dashboard"
    if "AppHost.dll" in cmd: return "AppHost"
    if cmd.startswith("dotnet run"): return "dotnet run parents"
    if "/bin/Debug/" in cmd or "/bin/Release/" in cmd: return "services and gateway"
    return "servers (PostgreSQL, RabbitMQ, SMTP sink)"
groups = {}
for p in found:
    rss, pss = kb(f"/proc/{p}/status", "VmRSS:"), kb(f"/proc/{p}/smaps_rollup", "Pss:")
    g = groups.setdefault(kind(procs[p][1]), [0, 0, 0]); g[0] += 1; g[1] += rss; g[2] += pss
if verbose:
    for k, (n, rss, pss) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        print(f"   {k}: {n} processes, RSS {rss/1024:.0f} MB, PSS {pss/1024:.0f} MB")
print(f"{sum(g[0] for g in groups.values())} processes, RSS {sum(g[1] for g in groups.values())/1024:.0f} MB, PSS {sum(g[2] for g in groups.values())/1024:.0f} MB")
