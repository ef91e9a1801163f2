"""The office the demo pretends to be, apart from the demo generator (counter/demo.py)
so that `loket --demo …` reads its profile without importing the simulation."""

from __future__ import annotations

from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.config import Officer, Profile, default_profile
from counter.texts import report as T

# Every demo officer's PIN is DEMO_PIN (the sign-in and lock screens say so on demo data),
# so whoever tries the demo can lock the desk and sign in as another officer. Hashed once
# here: hashing at every start would cost a scrypt per officer.
DEMO_PIN = "1234"
DEMO_PIN_HASH = ("scrypt$16384$8$1$507521f7023e3d23dd84d1d1404f9176$d9b62034ad7eda7ce1edaf7a"
                 "065eb9de6632436bf24d663b654f7caa898e2ce0")


def demo_profile(base: Profile | None = None) -> Profile:
    """The office the demo pretends to be when no profile exists yet (never saved), so
    `loket --demo` opens at once on a fresh machine."""
    return (base or default_profile()).with_changes(
        instansi=T.DEMO_INSTANSI, unit=T.DEMO_UNIT, demo=True,
        officers=(*(Officer(n, "Petugas Loket", pin_hash=DEMO_PIN_HASH)
                    for n in T.DEMO_OFFICERS[:-1]),
                  Officer(T.DEMO_OFFICERS[-1], "Koordinator Pelayanan",
                          roles=(PETUGAS, SUPERVISOR), pin_hash=DEMO_PIN_HASH)))
