#!/bin/sh
# How medsearch grows with its corpus against plain Xapian: see scale.py (the driver) for what it measures.
exec python3 "$(dirname "$0")/scale.py" "$@"
