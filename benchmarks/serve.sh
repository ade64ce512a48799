#!/bin/sh
# How `medsearch serve` holds up under load (wrk at 1, 8 and 64 connections, and while index adds articles),
# against a process per question: see serve.py (the driver) for what it measures.
exec python3 "$(dirname "$0")/serve.py" "$@"
