"""The office's audit trail: office acts (records) and the listing of sensitive acts.

Case acts (a cancellation, a NIK reveal…) are case events; office acts (settings
changed, accounts changed, failed sign-ins, a lock lifted) have no case, so they are
`OfficeRecord`s kept by an adapter in store/ (store.audit_log). `listing` merges both.
"""
