"""Officers' accounts: roles, PINs (salted scrypt hashes), sign-in and lockout.

Pure rules only: the accounts themselves live in the office profile (counter.config's
`Officer`), failed sign-ins and lifts are office audit records (counter.audit), kept by
an adapter in store/. Nothing here ever holds a PIN longer than one call.
"""
