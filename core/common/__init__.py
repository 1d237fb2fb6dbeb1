"""Small pieces every domain shares: dates as typed, the one clock (now, wall-clock time across the
clock changes), the correctable-input error, identifier checks, resource paths and the privacy
wording.
Imports only the standard library: it is the lowest layer of `core`.
"""
