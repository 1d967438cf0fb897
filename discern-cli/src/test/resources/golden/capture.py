#!/usr/bin/python3
"""Re-captures the golden CLI outputs listed in cases.txt with a built discern.jar.

Run from the repository root after `mvn -B -ntp -DskipTests -pl discern-cli -am package`:
    /usr/bin/python3 discern-cli/src/test/resources/golden/capture.py
Only for new cases: the existing outputs were captured before the summary refactoring and
must not change (GoldenOutputTest checks them byte for byte). One deliberate change since: on
2026-12-07 log loss and Brier score came to be summed in blocks of 4096 rows (ProbabilityMetrics),
and the nine evaluate outputs of the 20,000- and 100,000-row inputs were re-captured; only their
"log_loss" and "brier" lines changed, in the last one or two digits, each nearer the exactly
rounded mean (math.fsum) than before.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", "..", ".."))
places = {
    "$F/": os.path.join(root, "discern-core/src/test/resources/fixtures") + "/",
    "$E/": os.path.join(root, "examples") + "/",
    "$G/": os.path.join(here, "inputs") + "/",
}
only = set(sys.argv[1:])
for line in open(os.path.join(here, "cases.txt")):
    if not line.strip() or line.startswith("#"):
        continue
    case, args = line.rstrip("\n").split("\t")
    if only and case not in only:
        continue
    argv = []
    for a in args.split(" "):
        for k, v in places.items():
            a = a.replace(k, v)
        argv.append(a)
    r = subprocess.run(["java", "-jar", os.path.join(root, "discern-cli/target/discern.jar")] + argv,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(case + ": exit " + str(r.returncode) + "\n" + r.stderr)
    out = r.stdout
    for k, v in places.items():
        out = out.replace(v, k)
    path = os.path.join(here, case + ".out")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(out)
    print(case)
