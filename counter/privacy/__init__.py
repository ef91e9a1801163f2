"""The visitor's personal data over its life (UU 27/2022 on personal data protection).

`retention` reads the office's retention period; `lifecycle` finds the cases whose
period ended and the cases of one person (by NIK), and words what is held;
`acts` records a purge or a correction through the `Desk`. The removal from the
bytes on disk is the store's (`counter.chain.seal.purge`, run in the same atomic
write as the `data_redacted` event), so it can never be half done.
"""
