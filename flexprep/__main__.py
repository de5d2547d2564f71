"""``python -m flexprep`` is the same program as ``flexprep``."""

import sys

from flexprep.cli import main

sys.exit(main())
