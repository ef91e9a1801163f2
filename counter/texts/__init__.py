"""Every user-facing text of Loket, in Bahasa Indonesia, one module per area.

Kept in one package so a translation can be added by mirroring these modules.
"""
