"""`make bench`: speed measurements, run on demand (not part of `make test`)."""
