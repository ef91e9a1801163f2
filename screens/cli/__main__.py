"""`python -m screens.cli` runs the `loket` command."""

import sys

from screens.cli import main

sys.exit(main())
