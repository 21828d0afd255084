#!/usr/bin/python3
"""Runs a command with its stdout sent to a file; prints its wall and CPU seconds.

    time_command.py OUT_FILE COMMAND [ARG...]

Prints one JSON object {"seconds", "cpu_seconds", "status"} on stdout: wall
time, user + system CPU time of the command (all its threads), exit status.
"""

import json
import resource
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: time_command.py OUT_FILE COMMAND [ARG...]")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(sys.argv[1], "wb") as out:
        start = time.perf_counter()
        status = subprocess.run(sys.argv[2:], stdout=out).returncode
        seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "status": status}))


if __name__ == "__main__":
    main()
