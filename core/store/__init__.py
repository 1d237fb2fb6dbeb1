"""The data file and everything that keeps it safe: paths, connections and migrations, atomic file
handling, backups, encryption, the health check and the private log.
May import `core.common`; never a domain package.
"""
