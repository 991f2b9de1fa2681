"""Reads over the read models (`rm_*` tables) and the raw log, one module per resource.

Each module holds its SQL beside a small typed function; the API parses input, calls
these and serialises. Nothing here writes.
"""
