#!/usr/bin/env python3
"""Start-up time of the discern command, interleaved so that load changes hit every variant alike.

    flock /tmp/discern-bench.lock /usr/bin/python3 discern-bench/scripts/startup.py [ROUNDS]

Run from the repository root after './discern --version' (which builds the jar and the CDS
archive). tiny.csv has 10 rows. Each round runs every variant once, in a fresh order; the table gives the median and
the quartiles of the wall-clock time over the rounds (default 30), after 3 warm-up rounds, and
the median CPU time (user + system of the JVM and the launcher; less sensitive to other load).

With the training plug-in installed (discern-train/target/plugin/) the launcher variants include it
and one more variant times the java command with it. Environment (optional): OLD_JAR, a jar to time as 'java -jar OLD_JAR --version' and 'evaluate
tiny.csv' too (e.g. the discern.jar of main before a change).
"""
import os
import random
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.getcwd()
JAR = os.path.join(ROOT, "discern-cli", "target", "discern.jar")
JSA = os.path.join(ROOT, "discern-cli", "target", "discern.jsa")
TINY = "/tmp/discern-startup-tiny.csv"
# the floor: a class that prints one line, run from the same class path as the tool
HELLO_DIR = "/tmp/discern-startup-hello"


def hello():
    """Compiles the floor's Hello class (once) and returns its directory."""
    if not os.path.exists(os.path.join(HELLO_DIR, "Hello.class")):
        os.makedirs(HELLO_DIR, exist_ok=True)
        with open(os.path.join(HELLO_DIR, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
        subprocess.run(["javac", "-d", HELLO_DIR, os.path.join(HELLO_DIR, "Hello.java")], check=True)
    return HELLO_DIR


def variants():
    cds = ["-XX:SharedArchiveFile=" + JSA, "-Xlog:cds=off,cds+dynamic=off"]
    v = [
        ("floor: java -cp discern.jar:. Hello (prints one line)", ["java", "-cp", JAR + ":" + hello(), "Hello"], {}),
        ("java -jar discern.jar --version", ["java", "-jar", JAR, "--version"], {}),
        ("java -jar discern.jar --help", ["java", "-jar", JAR, "--help"], {}),
        ("java -jar discern.jar evaluate tiny.csv", ["java", "-jar", JAR, "evaluate", TINY], {}),
        ("java + CDS archive --version (the launcher's java command)",
         ["java", "-Xmx4g"] + cds + ["-Ddiscern.home=" + ROOT, "-cp", JAR, "org.discern.cli.Main", "--version"], {}),
        ("./discern --version", ["./discern", "--version"], {}),
        ("./discern --help", ["./discern", "--help"], {}),
        ("./discern evaluate tiny.csv", ["./discern", "evaluate", TINY], {}),
        ("DISCERN_JAVA_OPTS=-Xmx4g ./discern --version (G1, no huge pages)", ["./discern", "--version"],
         {"DISCERN_JAVA_OPTS": "-Xmx4g"}),
        ("DISCERN_JAVA_OPTS=-Xmx4g ./discern evaluate tiny.csv", ["./discern", "evaluate", TINY],
         {"DISCERN_JAVA_OPTS": "-Xmx4g"}),
        ("DISCERN_CDS=0 ./discern --version", ["./discern", "--version"], {"DISCERN_CDS": "0"}),
        ("DISCERN_CDS=0 ./discern evaluate tiny.csv", ["./discern", "evaluate", TINY], {"DISCERN_CDS": "0"}),
    ]
    plugin = os.path.join(ROOT, "discern-train", "target", "plugin")
    if os.path.isdir(plugin):
        v.append(("java + CDS archive + plug-in class path --version",
                  ["java", "-Xmx4g"] + cds + ["-Ddiscern.home=" + ROOT, "-cp", JAR + ":" + plugin + "/*",
                                              "org.discern.cli.Main", "--version"], {}))
    old = os.environ.get("OLD_JAR")
    if old:
        v.insert(1, ("java -jar OLD_JAR --version", ["java", "-jar", old, "--version"], {}))
        v.insert(2, ("java -jar OLD_JAR evaluate tiny.csv", ["java", "-jar", old, "evaluate", TINY], {}))
    return v


def run(cmd, env):
    """Wall-clock and CPU (user + system, all threads and child processes) seconds of one run."""
    e = dict(os.environ)
    e.update(env)
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e, cwd=ROOT)
    t = time.perf_counter() - t0
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr.decode()))
    return t, (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with open(TINY, "w") as f:
        f.write("label,score\n1,0.9\n0,0.1\n1,0.6\n0,0.7\n1,0.8\n0,0.3\n1,0.55\n0,0.2\n1,0.4\n0,0.65\n")
    vs = variants()
    times = {name: [] for name, _, _ in vs}
    cpu = {name: [] for name, _, _ in vs}
    rng = random.Random(7)
    for r in range(rounds + 3):
        order = list(vs)
        rng.shuffle(order)
        for name, cmd, env in order:
            t, c = run(cmd, env)
            if r >= 3:
                times[name].append(t)
                cpu[name].append(c)
    print("| command | wall median (s) | wall quartiles (s) | CPU median (s) |")
    print("|---|---|---|---|")
    for name, _, _ in vs:
        q = statistics.quantiles(times[name], n=4)
        print("| `%s` | %.3f | %.3f-%.3f | %.3f |" % (name, statistics.median(times[name]), q[0], q[2],
                                                    statistics.median(cpu[name])))


if __name__ == "__main__":
    main()
